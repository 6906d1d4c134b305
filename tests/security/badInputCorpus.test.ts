// Reliability suite 2, the bad input corpus (tests/support/badInputCorpus.ts): every hostile or broken value
// (a) through the domain's validators, (b) through the real repository over HTTP to the local server, (c) as
// raw malformed HTTP at the server, and (d) through the Adaptive Card builder. Each is refused with a message
// naming the field, with nothing written, or stored and read back exactly as typed. The screens' side is
// tests/ui/badInputCorpus.test.tsx. One server for the file; repository cases run a few at a time.
import {
  PolicyInputError,
  parsePounds,
  poundsToPence,
  validateActionPlanItem,
  validateAward,
  validateCommitment,
  validateOutcomeLog,
  validateProcurementBasics,
} from '../../src/domain';
import type { ActionPlanItem, CaseStudy, Commitment, FieldError, OutcomeLog, Procurement } from '../../src/domain';
import { DataError, ValidationError } from '../../src/data/ports';
import type { BundleSaveResult } from '../../src/data/ports';
import { CASE_STUDIES_LIST } from '../../src/data/schema/lists';
import { itemProblems } from '../../src/data/schema/validate';
import { InjectHeaders } from '@pnp/queryable';
import { createLocalSp, createSharePointData, odataString } from '../../src/data/sharepoint';
import { asLocalUser } from '../support/localServer';
import { CASE_STUDY_FIELDS, caseStudyToItem } from '../../src/data/sharepoint/mapping';
import { buildSuccessCard, ELLIPSIS, sanitizeCardText } from '../../src/teams/cards';
import { saveProcurement } from '../../src/app/procurementWorkflow';
import { startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';
import { BAD_INPUT_CORPUS, FIELD_WORDS, HOSTILE_TEXT, RAW_HTTP_CASES, baseRecord, caseRecord, getPath, namesField } from '../support/badInputCorpus';
import type { BadInputCase } from '../support/badInputCorpus';
import { expectValidCard, markdownTexts, runTexts } from '../teams/cardCheck';
import { formDigest } from '../support/localServer';

jest.setTimeout(120_000);

const named = <T extends { name: string }>(list: readonly T[]): [string, T][] => list.map((c) => [c.name, c]);

/** Reads as a failure message: "names the field" when it does, else the problems that were reported. */
function namingProblems(problems: readonly FieldError[], field: string, words: RegExp): string | readonly FieldError[] {
  return problems.some((p) => namesField(p.field, field) && words.test(p.message)) ? 'names the field' : problems;
}

describe('the corpus', () => {
  it('holds at least 200 named cases, each name unique, each field with the words its messages must use', () => {
    expect(BAD_INPUT_CORPUS.length).toBeGreaterThanOrEqual(200);
    const names = BAD_INPUT_CORPUS.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(BAD_INPUT_CORPUS.filter((c) => !FIELD_WORDS[c.field]).map((c) => c.name)).toEqual([]);
    // Both outcomes are exercised, on every kind of record.
    for (const entity of ['procurement', 'award', 'commitment', 'action', 'outcome', 'caseStudy', 'money']) {
      expect(BAD_INPUT_CORPUS.filter((c) => c.entity === entity && c.expect === 'rejected').length).toBeGreaterThan(0);
      expect(BAD_INPUT_CORPUS.filter((c) => c.entity === entity && c.expect === 'stored').length).toBeGreaterThan(0);
    }
  });
});

// ---- (a) the domain ---------------------------------------------------------------------------------

/** What the form validators say about a record. Case studies have no policy rule: the list's columns decide. */
function validatorProblems(c: BadInputCase, record: Record<string, unknown>): FieldError[] {
  switch (c.entity) {
    case 'procurement':
      return validateProcurementBasics(record as Partial<Procurement>);
    case 'award':
      return validateProcurementBasics(record as Partial<Procurement>).concat(validateAward(record as Partial<Procurement>));
    case 'commitment':
      return validateCommitment(record as Partial<Commitment>);
    case 'action':
      return validateActionPlanItem(record as Partial<ActionPlanItem>);
    case 'outcome':
      return validateOutcomeLog(record as Partial<OutcomeLog>);
    case 'caseStudy':
      return itemProblems(CASE_STUDIES_LIST, caseStudyToItem(record as unknown as CaseStudy) as Record<string, unknown>, true).map((p) => ({
        field: (CASE_STUDY_FIELDS as Readonly<Record<string, string | undefined>>)[p.column] || p.column,
        message: p.message,
      }));
    default:
      throw new Error(`no validator for ${c.entity}`);
  }
}

function readMoney(typed: unknown): number {
  return typeof typed === 'string' ? parsePounds(typed, 'estimated value') : poundsToPence(typed as number, 'estimated value');
}

describe('(a) the domain’s validators', () => {
  it.each(named(BAD_INPUT_CORPUS))('%s', (_name, c) => {
    const words = FIELD_WORDS[c.field];
    if (c.entity === 'money') {
      if (c.expect === 'stored') {
        expect(readMoney(c.value)).toBe(c.pence);
      } else {
        let error: unknown;
        try {
          readMoney(c.value);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(PolicyInputError);
        expect((error as Error).message).toMatch(words);
      }
      return;
    }
    const problems = validatorProblems(c, caseRecord(c, 'BI-DOMAIN-1'));
    if (c.expect === 'stored') expect(problems).toEqual([]);
    else if (c.refusedAtSave) {
      // The repository refuses it (see (b)); the form validators leave it alone, so the note stays true.
      expect(problems.filter((p) => namesField(p.field, c.field))).toEqual([]);
    } else expect(namingProblems(problems, c.field, words)).toBe('names the field');
  });
});

// ---- (b) the repository over HTTP ----------------------------------------------------------------------

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.server.stop();
});

const LISTS = ['Procurements', 'Commitments', 'ActionPlan', 'OutcomeLogs', 'CaseStudies'];

async function itemCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const list of LISTS) out[list] = ((await hub.sp.web.lists.getByTitle(list).select('ItemCount')()) as { ItemCount: number }).ItemCount;
  return out;
}

async function countWhere(list: string, filter: string): Promise<number> {
  return ((await hub.sp.web.lists.getByTitle(list).items.filter(filter).select('Id').top(5000)()) as unknown[]).length;
}

/** Runs `run` over the items, `size` at a time. */
async function pool<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
}

// Money refused while typing never becomes a record: there is nothing to send.
const REPO_CASES = BAD_INPUT_CORPUS.filter((c) => !(c.entity === 'money' && c.expect === 'rejected'));
const refOf = new Map<BadInputCase, string>(REPO_CASES.map((c, i) => [c, `BI-${i + 1}`]));

interface Outcome {
  error?: unknown;
  result?: BundleSaveResult;
  readBack?: unknown;
  /** Stored procurement titles: found again by the register's search. */
  foundBySearch?: boolean;
  /** Stored references: a query on it returns exactly that record. */
  foundByReference?: boolean;
  /** Rejected: items left behind with the case's reference, by list. */
  leftovers?: Record<string, number>;
}
const outcomes = new Map<string, Outcome>();
let before: Record<string, number>;
let afterRejected: Record<string, number>;

const goodCommitment = (ref: string): Commitment => ({ procurementReference: ref, measureCode: 'GSE-01', targetQuantity: 4, unit: 'FTE', dueDate: '2027-03-31' });
const goodAction = (ref: string): ActionPlanItem => baseRecord('action', ref) as unknown as ActionPlanItem;
const goodProcurement = (ref: string): Procurement => baseRecord('procurement', ref) as unknown as Procurement;

/** Saves the case's record the way the hub does; the id of what was created, for the single-item lists. */
async function save(c: BadInputCase, ref: string, o: Outcome): Promise<number | undefined> {
  const record = caseRecord(c, ref);
  const { procurements, outcomes: logs, caseStudies } = hub.data;
  switch (c.entity) {
    case 'procurement':
    case 'award':
    case 'money':
      // As an officer saves it: through the workflow, which applies the lifecycle before the repository's checks.
      o.result = await saveProcurement(hub.data, undefined, { procurement: record as unknown as Procurement, commitments: [goodCommitment(ref)], actionPlan: [goodAction(ref)] });
      return undefined;
    case 'commitment':
      o.result = await procurements.saveBundle({ procurement: goodProcurement(ref), commitments: [goodCommitment(ref), record as unknown as Commitment], actionPlan: [goodAction(ref)] });
      return undefined;
    case 'action':
      o.result = await procurements.saveBundle({ procurement: goodProcurement(ref), commitments: [goodCommitment(ref)], actionPlan: [record as unknown as ActionPlanItem] });
      return undefined;
    case 'outcome': {
      const log = record as unknown as OutcomeLog;
      const saved = (await logs.record(log)).log;
      // A verification or rejection counts when an approver other than the reporter makes it (the Verifications list).
      if (log.verification !== 'Reported') {
        const colleague = createSharePointData(createLocalSp(hub.server.siteUrl).using(InjectHeaders(asLocalUser('manager'))));
        await colleague.outcomes.update(saved);
      }
      return saved.id;
    }
    case 'caseStudy':
      return (await caseStudies.create(record as unknown as CaseStudy)).id;
  }
}

async function readBack(c: BadInputCase, ref: string, id: number | undefined): Promise<unknown> {
  const d = hub.data;
  switch (c.entity) {
    case 'procurement':
    case 'award':
      return d.procurements.get(ref);
    case 'money':
      return { estimatedValue: (await d.procurements.get(ref))?.estimatedValuePence };
    case 'commitment': {
      const measureCode = caseRecord(c, ref).measureCode;
      return (await d.commitments.listForProcurement(ref)).filter((x) => x.measureCode === measureCode)[0];
    }
    case 'action':
      return (await d.actionPlan.listForProcurement(ref))[0];
    case 'outcome':
      return d.outcomes.get(id!);
    case 'caseStudy':
      return d.caseStudies.get(id!);
  }
}

async function leftovers(c: BadInputCase, ref: string): Promise<Record<string, number>> {
  const byRef = `ProcurementRef eq ${odataString(ref)}`;
  if (c.entity === 'outcome') return { OutcomeLogs: await countWhere('OutcomeLogs', byRef) };
  if (c.entity === 'caseStudy') return { CaseStudies: await countWhere('CaseStudies', byRef) };
  return {
    Procurements: await countWhere('Procurements', `Reference eq ${odataString(ref)}`),
    Commitments: await countWhere('Commitments', byRef),
    ActionPlan: await countWhere('ActionPlan', byRef),
  };
}

async function runCase(c: BadInputCase): Promise<void> {
  const ref = refOf.get(c)!;
  const o: Outcome = {};
  outcomes.set(c.name, o);
  try {
    const id = await save(c, ref, o);
    if (o.result && !o.result.ok) return;
    o.readBack = getPath(await readBack(c, ref, id), c.field);
    if (c.entity === 'procurement' && c.field === 'title') {
      const found = await hub.data.procurements.query({ text: String(c.value), pageSize: 500 });
      o.foundBySearch = found.items.some((p) => p.reference === ref);
    }
    if (c.field === 'procurementReference' && (c.entity === 'outcome' || c.entity === 'caseStudy')) {
      const query = { procurementReference: String(c.value) };
      const page = c.entity === 'outcome' ? await hub.data.outcomes.query(query) : await hub.data.caseStudies.query(query);
      o.foundByReference = page.items.length === 1 && page.items[0].procurementReference === c.value;
    }
  } catch (e) {
    o.error = e;
    if (c.expect === 'rejected') o.leftovers = await leftovers(c, ref);
  }
}

/** Where the repository reports a field of a bundle's part. */
function repositoryField(c: BadInputCase): string {
  return c.entity === 'commitment' ? `commitments[1].${c.field}` : c.entity === 'action' ? `actionPlan[0].${c.field}` : c.field;
}

describe('(b) through the workflow and the repository over HTTP', () => {
  beforeAll(async () => {
    before = await itemCounts();
    // Refusals first, and the lists counted after them: nothing of any refused save may be left anywhere.
    await pool(REPO_CASES.filter((c) => c.expect === 'rejected'), 6, runCase);
    afterRejected = await itemCounts();
    await pool(REPO_CASES.filter((c) => c.expect === 'stored'), 6, runCase);
  });

  it('writes nothing at all for the refused cases', () => {
    expect(afterRejected).toEqual(before);
  });

  it.each(named(REPO_CASES))('%s', (_name, c) => {
    const o = outcomes.get(c.name)!;
    if (c.expect === 'rejected') {
      expect(o.result ? { ok: o.result.ok, written: o.result.written, failed: o.result.failed.map((f) => `${f.what}: ${f.error.message}`) } : 'refused').toBe('refused');
      expect(o.error).toBeInstanceOf(DataError);
      const e = o.error as DataError;
      expect(e.kind).toBe('validation');
      const problems = e instanceof ValidationError ? e.problems : [{ field: e.field || '', message: e.message }];
      expect(namingProblems(problems, repositoryField(c), FIELD_WORDS[c.field])).toBe('names the field');
      expect(Object.values(o.leftovers!).every((n) => n === 0) ? 'nothing written' : o.leftovers).toBe('nothing written');
    } else {
      if (o.error) throw o.error;
      expect(o.result ? o.result.failed.map((f) => `${f.what}: ${f.error.message}`) : []).toEqual([]);
      expect(o.readBack).toEqual(c.entity === 'money' ? c.pence : c.value);
      if (o.foundBySearch !== undefined) expect(o.foundBySearch).toBe(true);
      if (o.foundByReference !== undefined) expect(o.foundByReference).toBe(true);
    }
  });

  it('saves a draft that has not reached the themes or weighting steps (no weighting object yet) instead of crashing', async () => {
    const draft = { ...goodProcurement('BI-DRAFT-1'), estimatedValuePence: 1_000_000, measureTargets: [] } as Partial<Procurement>;
    delete draft.weighting;
    delete draft.themeIds;
    const result = await hub.data.procurements.saveBundle({ procurement: draft as Procurement });
    expect(result.failed).toEqual([]);
    expect(await hub.data.procurements.get('BI-DRAFT-1')).toMatchObject({ themeIds: [], weighting: { method: 'none' } });
  });
});

// ---- (c) raw HTTP at the server -------------------------------------------------------------------

async function send(method: string, path: string, body?: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  // A write carries the form digest a page gets from /_api/contextinfo, as SharePoint requires.
  const digest: Record<string, string> = method === 'GET' ? {} : { 'x-requestdigest': await formDigest(hub.server.siteUrl) };
  const r = await fetch(`${hub.server.siteUrl}/_api/${path}`, {
    method,
    body: method === 'GET' ? undefined : body,
    headers: { accept: 'application/json;odata=nometadata', 'content-type': 'application/json;odata=nometadata', ...digest, ...headers },
  });
  return { status: r.status, text: await r.text() };
}

function odataError(text: string): { code?: string; message?: string } {
  try {
    const e = (JSON.parse(text) as { 'odata.error'?: { code?: string; message?: { value?: string } } })['odata.error'];
    return e ? { code: e.code, message: e.message && e.message.value } : {};
  } catch {
    return {};
  }
}

describe('(c) raw malformed HTTP at the local server', () => {
  let rawBefore: Record<string, number>;
  beforeAll(async () => {
    rawBefore = await itemCounts();
  });

  it.each(named(RAW_HTTP_CASES))('%s', async (_name, c) => {
    const r = await send(c.method, c.path, c.body, c.headers);
    expect([r.status, r.text.slice(0, 300)]).toEqual([c.status, expect.anything()]);
    if (c.status >= 400) {
      const e = odataError(r.text);
      expect(e.code).toMatch(/^-?\d+, [\w.]+$/);
      expect(e.message).toEqual(expect.any(String));
      if (c.message) expect(e.message).toMatch(c.message);
    }
  });

  it('answers a body over the 64 MB limit with SharePoint’s 413, not a dropped connection', async () => {
    const huge = new Uint8Array(64 * 1024 * 1024 + 16).fill(0x78);
    const r = await send('POST', "web/lists/getByTitle('CaseStudies')/items", huge);
    expect(r.status).toBe(413);
    expect(odataError(r.text).message).toMatch(/too large/);
  });

  it('wrote nothing, and still answers afterwards', async () => {
    expect(await itemCounts()).toEqual(rawBefore);
    const web = await send('GET', 'web?$select=Title');
    expect(web.status).toBe(200);
    expect(JSON.parse(web.text)).toMatchObject({ Title: 'Social Value Hub' });
    // The repository works as before on the same server.
    expect((await hub.data.procurements.query({ pageSize: 1 })).items).toHaveLength(1);
  });
});

// ---- (d) the Adaptive Card builder ------------------------------------------------------------------

/** Markdown, mentions and tags that must never survive into a card. */
const CARD_MARKERS = [/\]\(/, /!\[/, /<at/i, /<\/?[a-z][^>]*>/i, /javascript:/i, /[\u202a-\u202e\u2066-\u2069]/];
const STORED_TEXT = Array.from(new Set(BAD_INPUT_CORPUS.filter((c) => c.expect === 'stored' && typeof c.value === 'string').map((c) => c.value as string)));

describe('(d) stored text in a taskforce success card', () => {
  it('covers every hostile text', () => {
    expect(STORED_TEXT).toEqual(expect.arrayContaining(Object.values(HOSTILE_TEXT)));
  });

  it.each(STORED_TEXT.map((t) => [t.length > 60 ? `${t.slice(0, 40)}… (${t.length} characters)` : t, t]))('%s', (_label, text) => {
    const card = buildSuccessCard({
      procurement: { reference: 'WMCA-2026-0042', title: text },
      supplier: { name: text, isSme: true, isVcse: false },
      themeId: 'environment',
      measure: { code: 'ENV-01', text, unit: 'tonnes CO2e' },
      outcome: { quantity: 1, valuePence: 24_500, periodEnd: '2026-06-30' },
      verifiedBy: text,
      quote: text,
      hubTab: { appId: '7d4b2f1e-3c9a-4e62-9b8d-5a1f0c6e2d47', entityId: 'socialvaluehub' },
    });
    expectValidCard(card);
    for (const shown of [...markdownTexts(card), ...runTexts(card)]) for (const marker of CARD_MARKERS) expect(shown).not.toMatch(marker);
    // Shown as plain text runs, never where Teams reads markdown.
    const words = sanitizeCardText(text, { maxLength: 12 }).replace(ELLIPSIS, '').trim();
    if (words.length > 4) {
      expect(runTexts(card).some((t) => t.includes(words))).toBe(true);
      for (const md of markdownTexts(card)) expect(md).not.toContain(words);
    }
  });
});
