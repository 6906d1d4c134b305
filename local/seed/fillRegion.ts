// Fills a LOCAL hub site with a generated region (./region.ts): procurements, commitments with their RAG,
// outcome logs and the rollups the dashboard reads, computed by the hub's own definitions (reporting's
// rebuildRollups, the domain's commitmentProgress) so the site is exactly as if officers had entered it.
// Items go in through the local server's bulk insert (POST /_local/bulk, NOT SharePoint: every item is
// still checked against the list schema), in chunks, because 400,000 logs one batch at a time would take
// an hour. Used by the generator command and the dashboard benchmark.
import type { IsoDate, OutcomeLog } from '../../src/domain';
import { progressRecords, staleAgainst } from '../../src/domain';
import type { CommitmentWithProgress } from '../../src/domain';
import { commitmentToItem, logKey, outcomeToItem, procurementToItem, rollupToItem, rollupsByItem } from '../../src/data/sharepoint/mapping';
import { progressToItem } from '../../src/data/sharepoint/progressRepository';
import { rebuildRollups } from '../../src/domain';
import type { Generated, RegionOptions } from './region';
import { generate } from './region';
import { findDemoUser, LOCAL_USER_HEADER } from '../sharepoint/users';

/** The regional shape the benchmarks use: 2,000 five-year contracts × 10 commitments × 20 quarters = 400,000 logs. */
export const REGIONAL_SCALE: RegionOptions = {
  seed: 2026,
  procurements: 2000,
  commitmentsEach: 10,
  contractMonths: [60, 60],
  firstStart: '2020-04-01',
  startWithinDays: 365,
  targetLogs: 400_000,
};

export interface FilledRegion extends Generated {
  /** Commitments as stored (with RAG and the list's ids); logs point at these ids. */
  commitments: CommitmentWithProgress[];
  rollupItems: number;
}

const CHUNK = 10_000;

async function bulk(origin: string, list: string, items: Record<string, unknown>[], author?: string): Promise<number> {
  let firstId = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    // The bulk insert is a site owner's tool (sent as the demo's owner); the items are authored by the current user.
    const res = await fetch(`${origin}/_local/bulk`, { method: 'POST', headers: { 'content-type': 'application/json', [LOCAL_USER_HEADER]: 'admin' }, body: JSON.stringify({ list, items: items.slice(i, i + CHUNK), author }) });
    const body = (await res.json()) as { firstId?: number; error?: { message?: { value?: string } } | string };
    if (!res.ok) {
      const message = typeof body.error === 'string' ? body.error : body.error?.message?.value;
      throw new Error(`Could not add ${list} items ${i + 1}–${Math.min(i + CHUNK, items.length)}: ${message || res.status}`);
    }
    if (i === 0) firstId = body.firstId || 0;
  }
  return firstId;
}

/** The local user the bulk insert authors items as by default (GET /_local/user). */
async function currentLocalUser(origin: string): Promise<string> {
  const res = await fetch(`${origin}/_local/user`);
  const body = (await res.json()) as { user?: { email?: string } };
  if (!res.ok || !body.user) throw new Error(`Could not read the local user: ${res.status}`);
  return body.user.email || '';
}

/**
 * A verification counts only when the Verifications list holds it, made by someone other than the log's
 * reporter and shown on the log (src/domain/verificationRecord.ts): the decided logs name an approver other
 * than the reporter (the bulk insert authors the logs as the current local user), who then adds the
 * verifications (the Verifications list is the Approvers group's; the site owner may write it too).
 */
async function colleagueOf(origin: string): Promise<{ alias: string; email: string }> {
  const reporter = await currentLocalUser(origin);
  const alias = reporter.toLowerCase() === findDemoUser('manager')!.email ? 'admin' : 'manager';
  return { alias, email: findDemoUser(alias)!.email };
}

async function verifyAsColleague(origin: string, colleague: { alias: string }, logs: readonly OutcomeLog[], firstLogId: number): Promise<void> {
  const items = logs
    .map((l, i) => ({ l, logId: firstLogId + i }))
    .filter(({ l }) => l.verification !== 'Reported')
    .map(({ l, logId }) => ({
      Title: `${logId}: ${l.verification}`,
      VerificationKey: `${logId}|${colleague.alias}|${l.verification}|${l.quantity}|${l.valuePence ?? 0}`,
      ProcurementRef: l.procurementReference,
      LogId: logId,
      LogKey: logKey(l.procurementReference, l.measureCode, l.periodEnd),
      Decision: l.verification,
      Quantity: l.quantity,
      ValuePence: l.valuePence ?? null,
      RejectionReason: l.rejectionReason || null,
    }));
  await bulk(origin, 'Verifications', items, colleague.alias);
}

export async function fillRegion(
  siteUrl: string,
  options: RegionOptions & { leadOfficerId: number; asOf: IsoDate },
  say: (message: string) => void = () => undefined,
): Promise<FilledRegion> {
  const origin = new URL(siteUrl).origin;
  const g = generate(options);
  say(`Generated ${g.procurements.length} procurements, ${g.commitments.length} commitments and ${g.logs.length} outcome logs.`);
  const colleague = await colleagueOf(origin);
  const decided = (l: OutcomeLog): OutcomeLog =>
    l.verification === 'Reported'
      ? l
      : { ...l, verifiedBy: colleague.email, verifiedAt: `${l.periodEnd}T12:00:00Z`, rejectionReason: l.verification === 'Rejected' ? 'Evidence did not support the figure.' : undefined };

  await bulk(origin, 'Procurements', g.procurements.map((p) => procurementToItem(p, { leadOfficerId: options.leadOfficerId }) as Record<string, unknown>));
  say('Added the procurements.');

  // Each commitment's progress as of `asOf`, worked out once, as the owner's update does (app/rebuild.ts): the
  // records for CommitmentProgress, and the commitments' own columns (new ones have no stored RAG, so every one
  // comes back with its progress).
  const records = progressRecords(g.commitments, g.logs, g.procurements, options.asOf);
  const stored = staleAgainst(g.commitments as CommitmentWithProgress[], records);
  // The list numbers the commitments from firstId in order; the generator numbered them from 1.
  const firstId = await bulk(origin, 'Commitments', stored.map((c) => commitmentToItem({ ...c, id: undefined }) as Record<string, unknown>));
  const offset = firstId - 1;
  const commitments = stored.map((c) => ({ ...c, id: (c.id as number) + offset }));
  const logs = g.logs.map((l) => decided(l.commitmentId === undefined ? l : { ...l, commitmentId: l.commitmentId + offset }));
  say('Added the commitments.');
  const firstLogId = await bulk(origin, 'OutcomeLogs', logs.map((l) => outcomeToItem(l) as Record<string, unknown>));
  say('Added the outcome logs.');
  await verifyAsColleague(origin, colleague, logs, firstLogId);
  say('Added their verifications.');
  const rollups = rebuildRollups(commitments, logs, g.procurements);
  const items = Array.from(rollupsByItem(rollups).values()).map((rows) => rollupToItem(rows) as Record<string, unknown>);
  await bulk(origin, 'Rollups', items);
  say(`Added ${items.length} rollup items (${rollups.length} procurement × quarter × theme figures).`);
  // As the owner's update records each commitment's progress (the at-risk list's source).
  await bulk(origin, 'CommitmentProgress', records.map((p) => progressToItem({ ...p, commitmentId: p.commitmentId + offset }) as Record<string, unknown>));
  say('Added the commitments’ recorded progress.');
  return { procurements: g.procurements, commitments, logs, rollupItems: items.length };
}
