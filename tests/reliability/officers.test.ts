// Reliability suite 1, "Faults": 20 officers, each with their own PnPjs client and identity, do 50 mixed
// operations at once against one local server that answers a share of requests 429/503 (Retry-After) with
// added latency, and a Graph sink that fails a share of posts. Mid-run the server is killed (SIGKILL) and
// restarted. An expected ledger keeps every write that was acknowledged; at the end, with faults off,
// everything is read back: each acknowledged write is there exactly once with its values, nothing else is
// (an operation that surfaced an error left nothing half-written), each card is in the channel once, and
// nothing escaped as an unhandled error. Two editors of one draft: the second gets ConflictError.
import { moveTo, saveProcurement } from '../../src/app';
import { runInThisContext } from 'node:vm';
import { InjectHeaders } from '@pnp/queryable';
import type { SPFI } from '@pnp/sp';
import { DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../../local/graph';
import { commitmentFor, outcomeLogFor, verifyOutcome } from '../../src/domain';
import type { ActionPlanItem, Commitment, Measure, OutcomeLog, Procurement, ProcurementStatus, VerificationStatus } from '../../src/domain';
import { ConflictError, DataError } from '../../src/data/ports';
import type { HubData, Stored } from '../../src/data/ports';
import { createLocalSp, createSharePointData } from '../../src/data/sharepoint';
import { buildSuccessCard } from '../../src/teams/cards';
import { celebrateOutcome, retryDueOutbox } from '../../src/teams/posting';
import type { GraphClientLike } from '../../src/teams/posting';
import { MANAGER, procurement as draft, startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';
import { startGraphSink } from '../support/graphSink';
import type { StartedGraphSink } from '../support/graphSink';
import { asLocalUser } from '../support/localServer';
import type { FaultOptions } from '../support/localServer';
import { prng } from '../../local/prng';

jest.setTimeout(240_000);

const OFFICERS = 20;
const OPS_PER_OFFICER = 50;
/** The server is killed once this many operations have finished (of OFFICERS × OPS_PER_OFFICER). */
const KILL_AFTER_OPS = 350;
/** Retry-After 0 keeps the run short; the header is still sent (tests/local checks longer values). */
const FAULTS: FaultOptions = { rate: 0.2, statuses: [429, 503], retryAfterSeconds: 0, latencyMs: 8, seed: 11 };
const QUARTERS = ['2026-06-30', '2026-09-30', '2026-12-31', '2027-03-31'];
const CONTRACT = { contractStart: '2026-04-01', contractEnd: '2028-03-31' };
const ACTIONS = ['Agree the delivery plan', 'Kick-off meeting with the supplier', 'First quarterly review', 'Publish the social value plan'];
const TEAM = { teamId: DEMO_TEAM_ID, channelId: DEMO_TASKFORCE_CHANNEL_ID };
/** Short back-offs (the default 2 s is for people), long enough to ride out the server's restart. */
const POST_OPTIONS = { baseDelayMs: 100 };


const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const pad = (n: number): string => String(n).padStart(2, '0');
/** The item version an ETag names ("3", "\"3\"" or "<guid>,3"). */
const version = (etag: string | undefined): number => Number((/(\d+)"?\s*$/.exec(etag || '') || [])[1] || 0);
const keyOf = (ref: string, measureCode: string, periodEnd: string): string => `${ref}|${measureCode}|${periodEnd}`;
/** Written into each card (its quote), so the channel's messages can be counted per card. */
const cardMarker = (key: string): string => `Reliability card ${key.split('|').join(' ')}`;

// ---- The expected ledger: acknowledged writes only -----------------------------------------------

interface ProcurementLedger {
  ref: string;
  owner: string;
  title: string;
  estimatedValuePence: number;
  status: ProcurementStatus;
  /** Highest version an acknowledged write returned (later unacknowledged ones may exist). */
  version: number;
  supplierName?: string;
  awardValuePence?: number;
  /** measure code → target */
  commitments: Map<string, number>;
  actions: string[];
}

interface LogWrite {
  version: number;
  quantity: number;
  verification: VerificationStatus;
  verifiedBy?: string;
}

interface LogLedger {
  ref: string;
  owner: string;
  acked: LogWrite[];
  /** Writes whose answer was lost (the server died under them): they may or may not have landed. */
  inDoubt: Omit<LogWrite, 'version'>[];
}

const procurements = new Map<string, ProcurementLedger>();
const logs = new Map<string, LogLedger>();
/** Card key → message ids that postCard reported as posted. */
const cards = new Map<string, Set<string>>();
/** Cards whose message id celebrateOutcome also wrote on the log. */
const onLog = new Set<string>();
const unexpected: string[] = [];
const unhandled: string[] = [];
const survival: string[] = [];
const stats = { ops: 0, surfaced: 0, gaveUp: 0, network: 0, corrections: 0, verified: 0, posted: 0, graphFaultsArmed: 0 };

// ---- Officers ------------------------------------------------------------------------------------

interface Officer {
  n: number;
  email: string;
  name: string;
  data: HubData;
  graph: GraphClientLike;
  rnd: () => number;
  created: number;
}

let hub: Hub;
let graph: StartedGraphSink;
let admin: SPFI;
let approver: HubData;
let measures: Measure[];
// Jest gives a test file its own `process` object, which never hears the real one's events: the guard listens
// on the process itself.
const realProcess = runInThisContext('process') as NodeJS.Process;
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason instanceof Error ? reason.stack || reason.message : String(reason));
};

/** A client of its own for one person: every request runs as them (the local server's per-request user). */
function spFor(login: string, retries: number): SPFI {
  return createLocalSp(hub.server.siteUrl, { retries }).using(InjectHeaders(asLocalUser(login)));
}

function officer(n: number): Officer {
  const email = `reliability.officer${pad(n)}@svhub.example`;
  return { n, email, name: `Reliability Officer${pad(n)}`, data: createSharePointData(spFor(email, 3)), graph: graph.client(), rnd: prng(1000 + n), created: 0 };
}

beforeAll(async () => {
  realProcess.prependListener('unhandledRejection', onUnhandled);
  hub = await startHub();
  graph = await startGraphSink();
  admin = spFor('admin', 10);
  // The officers join the site's Members group, as a site owner would add them, and the Approvers group: they
  // verify each other's outcomes, and the Verifications list is the approvers' (src/data/schema/lists.ts).
  for (let n = 1; n <= OFFICERS; n++) {
    await admin.web.siteGroups.getById(5).users.add(`i:0#.f|membership|reliability.officer${pad(n)}@svhub.example`);
    await admin.web.siteGroups.getById(6).users.add(`i:0#.f|membership|reliability.officer${pad(n)}@svhub.example`);
  }
  approver = createSharePointData(spFor('manager', 3));
  // The valued measures (a proxy locked at award, a £ value on each log) and a few record-only ones, in whole units.
  const library = (await createSharePointData(admin).measures.list({ activeOnly: true })).filter((m) => ['FTE', 'weeks', 'hours', 'count', 'tonnes CO2e'].indexOf(m.unit) >= 0);
  measures = [...library.filter((m) => !m.recordOnly), ...library.filter((m) => m.recordOnly).slice(0, 3)];
});

afterAll(async () => {
  realProcess.removeListener('unhandledRejection', onUnhandled);
  await graph?.close();
  await hub?.server.stop();
});

// ---- Trying, as a person does -------------------------------------------------------------------

type Try<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs one save the way an officer would: when SharePoint is unreachable (the server is down) they try again
 * until it is back; when it says it is busy, a patient officer tries again and an impatient one gives up;
 * a conflict is re-read and retried only where the caller says so. Anything else is unexpected.
 */
async function attempt<T>(o: Officer, what: string, patient: boolean, run: () => Promise<T>, options: { retryConflict?: boolean; onNetwork?: () => void } = {}): Promise<Try<T>> {
  for (let tryNo = 0; tryNo < 14; tryNo++) {
    try {
      return { ok: true, value: await run() };
    } catch (e) {
      if (!(e instanceof DataError)) {
        unexpected.push(`officer ${o.n} ${what}: ${e instanceof Error ? e.stack : String(e)}`);
        return { ok: false };
      }
      if (e.kind === 'network') {
        stats.network++;
        if (options.onNetwork) options.onNetwork();
      } else if (e.kind === 'throttled') {
        stats.surfaced++;
        if (!patient) {
          stats.gaveUp++;
          return { ok: false };
        }
      } else if (e.kind === 'conflict') {
        if (!options.retryConflict) return { ok: false };
      } else {
        unexpected.push(`officer ${o.n} ${what}: ${e.kind} ${e.message} (${e.spMessage || ''})`);
        return { ok: false };
      }
      await sleep(Math.min(1000, 20 * 2 ** tryNo));
    }
  }
  unexpected.push(`officer ${o.n} ${what}: still failing after 14 tries`);
  return { ok: false };
}

/** A bundle save that did not complete fails like the UI reports it: the first failed part's error. */
function completed<T extends { ok: boolean; failed: { error: DataError }[] }>(result: T): T {
  if (!result.ok) throw result.failed[0].error;
  return result;
}

function mine(o: Officer, statuses: readonly ProcurementStatus[]): ProcurementLedger[] {
  return [...procurements.values()].filter((p) => p.owner === o.email && statuses.indexOf(p.status) >= 0).sort((a, b) => (a.ref < b.ref ? -1 : 1));
}

function actionsFor(o: Officer, ref: string, texts: readonly string[]): ActionPlanItem[] {
  return texts.map((text) => ({ procurementReference: ref, action: text, ownerEmail: o.email, ownerName: o.name, dueDate: '2026-09-30', status: 'Not started' }));
}

function commitmentsFor(ref: string, targets: Map<string, number>): Commitment[] {
  return [...targets].map(([code, target]) => commitmentFor(measures.find((m) => m.code === code)!, { procurementReference: ref, targetQuantity: target, dueDate: '2027-03-31' }));
}

function logEntry(key: string, ref: string, owner: string): LogLedger {
  const entry = logs.get(key) || { ref, owner, acked: [], inDoubt: [] };
  logs.set(key, entry);
  return entry;
}

// ---- The operations -----------------------------------------------------------------------------

async function create(o: Officer, patient: boolean): Promise<void> {
  const ref = `REL-${pad(o.n)}-${pad(++o.created)}`;
  const picks = measures.filter(() => o.rnd() < 0.3).slice(0, 3);
  const targets = new Map((picks.length ? picks : [measures[o.n % measures.length]]).map((m) => [m.code, 1 + Math.floor(o.rnd() * 20)] as [string, number]));
  const actions = ACTIONS.filter(() => o.rnd() < 0.5).slice(0, 2);
  const p = draft(ref, { leadOfficer: { email: o.email, displayName: o.name }, title: `Reliability run ${ref}`, estimatedValuePence: 21_000_000 + Math.floor(o.rnd() * 19_000_000) });
  const r = await attempt(o, `create ${ref}`, patient, async () =>
    completed(await o.data.procurements.saveBundle({ procurement: p, commitments: commitmentsFor(ref, targets), actionPlan: actionsFor(o, ref, actions) })),
  );
  if (!r.ok) return;
  procurements.set(ref, { ref, owner: o.email, title: p.title, estimatedValuePence: p.estimatedValuePence, status: 'Draft', version: version(r.value.procurement!.etag), commitments: targets, actions });
}

async function edit(o: Officer, patient: boolean): Promise<void> {
  const drafts = mine(o, ['Draft']);
  const pick = o.rnd();
  const title = `Reliability run, edited ${Math.floor(o.rnd() * 1e6)}`;
  const value = 21_000_000 + Math.floor(o.rnd() * 19_000_000);
  if (drafts.length === 0) return create(o, patient);
  const entry = drafts[Math.floor(pick * drafts.length)];
  const r = await attempt(o, `edit ${entry.ref}`, patient, async () => {
    const p = (await o.data.procurements.get(entry.ref))!;
    return o.data.procurements.update({ ...p, title, estimatedValuePence: value });
  }, { retryConflict: true });
  if (!r.ok) return;
  Object.assign(entry, { title, estimatedValuePence: value, version: Math.max(entry.version, version(r.value.etag)) });
}

/**
 * Draft → submitted → approved (by the manager, as the approval flow would) → tendering → awarded with its
 * commitments: one save per step, each step read afresh, so a retry carries on from wherever the last one got.
 */
async function award(o: Officer, patient: boolean): Promise<void> {
  const open = mine(o, ['Draft', 'Awaiting approval', 'Approved', 'Tendering']);
  const pick = o.rnd();
  const supplier = { name: `Supplier ${Math.floor(o.rnd() * 1000)} CIC`, isSme: o.rnd() < 0.5, isVcse: o.rnd() < 0.3, isLocal: true };
  const awardValuePence = 20_000_000 + Math.floor(o.rnd() * 20_000_000);
  const retarget = Math.floor(o.rnd() * 20) + 1;
  if (open.length === 0) return create(o, patient);
  const entry = open[Math.floor(pick * open.length)];
  const targets = new Map(entry.commitments);
  targets.set([...targets.keys()][0], retarget);
  const now = new Date().toISOString();
  type Step = { status: ProcurementStatus; etag?: string };
  for (let step = 0; step < 4 && entry.status !== 'Awarded'; step++) {
    // The approval flow retries its write-back until it lands, so the manager's step is always patient.
    const r = await attempt<Step>(o, `advance ${entry.ref}`, patient || entry.status === 'Awaiting approval', async () => {
      const p = (await o.data.procurements.get(entry.ref))!;
      if (p.status === 'Draft') {
        return moveTo(o.data, p, 'Awaiting approval', { approverEmail: MANAGER.email, submittedByEmail: o.email, submittedAt: now });
      }
      if (p.status === 'Awaiting approval') {
        await approver.approvals.record({ procurementReference: p.reference, round: p.approvalRound || 1, outcome: 'Approved', decidedByEmail: MANAGER.email, decidedByName: MANAGER.displayName, decidedAt: now });
        return { status: 'Approved' };
      }
      if (p.status === 'Approved') return moveTo(o.data, p, 'Tendering');
      const awarded: Stored<Procurement> = { ...p, ...CONTRACT, supplier, awardValuePence, status: 'Awarded' };
      const saved = completed(await saveProcurement(o.data, p, { procurement: awarded, commitments: commitmentsFor(entry.ref, targets), actionPlan: actionsFor(o, entry.ref, entry.actions) }));
      return saved.procurement!;
    }, { retryConflict: true });
    if (!r.ok) return;
    entry.status = r.value.status;
    entry.version = Math.max(entry.version, version(r.value.etag));
    if (entry.status === 'Awarded') Object.assign(entry, { supplierName: supplier.name, awardValuePence, commitments: targets });
  }
}

/** A quarter's outcome on one of the officer's contracts; a quarter already logged is corrected. */
async function log(o: Officer, patient: boolean): Promise<void> {
  const awarded = mine(o, ['Awarded']);
  const pick = o.rnd();
  const which = o.rnd();
  const quarter = QUARTERS[Math.floor(o.rnd() * QUARTERS.length)];
  const quantity = 1 + Math.floor(o.rnd() * 30);
  if (awarded.length === 0) return award(o, patient);
  const entry = awarded[Math.floor(pick * awarded.length)];
  const codes = [...entry.commitments.keys()].sort();
  const code = codes[Math.floor(which * codes.length)];
  const key = keyOf(entry.ref, code, quarter);
  const r = await attempt(o, `log ${key}`, patient, async () => {
    const commitment = (await o.data.commitments.listForProcurement(entry.ref)).find((c) => c.measureCode === code)!;
    const next = outcomeLogFor(commitment, { periodDate: quarter, quantity, reportedBy: o.email, evidenceUrl: 'https://evidence.svhub.example/returns/q', reportedAt: new Date().toISOString() });
    // As the hub does: a correction keeps the success card's message id, so it is never celebrated twice.
    const previous = (await o.data.outcomes.query({ procurementReference: entry.ref, measureCode: code, periodEnd: next.periodEnd })).items[0];
    return o.data.outcomes.record(previous && previous.celebratedMessageId ? { ...next, celebratedMessageId: previous.celebratedMessageId } : next);
  }, { retryConflict: true });
  if (!r.ok) return;
  if (r.value.corrected) stats.corrections++;
  logEntry(key, entry.ref, o.email).acked.push({ version: version(r.value.log.etag), quantity, verification: 'Reported' });
}

/** Verifies another officer's reported outcome (a conflict means someone else got there first). */
async function verify(o: Officer, patient: boolean): Promise<void> {
  const pick = o.rnd();
  let chosen: { key: string; ref: string; owner: string; quantity: number } | undefined;
  const r = await attempt(o, 'verify', patient, async () => {
    const queue = (await o.data.outcomes.query({ verification: 'Reported', pageSize: 500 })).items
      .filter((l) => l.reportedBy !== o.email && l.procurementReference.indexOf('REL-') === 0)
      .sort((a, b) => a.id - b.id);
    if (queue.length === 0) return undefined;
    const l = queue[Math.floor(pick * queue.length)];
    chosen = { key: keyOf(l.procurementReference, l.measureCode, l.periodEnd), ref: l.procurementReference, owner: l.reportedBy, quantity: l.quantity };
    return o.data.outcomes.update({ ...l, ...verifyOutcome(l, o.email, new Date().toISOString()) });
  }, {
    onNetwork: () => {
      if (chosen) logEntry(chosen.key, chosen.ref, chosen.owner).inDoubt.push({ quantity: chosen.quantity, verification: 'Verified', verifiedBy: o.email });
    },
  });
  // A verification is two writes — the Verifications record, then the log's display columns that must show it
  // to count — and a refused one takes the record back: a failed verify leaves nothing, as any failed write.
  if (!r.ok) return;
  if (!r.value) return log(o, patient);
  stats.verified++;
  const l = r.value;
  logEntry(keyOf(l.procurementReference, l.measureCode, l.periodEnd), l.procurementReference, l.reportedBy).acked.push({ version: version(l.etag), quantity: l.quantity, verification: 'Verified', verifiedBy: o.email });
}

/** Celebrates a verified outcome in the taskforce channel, through the outbox; Graph fails a share of posts. */
async function postCardOp(o: Officer, patient: boolean): Promise<void> {
  const pick = o.rnd();
  if (o.rnd() < 0.5) {
    // One more Graph post will fail (429 or 503 with Retry-After), whoever sends next.
    const f = graph.sink.faults();
    graph.sink.setFaults({ ...f, failPosts: { count: (f.failPosts ? f.failPosts.count : 0) + 1, status: o.rnd() < 0.5 ? 429 : 503, retryAfterSeconds: 0 } });
    stats.graphFaultsArmed++;
  }
  const r = await attempt(o, 'post card', patient, async () => {
    const verified = (await o.data.outcomes.query({ verification: 'Verified', pageSize: 500 })).items
      .filter((l) => l.procurementReference.indexOf('REL-') === 0)
      .sort((a, b) => a.id - b.id);
    if (verified.length === 0) return undefined;
    const l = verified[Math.floor(pick * verified.length)];
    const key = keyOf(l.procurementReference, l.measureCode, l.periodEnd);
    const card = reliabilityCard(l);
    const result = await celebrateOutcome({ graph: o.graph, outbox: o.data.outbox, outcomes: o.data.outcomes, log: l, card, ...TEAM, options: POST_OPTIONS });
    if (result.status === 'posted') {
      stats.posted++;
      cards.set(key, (cards.get(key) || new Set<string>()).add(result.messageId));
      // In the channel, but the message id did not reach the log: the officer celebrates again to finish.
      if (result.logError) throw new DataError('throttled', result.logError);
      onLog.add(key);
    }
    return key;
  });
  if (r.ok && !r.value) return verify(o, patient);
}

/** The run's success card for a verified log, marked with its key so the channel can be checked card by card. */
function reliabilityCard(l: OutcomeLog): ReturnType<typeof buildSuccessCard> {
  const key = keyOf(l.procurementReference, l.measureCode, l.periodEnd);
  const m = measures.find((x) => x.code === l.measureCode)!;
  return buildSuccessCard({
    procurement: { reference: l.procurementReference, title: 'Reliability run' },
    supplier: { name: 'Reliability supplier', isSme: true, isVcse: false },
    themeId: m.themeId,
    measure: { code: m.code, text: m.text, unit: m.unit },
    outcome: { quantity: l.quantity, valuePence: l.valuePence, periodEnd: l.periodEnd },
    verifiedBy: 'A fellow officer',
    quote: cardMarker(key),
    hubTab: { appId: 'reliability', entityId: 'socialvaluehub' },
  });
}

const OPS: [number, (o: Officer, patient: boolean) => Promise<void>][] = [
  [0.16, create],
  [0.16, edit],
  [0.16, award],
  [0.24, log],
  [0.16, verify],
  [0.12, postCardOp],
];

let finishedOps = 0;
let killed: Promise<void> | undefined;

/** SIGKILL mid-run, restart on the same data, and check that every write acknowledged before the kill is there. */
async function killAndRestart(): Promise<void> {
  const procurementsBefore = new Map([...procurements.values()].map((p) => [p.ref, p.version]));
  const logsBefore = new Map([...logs].map(([k, l]) => [k, Math.max(...l.acked.map((w) => w.version))]));
  const cardsBefore = [...cards.keys()];
  await hub.server.kill();
  await hub.server.restart();
  // Faults set over HTTP do not outlive the process.
  await hub.server.setFaults(FAULTS);
  const items = async (list: string, select: string[]): Promise<Record<string, unknown>[]> =>
    (await admin.web.lists.getByTitle(list).items.select(...select).top(5000)()) as Record<string, unknown>[];
  const byKey = (rows: Record<string, unknown>[], col: string): Map<string, number> => new Map(rows.map((r) => [String(r[col]), version(String(r['odata.etag']))]));
  const stored = byKey(await items('Procurements', ['Reference']), 'Reference');
  for (const [ref, v] of procurementsBefore) if (!((stored.get(ref) || 0) >= v)) survival.push(`procurement ${ref}: acknowledged version ${v}, found ${stored.get(ref)}`);
  const storedLogs = byKey(await items('OutcomeLogs', ['LogKey']), 'LogKey');
  for (const [key, v] of logsBefore) if (!((storedLogs.get(key) || 0) >= v)) survival.push(`log ${key}: acknowledged version ${v}, found ${storedLogs.get(key)}`);
  const posts = byKey(await items('TaskforcePosts', ['IdempotencyKey']), 'IdempotencyKey');
  for (const key of cardsBefore) if (!posts.has(`success|${key}`)) survival.push(`card ${key}: posted, but its outbox item is gone`);
}

async function runOfficer(o: Officer): Promise<void> {
  for (let i = 0; i < OPS_PER_OFFICER; i++) {
    let r = o.rnd();
    const patient = o.rnd() < 0.7;
    const op = OPS.find(([w]) => (r -= w) < 0) || OPS[OPS.length - 1];
    await op[1](o, patient);
    stats.ops++;
    if (++finishedOps === KILL_AFTER_OPS) killed = killAndRestart();
  }
}

// ---- The tests ----------------------------------------------------------------------------------

describe('officers under faults', () => {
  it('gives each officer their own identity on the one server', async () => {
    const a = officer(1);
    const b = officer(2);
    expect((await a.data.users.current()).email).toBe(a.email);
    expect((await b.data.users.current()).email).toBe(b.email);
    const stranger = createSharePointData(spFor('mallory@contoso.example', 1));
    await expect(stranger.users.current()).rejects.toMatchObject({ kind: 'forbidden', status: 401 });
  });

  it('reports a 412 between two editors of one draft to the second, and keeps the first one’s edit', async () => {
    await hub.server.setFaults(FAULTS);
    const a = officer(1);
    const b = officer(2);
    const ref = 'REL-EDITORS-1';
    await attempt(a, 'create', true, async () => completed(await a.data.procurements.saveBundle({ procurement: draft(ref, { leadOfficer: { email: a.email, displayName: a.name } }), actionPlan: actionsFor(a, ref, ['Kick-off']) })));
    for (let round = 0; round < 6; round++) {
      const [pa, pb] = await Promise.all([a.data.procurements.get(ref), b.data.procurements.get(ref)]);
      const results = await Promise.allSettled([
        a.data.procurements.update({ ...pa!, title: `A's edit ${round}` }),
        b.data.procurements.update({ ...pb!, title: `B's edit ${round}` }),
      ]);
      const won = results.map((x) => x.status === 'fulfilled');
      expect(won.filter(Boolean)).toHaveLength(1);
      const lost = results[won[0] ? 1 : 0] as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      expect((await a.data.procurements.get(ref))!.title).toBe(won[0] ? `A's edit ${round}` : `B's edit ${round}`);
    }
    // The wizard's save (procurement, commitments, action plan in one batch): the loser writes no part.
    for (let round = 0; round < 4; round++) {
      const [pa, pb] = await Promise.all([a.data.procurements.get(ref), b.data.procurements.get(ref)]);
      const before = (await a.data.actionPlan.listForProcurement(ref)).map((x) => x.action).sort();
      const results = await Promise.allSettled([
        a.data.procurements.saveBundle({ procurement: { ...pa!, title: `A's plan ${round}` }, actionPlan: actionsFor(a, ref, ['Kick-off', `A's action ${round}`]) }),
        b.data.procurements.saveBundle({ procurement: { ...pb!, title: `B's plan ${round}` }, actionPlan: actionsFor(b, ref, ['Kick-off', `B's action ${round}`]) }),
      ]);
      const won = results.map((x) => x.status === 'fulfilled' && x.value.ok);
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = won[0] ? 'A' : 'B';
      const lost = results[won[0] ? 1 : 0];
      const lostError = lost.status === 'rejected' ? lost.reason : lost.value.failed[0]?.error;
      expect(lostError).toBeInstanceOf(ConflictError);
      expect((await a.data.procurements.get(ref))!.title).toBe(`${winner}'s plan ${round}`);
      expect((await a.data.actionPlan.listForProcurement(ref)).map((x) => x.action).sort()).toEqual(['Kick-off', `${winner}'s action ${round}`].sort());
      expect(before).toContain('Kick-off');
    }
    await hub.server.setFaults({ rate: 0 });
  });

  it('20 officers × 50 operations: every acknowledged write lands once, survives a SIGKILL, nothing else is written', async () => {
    await hub.server.setFaults(FAULTS);
    graph.sink.setFaults({ delayPosts: { count: 100_000, ms: 5 } });
    const team = Array.from({ length: OFFICERS }, (_, i) => officer(i + 1));
    await Promise.all(team.map(runOfficer));
    expect(killed).toBeDefined();
    await killed;
    const injected = ((await (await fetch(`${hub.server.url}/_local/faults`)).json()) as { injected: number }).injected;
    const graphFaultsLeft = graph.sink.faults().failPosts?.count ?? 0;
    await hub.server.setFaults({ rate: 0 });
    graph.sink.setFaults({});

    // A later pass over the outbox (as the hub runs now and then) posts what Graph refused during the run.
    const checker = createSharePointData(admin);
    const later = new Date(Date.now() + 86_400_000);
    for (let pass = 0; pass < 5; pass++) {
      const report = await retryDueOutbox({
        graph: graph.client(),
        outbox: checker.outbox,
        channel: TEAM,
        // Rebuilt from the verified log, as the hub rebuilds every card it posts on a later pass.
        rebuildCard: async (subject) => {
          if (subject.kind !== 'success') return undefined;
          const found = await checker.outcomes.query({ procurementReference: subject.procurementReference, measureCode: subject.measureCode, pageSize: 500 });
          const l = found.items.find((x) => x.periodEnd === subject.periodEnd && x.verification === 'Verified');
          return l ? reliabilityCard(l) : undefined;
        },
        options: { baseDelayMs: 0, now: () => later },
        pageSize: 200,
      });
      if (report.posted.length + report.failed.length === 0) break;
    }

    expect(unexpected).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(survival).toEqual([]);
    // The run exercised what it claims to: faults injected and seen, corrections, verifications and cards.
    expect(stats.ops).toBe(OFFICERS * OPS_PER_OFFICER);
    expect(injected).toBeGreaterThan(200);
    expect(stats.surfaced).toBeGreaterThan(0);
    expect(stats.gaveUp).toBeGreaterThan(0);
    expect(stats.network).toBeGreaterThan(0);
    expect(stats.corrections).toBeGreaterThan(0);
    expect(stats.verified).toBeGreaterThan(0);
    expect(stats.posted).toBeGreaterThan(0);
    expect(graphFaultsLeft).toBeLessThan(stats.graphFaultsArmed);

    /** Every item of the run's procurements (REL-…, not the editors' draft), straight from the list. */
    const items = async (list: string, refColumn: string, select: string[], expand: string[] = []): Promise<Record<string, unknown>[]> => {
      const q = admin.web.lists.getByTitle(list).items.select(refColumn, ...select).top(5000);
      const rows = (await (expand.length ? q.expand(...expand) : q)()) as Record<string, unknown>[];
      return rows.filter((r) => /^(success\|)?REL-\d/.test(String(r[refColumn])));
    };
    const dupes = (rows: Record<string, unknown>[], col: string): string[] => {
      const seen = new Map<string, number>();
      rows.forEach((r) => seen.set(String(r[col]), (seen.get(String(r[col])) || 0) + 1));
      return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
    };

    // Procurements: exactly the acknowledged ones, once each, with their values and their author.
    const rows = await items('Procurements', 'Reference', ['Title', 'EstimatedValuePence', 'Status', 'SupplierName', 'AwardValuePence', 'Author/EMail'], ['Author']);
    expect(dupes(rows, 'Reference')).toEqual([]);
    expect(rows.map((r) => r.Reference).sort()).toEqual([...procurements.keys()].sort());
    const wrongProcurements = rows.filter((r) => {
      const e = procurements.get(String(r.Reference))!;
      return r.Title !== e.title || r.EstimatedValuePence !== e.estimatedValuePence || r.Status !== e.status || (r.SupplierName ?? undefined) !== e.supplierName
        || (r.AwardValuePence ?? undefined) !== e.awardValuePence || (r.Author as { EMail: string }).EMail !== e.owner || version(String(r['odata.etag'])) < e.version;
    });
    expect(wrongProcurements.map((r) => ({ found: r, expected: procurements.get(String(r.Reference)) }))).toEqual([]);

    // Commitments and action plans: the last saved set of each procurement, no part twice, no orphans.
    const commitmentRows = await items('Commitments', 'ProcurementRef', ['CommitmentKey', 'MeasureCode', 'TargetQuantity']);
    expect(dupes(commitmentRows, 'CommitmentKey')).toEqual([]);
    const actualCommitments: Record<string, Record<string, number>> = {};
    commitmentRows.forEach((c) => (actualCommitments[String(c.ProcurementRef)] = { ...actualCommitments[String(c.ProcurementRef)], [String(c.MeasureCode)]: Number(c.TargetQuantity) }));
    expect(actualCommitments).toEqual(Object.fromEntries([...procurements.values()].map((p) => [p.ref, Object.fromEntries(p.commitments)])));
    const actionRows = await items('ActionPlan', 'ProcurementRef', ['ActionKey', 'Title']);
    expect(dupes(actionRows, 'ActionKey')).toEqual([]);
    const actualActions: Record<string, string[]> = {};
    actionRows.forEach((a) => (actualActions[String(a.ProcurementRef)] = [...(actualActions[String(a.ProcurementRef)] || []), String(a.Title)].sort()));
    expect(actualActions).toEqual(Object.fromEntries([...procurements.values()].filter((p) => p.actions.length).map((p) => [p.ref, [...p.actions].sort()])));

    // Approvals: one decision per approved procurement, none left without its status move.
    const decisions = await items('Approvals', 'ProcurementRef', ['DecisionKey']);
    expect(dupes(decisions, 'DecisionKey')).toEqual([]);
    expect(decisions.map((d) => d.ProcurementRef).sort()).toEqual([...procurements.values()].filter((p) => ['Approved', 'Tendering', 'Awarded'].indexOf(p.status) >= 0).map((p) => p.ref).sort());

    // Outcome logs: one per commitment per quarter, holding the last acknowledged write (or one whose answer was lost).
    const logRows = await items('OutcomeLogs', 'ProcurementRef', ['LogKey', 'Quantity', 'Verification', 'VerifiedBy', 'ReportedBy', 'CelebratedMessageId']);
    expect(dupes(logRows, 'LogKey')).toEqual([]);
    expect(logRows.map((l) => l.LogKey).sort()).toEqual([...logs.keys()].sort());
    const wrongLogs = logRows.filter((l) => {
      const e = logs.get(String(l.LogKey))!;
      const last = e.acked.reduce((a, b) => (b.version > a.version ? b : a));
      const found = JSON.stringify({ quantity: l.Quantity, verification: l.Verification, verifiedBy: l.VerifiedBy || undefined });
      const allowed = [last, ...e.inDoubt].map((w) => JSON.stringify({ quantity: w.quantity, verification: w.verification, verifiedBy: w.verifiedBy }));
      return allowed.indexOf(found) < 0 || version(String(l['odata.etag'])) < last.version || l.ReportedBy !== e.owner;
    });
    expect(wrongLogs.map((l) => ({ found: l, expected: logs.get(String(l.LogKey)) }))).toEqual([]);

    // Cards: each in the channel exactly once, its outbox item Posted with that message id (or, if the
    // server died between Graph's answer and the outbox, Failed "in doubt" for a person, and still once at most).
    const posts = await items('TaskforcePosts', 'IdempotencyKey', ['PostStatus', 'MessageId', 'LastError']);
    expect(dupes(posts, 'IdempotencyKey')).toEqual([]);
    const channel = graph.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID);
    const cardKey = (idempotencyKey: unknown): string => String(idempotencyKey).replace(/^success\|/, '');
    const inChannel = (key: string): string[] => channel.filter((m) => m.attachments.some((a) => (a.content || '').indexOf(cardMarker(key)) >= 0)).map((m) => m.id);
    const wrongCards = posts.filter((p) => {
      const ids = inChannel(cardKey(p.IdempotencyKey));
      const told = [...(cards.get(cardKey(p.IdempotencyKey)) || [])];
      if (p.PostStatus === 'Posted') return ids.length !== 1 || ids[0] !== p.MessageId || told.some((id) => id !== p.MessageId);
      // Never posted and never to be: its outcome was corrected (no longer verified) before a later pass rebuilt it.
      if (p.PostStatus === 'Failed' && /could not rebuild this card from its records/.test(String(p.LastError))) {
        const log = logRows.find((l) => l.LogKey === cardKey(p.IdempotencyKey));
        return ids.length !== 0 || told.length !== 0 || !log || log.Verification === 'Verified';
      }
      return !(p.PostStatus === 'Failed' && /may or may not have been posted/.test(String(p.LastError)) && ids.length <= 1 && told.length <= 1);
    }).map((p) => ({ ...p, channel: inChannel(cardKey(p.IdempotencyKey)), told: [...(cards.get(cardKey(p.IdempotencyKey)) || [])] }));
    expect(wrongCards).toEqual([]);
    expect([...cards.keys()].filter((key) => !posts.some((p) => cardKey(p.IdempotencyKey) === key))).toEqual([]);
    expect(channel.filter((m) => posts.filter((p) => m.attachments.some((a) => (a.content || '').indexOf(cardMarker(cardKey(p.IdempotencyKey))) >= 0)).length !== 1)).toEqual([]);
    // The message id is kept on the log an officer celebrated (later passes of the outbox post without a log).
    const withoutId = posts.filter((p) => p.PostStatus === 'Posted' && onLog.has(cardKey(p.IdempotencyKey)) && logRows.find((l) => l.LogKey === cardKey(p.IdempotencyKey))?.CelebratedMessageId !== p.MessageId);
    expect(withoutId.map((p) => ({ post: p, log: logRows.find((l) => l.LogKey === cardKey(p.IdempotencyKey)) }))).toEqual([]);
  });
});
