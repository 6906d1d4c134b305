// Rebuilds a site's Rollups list from its commitments and outcome logs: the site owner's figures update
// (Settings, or the rebuild command), the only writer of the dashboard's figures (members cannot write
// them). Reads every procurement, commitment, log and rollup page by page (ID order, past the 5,000-item
// threshold), recomputes with rebuildRollups, and writes only the rollups whose figures differ (stale ones
// are set to zero: the port cannot delete). Given a day, it also records each commitment's progress on that
// day on the CommitmentProgress list (owners only), where the dashboard finds at-risk commitments — a
// commitment turns Red on its due date without any new log — and brings the Commitments list's own RAG
// column (its views') up to that day too.
import { pickRollup, progressRecords, progressToSave, rebuildRollups, rollupKeyOf, rollupsToSave, staleAgainst, unknownReferences } from '../domain';
import type { IsoDate, Rollup } from '../domain';
import type { HubData, WriteFailure } from '../data/ports';
import { allPages } from '../data/paging';
import { DataError } from '../data/errors';

export interface RebuildReport {
  procurements: number;
  commitments: number;
  logs: number;
  /** Rollups the logs and commitments give. */
  rollups: number;
  /** Rollups written (changed, new, or stale ones set to zero). */
  written: number;
  unchanged: number;
  /** References of logs or commitments with no procurement: left out. */
  unknownReferences: string[];
  /** Commitments whose recorded progress (RAG, verified quantity) was out of date or missing (written unless a dry run). */
  progressUpdated: number;
  failed: WriteFailure[];
}

const sameFigures = (a: Rollup, b: Rollup): boolean => JSON.stringify(pickRollup(a)) === JSON.stringify(pickRollup(b));

export async function rebuildRollupsOnSite(
  data: Pick<HubData, 'procurements' | 'commitments' | 'outcomes' | 'rollups' | 'progress'>,
  options: { batchSize?: number; dryRun?: boolean; onProgress?: (message: string) => void; asOf?: IsoDate } = {},
): Promise<RebuildReport> {
  const say = options.onProgress || ((): void => undefined);
  const pageSize = 5000;
  const procurements = await allPages((pageToken) => data.procurements.query({ pageSize, pageToken }));
  say(`Read ${procurements.length} procurements.`);
  const commitments = await allPages((pageToken) => data.commitments.query({ pageSize, pageToken }));
  say(`Read ${commitments.length} commitments.`);
  const logs = await allPages((pageToken) => data.outcomes.query({ pageSize, pageToken }));
  say(`Read ${logs.length} outcome logs.`);
  const stored = await allPages((pageToken) => data.rollups.query({ pageSize, pageToken }));
  say(`Read ${stored.length} stored rollups.`);

  const fresh = rebuildRollups(commitments, logs, procurements);
  const freshKeys = new Set(fresh.map(rollupKeyOf));
  const storedByKey = new Map(stored.map((r) => [rollupKeyOf(r), r]));
  const toSave = rollupsToSave(fresh, stored).filter((r) => {
    const have = storedByKey.get(rollupKeyOf(r));
    return !have || !sameFigures(have, r);
  });
  const failed: WriteFailure[] = [];
  if (!options.dryRun) {
    const size = options.batchSize || 500;
    for (let i = 0; i < toSave.length; i += size) {
      const result = await data.rollups.saveMany(toSave.slice(i, i + size));
      failed.push(...result.failed);
      say(`Wrote ${Math.min(i + size, toSave.length)} of ${toSave.length} rollups.`);
    }
  }
  const rollupFailures = failed.length;
  // Each commitment's progress on the day, worked out once: recorded for the at-risk list, and put back on the
  // Commitments list's own columns where they differ.
  const records = options.asOf ? progressRecords(commitments, logs, procurements, options.asOf) : [];
  const progress = options.asOf ? progressToSave(records, await allPages((pageToken) => data.progress.query({ pageSize, pageToken }))) : { save: [], remove: [] };
  const stale = staleAgainst(commitments, records);
  if (!options.dryRun) {
    const size = options.batchSize || 500;
    for (let i = 0; i < progress.save.length || i < progress.remove.length; i += size) {
      const result = await data.progress.saveMany(progress.save.slice(i, i + size), progress.remove.slice(i, i + size).map((p) => p.id));
      failed.push(...result.failed);
    }
    if (progress.save.length > 0) say(`Recorded ${progress.save.length} commitments' progress as at ${options.asOf}.`);
    for (const c of stale) {
      try {
        await data.commitments.update(c);
      } catch (e) {
        const what = `commitment ${c.procurementReference} ${c.measureCode}`;
        failed.push({ what, error: e instanceof DataError ? e : new DataError('server', `${what}: ${String(e)}`) });
      }
    }
    if (stale.length > 0) say(`Brought ${stale.length} commitments' RAG up to ${options.asOf}.`);
  }
  return {
    procurements: procurements.length,
    commitments: commitments.length,
    logs: logs.length,
    rollups: fresh.length,
    written: options.dryRun ? 0 : toSave.length - rollupFailures,
    unchanged: fresh.length - toSave.filter((r) => freshKeys.has(rollupKeyOf(r))).length,
    unknownReferences: unknownReferences(commitments, logs, procurements),
    progressUpdated: progress.save.length,
    failed,
  };
}
