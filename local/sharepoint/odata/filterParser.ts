// Parses an OData v3 $filter expression as SharePoint's REST service accepts it into an AST.
// Supported: eq ne lt le gt ge, and or not, parentheses, startswith(F,'x'), substringof('x',F),
// literals 'text' (with '' escapes), numbers, true/false, null, datetime'…', guid'…', and paths such as
// Status, ProcurementId, Procurement/Id, Author/EMail.
import { invalidQuery, SPError } from '../errors';
import { normalizeDate } from '../itemValues';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; raw: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; value: string }
  | { kind: 'guid'; value: string };

export type Operand = { kind: 'path'; path: string[] } | { kind: 'literal'; literal: Literal };

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'startswith'; path: string[]; value: Literal; negate?: boolean }
  | { kind: 'substringof'; path: string[]; value: Literal; negate?: boolean };

type Token =
  | { t: 'lparen' | 'rparen' | 'comma' }
  | { t: 'ident'; v: string }
  | { t: 'literal'; v: Literal };

function syntaxError(detail: string): SPError {
  return invalidQuery(`The expression is not valid. ${detail}`);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(') { out.push({ t: 'lparen' }); i++; continue; }
    if (c === ')') { out.push({ t: 'rparen' }); i++; continue; }
    if (c === ',') { out.push({ t: 'comma' }); i++; continue; }
    if (c === "'") {
      const [s, next] = readQuoted(src, i);
      out.push({ t: 'literal', v: { kind: 'string', value: s } });
      i = next;
      continue;
    }
    const num = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[lLmMdDfF]?/.exec(src.slice(i));
    if (num && (c !== '-' && c !== '+' ? true : /\d|\./.test(src[i + 1] ?? ''))) {
      const raw = num[0].replace(/[lLmMdDfF]$/, '');
      const value = Number(raw);
      if (!Number.isFinite(value)) throw syntaxError(`The number '${num[0]}' is out of range.`);
      out.push({ t: 'literal', v: { kind: 'number', value, raw } });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (id) {
      const word = id[0];
      i += word.length;
      const lower = word.toLowerCase();
      if ((lower === 'datetime' || lower === 'guid' || lower === 'datetimeoffset') && src[i] === "'") {
        const [s, next] = readQuoted(src, i);
        i = next;
        if (lower === 'guid') {
          if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) throw syntaxError(`Unrecognized 'Edm.Guid' literal 'guid'${s}''.`);
          out.push({ t: 'literal', v: { kind: 'guid', value: s.toLowerCase() } });
        } else {
          // An ISO literal must name a real day and time (Date() would roll 30 February over to 2 March).
          const bad = /^\d{4}-\d{2}-\d{2}/.test(s) ? normalizeDate(s) === null : Number.isNaN(new Date(s).getTime());
          if (bad) throw syntaxError(`Unrecognized 'Edm.DateTime' literal 'datetime'${s}''.`);
          out.push({ t: 'literal', v: { kind: 'datetime', value: s } });
        }
        continue;
      }
      if (lower === 'true' || lower === 'false') {
        out.push({ t: 'literal', v: { kind: 'boolean', value: lower === 'true' } });
        continue;
      }
      if (lower === 'null') {
        out.push({ t: 'literal', v: { kind: 'null' } });
        continue;
      }
      out.push({ t: 'ident', v: word });
      continue;
    }
    throw syntaxError(`Syntax error at position ${i} in '${src}'.`);
  }
  return out;
}

function readQuoted(src: string, start: number): [string, number] {
  let i = start + 1;
  let s = '';
  for (;;) {
    if (i >= src.length) throw syntaxError(`There is an unterminated string literal at position ${start} in '${src}'.`);
    if (src[i] === "'") {
      if (src[i + 1] === "'") {
        s += "'";
        i += 2;
        continue;
      }
      return [s, i + 1];
    }
    s += src[i];
    i++;
  }
}

const COMPARE_OPS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/**
 * The parser and the SQL it becomes recurse once per nesting level and per and/or: without limits a hostile
 * $filter (thousands of parentheses) overflows the stack. SharePoint answers such a query with a 400 too.
 */
export const MAX_FILTER_DEPTH = 100;
export const MAX_FILTER_CONDITIONS = 500;

function tooComplex(): SPError {
  return invalidQuery('The query is not valid: the $filter expression is nested too deeply or has too many conditions.');
}

export function parseFilter(src: string): FilterNode {
  if (src.trim() === '') throw syntaxError('The $filter expression is empty.');
  const toks = tokenize(src);
  let p = 0;
  let depth = 0;
  let conditions = 0;
  const peek = (): Token | undefined => toks[p];
  const deeper = (): void => {
    if (++depth > MAX_FILTER_DEPTH) throw tooComplex();
  };
  const another = (): void => {
    if (++conditions > MAX_FILTER_CONDITIONS) throw tooComplex();
  };
  const isWord = (tok: Token | undefined, w: string): boolean => !!tok && tok.t === 'ident' && tok.v.toLowerCase() === w;

  function parseOr(): FilterNode {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      p++;
      another();
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }
  function parseAnd(): FilterNode {
    let left = parseUnary();
    while (isWord(peek(), 'and')) {
      p++;
      another();
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  }
  function parseUnary(): FilterNode {
    if (isWord(peek(), 'not')) {
      p++;
      deeper();
      const expr = parseUnary();
      depth--;
      return { kind: 'not', expr };
    }
    return parsePrimary();
  }
  function expect(t: 'lparen' | 'rparen' | 'comma'): void {
    const tok = toks[p];
    if (!tok || tok.t !== t) throw syntaxError(`Expected '${t === 'lparen' ? '(' : t === 'rparen' ? ')' : ','}' in '${src}'.`);
    p++;
  }
  function parseOperand(): Operand {
    const tok = toks[p];
    if (!tok) throw syntaxError(`Expression expected at the end of '${src}'.`);
    if (tok.t === 'literal') {
      p++;
      return { kind: 'literal', literal: tok.v };
    }
    if (tok.t === 'ident' && !COMPARE_OPS.has(tok.v.toLowerCase()) && toks[p + 1]?.t !== 'lparen') {
      p++;
      return { kind: 'path', path: tok.v.split('/') };
    }
    throw syntaxError(`Syntax error in '${src}'.`);
  }
  function parseFunction(name: string): FilterNode {
    expect('lparen');
    const a = parseOperand();
    expect('comma');
    const b = parseOperand();
    expect('rparen');
    let node: FilterNode;
    if (name === 'startswith') {
      if (a.kind !== 'path' || b.kind !== 'literal') throw syntaxError(`startswith expects a field and a text value in '${src}'.`);
      node = { kind: 'startswith', path: a.path, value: b.literal };
    } else {
      if (a.kind !== 'literal' || b.kind !== 'path') throw syntaxError(`substringof expects a text value and a field in '${src}'.`);
      node = { kind: 'substringof', path: b.path, value: a.literal };
    }
    // allow "startswith(Title,'x') eq true" / "eq false"
    const op = toks[p];
    if (op && op.t === 'ident' && (op.v.toLowerCase() === 'eq' || op.v.toLowerCase() === 'ne')) {
      const lit = toks[p + 1];
      if (lit && lit.t === 'literal' && lit.v.kind === 'boolean') {
        p += 2;
        const isTrue = lit.v.value === (op.v.toLowerCase() === 'eq');
        if (!isTrue) return { kind: 'not', expr: node };
      }
    }
    return node;
  }
  function parsePrimary(): FilterNode {
    const tok = peek();
    if (!tok) throw syntaxError(`Expression expected at the end of '${src}'.`);
    if (tok.t === 'lparen') {
      p++;
      deeper();
      const e = parseOr();
      expect('rparen');
      depth--;
      return e;
    }
    if (tok.t === 'ident' && toks[p + 1]?.t === 'lparen') {
      const fn = tok.v.toLowerCase();
      if (fn === 'startswith' || fn === 'substringof') {
        p++;
        return parseFunction(fn);
      }
      throw invalidQuery(`The query is not valid. Unknown function '${tok.v}'.`);
    }
    const left = parseOperand();
    const opTok = peek();
    if (!opTok || opTok.t !== 'ident' || !COMPARE_OPS.has(opTok.v.toLowerCase())) {
      throw syntaxError(`Expected a comparison operator (eq, ne, lt, le, gt, ge) in '${src}'.`);
    }
    p++;
    const right = parseOperand();
    return { kind: 'compare', op: opTok.v.toLowerCase() as CompareOp, left, right };
  }

  const node = parseOr();
  if (p < toks.length) throw syntaxError(`Syntax error at token ${p + 1} in '${src}'.`);
  return node;
}
