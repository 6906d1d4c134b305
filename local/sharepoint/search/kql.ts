// The subset of the Keyword Query Language (KQL) the local search answers, parsed as SharePoint's search does.
// Source: Microsoft Learn, "Keyword Query Language (KQL) syntax reference" (SharePoint dev docs) and the protocol
// spec [MS-KQL] §2 (learn.microsoft.com/openspecs/sharepoint_protocols/ms-kql):
//  - free-text words and "quoted phrases"; a trailing * on a word is prefix matching;
//  - property restrictions `Property:value`, `Property=value`, `<>`, `<`, `<=`, `>`, `>=` (value a word or phrase);
//  - AND, OR, NOT (upper case only: "KQL queries are case-insensitive but the operators are case-sensitive"),
//    parentheses, and + / - before an element (must / must not);
//  - elements side by side: AND, except restrictions on the SAME property, which are ORed ("KQL ... for property
//    restrictions on the same property, the OR operator is implied").
//  - A query of operators only, or empty, is invalid. Not emulated: NEAR/ONEAR/WORDS/XRANK and property ranges (`..`).
import { SPError } from '../errors';

export type KqlOp = ':' | '=' | '<>' | '<' | '<=' | '>' | '>=';

export type KqlNode =
  | { kind: 'and'; items: KqlNode[] }
  | { kind: 'or'; items: KqlNode[] }
  | { kind: 'not'; item: KqlNode }
  | { kind: 'term'; property?: string; op: KqlOp; value: string; phrase: boolean; prefix: boolean };

/** SharePoint search's answer to a query it cannot parse (400, SearchServiceException). */
export function searchError(message: string): SPError {
  return new SPError(400, '-1, Microsoft.Office.Server.Search.REST.SearchServiceException', message);
}

type Tok = { t: 'word'; v: string } | { t: 'phrase'; v: string; prefix: boolean } | { t: '(' | ')' | '+' | '-' } | { t: 'op'; v: KqlOp };

const OPERATORS = ['<>', '<=', '>=', ':', '=', '<', '>'] as const;

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      // An unclosed quote runs to the end of the query.
      const v = end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end < 0 ? text.length : end + 1;
      const prefix = text[i] === '*';
      if (prefix) i++;
      out.push({ t: 'phrase', v: v.endsWith('*') ? v.slice(0, -1) : v, prefix: prefix || v.endsWith('*') });
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ t: c });
      i++;
      continue;
    }
    if ((c === '+' || c === '-') && (out.length === 0 || out[out.length - 1].t !== 'op')) {
      const next = text[i + 1];
      if (next !== undefined && !/\s/.test(next)) {
        out.push({ t: c });
        i++;
        continue;
      }
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s()"]/.test(text[j]) && !OPERATORS.some((o) => text.startsWith(o, j))) j++;
    out.push({ t: 'word', v: text.slice(i, j) });
    i = j;
  }
  return out;
}

const isOperatorWord = (tok: Tok | undefined, w: string): boolean => !!tok && tok.t === 'word' && tok.v === w;

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): KqlNode {
    const node = this.orExpr();
    if (this.i < this.toks.length) throw searchError('The query could not be parsed: an unexpected ")".');
    if (!node) throw searchError('The query has no search terms.');
    return node;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private orExpr(): KqlNode | undefined {
    const items: KqlNode[] = [];
    const first = this.andExpr();
    if (first) items.push(first);
    while (isOperatorWord(this.peek(), 'OR')) {
      this.i++;
      const next = this.andExpr();
      if (next) items.push(next);
    }
    return items.length === 0 ? undefined : items.length === 1 ? items[0] : { kind: 'or', items };
  }

  /** Explicit AND and side-by-side elements; same-property restrictions side by side are ORed. */
  private andExpr(): KqlNode | undefined {
    const items: KqlNode[] = [];
    let explicitAnd = false;
    for (;;) {
      const tok = this.peek();
      if (!tok || tok.t === ')' || isOperatorWord(tok, 'OR')) break;
      if (isOperatorWord(tok, 'AND')) {
        this.i++;
        explicitAnd = true;
        continue;
      }
      const andBefore = explicitAnd;
      explicitAnd = false;
      const el = this.unary();
      if (!el) continue;
      const last = items[items.length - 1];
      const prop = (n: KqlNode | undefined): string | undefined => (n && n.kind === 'term' ? n.property?.toLowerCase() : n && n.kind === 'or' && n.items[0].kind === 'term' ? n.items[0].property?.toLowerCase() : undefined);
      if (el.kind === 'term' && el.property && last && prop(last) === el.property.toLowerCase() && !andBefore) {
        items[items.length - 1] = last.kind === 'or' ? { kind: 'or', items: [...last.items, el] } : { kind: 'or', items: [last, el] };
      } else items.push(el);
    }
    return items.length === 0 ? undefined : items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private unary(): KqlNode | undefined {
    const tok = this.peek();
    if (!tok) return undefined;
    if (isOperatorWord(tok, 'NOT') || tok.t === '-') {
      this.i++;
      const item = this.unary();
      if (!item) throw searchError('The query could not be parsed: NOT needs something to exclude.');
      return { kind: 'not', item };
    }
    if (tok.t === '+') {
      this.i++;
      return this.unary();
    }
    if (tok.t === '(') {
      this.i++;
      const inner = this.orExpr();
      if (this.peek()?.t === ')') this.i++;
      return inner;
    }
    return this.element();
  }

  private element(): KqlNode | undefined {
    const tok = this.toks[this.i++];
    if (tok.t === ')') return undefined;
    if (tok.t === 'op') {
      // An operator with no property before it is searched for as text; SharePoint drops it.
      return undefined;
    }
    if (tok.t === 'phrase') return { kind: 'term', op: ':', value: tok.v, phrase: true, prefix: tok.prefix };
    if (tok.t !== 'word') return undefined;
    const next = this.peek();
    if (next && next.t === 'op' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(tok.v)) {
      this.i++;
      const value = this.toks[this.i];
      if (value && value.t === 'word') {
        this.i++;
        return { kind: 'term', property: tok.v, op: next.v, value: value.v.replace(/\*$/, ''), phrase: false, prefix: value.v.endsWith('*') };
      }
      if (value && value.t === 'phrase') {
        this.i++;
        return { kind: 'term', property: tok.v, op: next.v, value: value.v, phrase: true, prefix: value.prefix };
      }
      // `Title:` with nothing after it restricts nothing.
      return undefined;
    }
    return { kind: 'term', op: ':', value: tok.v.replace(/\*$/, ''), phrase: false, prefix: tok.v.endsWith('*') };
  }
}

export function parseKql(text: string): KqlNode {
  return new Parser(tokenize(text)).parse();
}

/** The words SharePoint's word breaker makes of a text: runs of letters and digits, lower-cased. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
}
