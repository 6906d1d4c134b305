// Writes the demo data through the hub's own repositories (the same PnPjs code the app uses), walking
// each procurement through the lifecycle as officers and the approval workflow would.
import {
  commitmentProgress,
  determineTierForPence,
  measureByCode,
  periodFor,
  poundsToPence,
  quantityDecimals,
  socialValuePence,
  tierSnapshot,
  compareIsoDates,
  addDays,
  progressRecords,
  rollupsForProcurement,
  SETTING_KEYS,
} from '../../src/domain';
import type { Commitment, OutcomeLog, Procurement, ProcurementStatus } from '../../src/domain';
import type { HubData, Stored } from '../../src/data/ports';
import { moveTo } from '../../src/app/procurementWorkflow';
import { DEMO_USERS } from '../sharepoint/users';
import { DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../graph/demo';
import { CASE_STUDIES, DELIVERY_PATTERN, DEMO_AS_OF, PROCUREMENTS } from './demoData';
import type { DemoProcurement } from './demoData';

const person = (alias: string): { email: string; displayName: string } => {
  const u = DEMO_USERS.filter((d) => d.alias === alias)[0];
  if (!u) throw new Error(`No demo user "${alias}" in local/sharepoint/users.ts`);
  return { email: u.email, displayName: u.title };
};

const APPROVER = person('manager');
/** The approval workflow's account: the seed records decisions as the Power Automate flow would (flows/). */
const WORKFLOW = person('workflow');
/** The order a procurement moves through after approval. */
const AFTER_APPROVAL: ProcurementStatus[] = ['Tendering', 'Awarded', 'In delivery', 'Closed'];

/** Deterministic timestamps for the walk (the seed has no clock). */
function stamp(date: string, hour: number): string {
  return `${date}T${hour < 10 ? '0' : ''}${hour}:00:00Z`;
}

function toProcurement(d: DemoProcurement, status: ProcurementStatus): Procurement {
  const estimatedValuePence = poundsToPence(d.estimatedValuePounds);
  const tier = tierSnapshot(determineTierForPence({ estimatedValuePence, contractType: d.contractType, regime: d.regime, decisionDate: d.decisionDate }));
  return {
    reference: d.reference,
    title: d.title,
    authorityId: d.authorityId,
    directorate: d.directorate,
    leadOfficer: person(d.lead),
    contractType: d.contractType,
    regime: d.regime || 'sub-central',
    estimatedValuePence,
    decisionDate: d.decisionDate,
    durationMonths: d.durationMonths,
    tierDecision: tier,
    themeIds: d.themeIds,
    measureTargets: (d.commitments || []).map((c) => ({ measureCode: c.measureCode, targetQuantity: c.targetQuantity })),
    weighting: d.weighting,
    status,
  };
}

function commitmentsOf(d: DemoProcurement): Commitment[] {
  return (d.commitments || []).map((c) => {
    const m = measureByCode(c.measureCode);
    if (!m) throw new Error(`Demo measure ${c.measureCode} is not in the library`);
    return {
      procurementReference: d.reference,
      measureCode: m.code,
      targetQuantity: c.targetQuantity,
      unit: m.unit,
      proxyPenceLocked: m.recordOnly ? undefined : m.proxyPence,
      proxyEdition: m.recordOnly ? undefined : m.proxyEdition,
      startDate: d.contractStart,
      dueDate: d.contractEnd || addDays(d.decisionDate, 365),
    };
  });
}

/** Quarter ends from the contract start up to the demo's "today" (or the contract end). */
function quarterEnds(start: string, end: string): string[] {
  const out: string[] = [];
  let p = periodFor(start);
  while (compareIsoDates(p.end, DEMO_AS_OF) <= 0 && compareIsoDates(p.start, end) <= 0) {
    out.push(p.end);
    p = periodFor(addDays(p.end, 1));
  }
  return out;
}

function round(q: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  return Math.round(q * f) / f;
}

/** The hub's data as one demo person (by alias): their writes carry them as SharePoint's Author. */
export type DataAs = (alias: string) => HubData;

async function walk(data: HubData, as: DataAs, d: DemoProcurement, log: (line: string) => void): Promise<Stored<Procurement>> {
  const lead = person(d.lead);
  let p = await data.procurements.create(toProcurement(d, 'Draft'));
  if (d.status === 'Draft') return p;
  if (d.status === 'Withdrawn') return moveTo(data, p, 'Withdrawn');
  p = await moveTo(data, p, 'Awaiting approval', { submittedByEmail: lead.email, submittedAt: stamp(d.decisionDate, 9), approverEmail: APPROVER.email });
  if (d.status === 'Awaiting approval') return p;
  // The workflow records the approver's response under its own connection.
  await as('workflow').approvals.record({
    procurementReference: d.reference,
    round: 1,
    outcome: d.status === 'Rejected' ? 'Rejected' : 'Approved',
    decidedByEmail: APPROVER.email,
    decidedByName: APPROVER.displayName,
    decidedAt: stamp(addDays(d.decisionDate, 3), 14),
    comments: d.rejectionComment || 'Proportionate to the contract; approved.',
  });
  p = (await data.procurements.get(d.reference))!;
  const target = AFTER_APPROVAL.indexOf(d.status);
  for (let i = 0; i <= target; i++) {
    const next = AFTER_APPROVAL[i];
    const award =
      next === 'Awarded' && d.supplier
        ? { supplier: d.supplier, awardValuePence: poundsToPence(d.awardValuePounds || d.estimatedValuePounds), contractStart: d.contractStart, contractEnd: d.contractEnd, kpis: d.kpis }
        : {};
    const { slug: _slug, ...supplier } = d.supplier || { slug: '' };
    p = await moveTo(data, p, next, { ...award, ...(next === 'Awarded' && d.supplier ? { supplier: supplier as Procurement['supplier'] } : {}) });
  }
  if (target >= 1) {
    const result = await data.procurements.saveBundle({
      procurement: p,
      commitments: commitmentsOf(d),
      actionPlan: (d.actions || []).map((a) => ({ procurementReference: d.reference, ownerEmail: lead.email, ownerName: lead.displayName, ...a })),
    });
    if (!result.ok) throw new Error(`Seeding ${d.reference}: ${result.failed.map((f) => `${f.what}: ${f.error.message}`).join('; ')}`);
    log(`  ${d.reference}: ${result.commitments.length} commitments, ${result.actionPlan.length} actions`);
  }
  return p;
}

/** Quarterly logs: older quarters verified (one rejected now and then), the latest quarter awaiting verification. */
async function report(data: HubData, as: DataAs, d: DemoProcurement): Promise<number> {
  if (!d.contractStart || !d.contractEnd || !d.supplier || (d.status !== 'In delivery' && d.status !== 'Closed')) return 0;
  const lead = person(d.lead);
  // The lead (an officer) reports (the log's Author) and the approver verifies (the verification's Author: the
  // Verifications list is the Approvers group's): the record the hub counts by (src/domain/verificationRecord.ts).
  const checkerAlias = 'manager';
  const checker = person(checkerAlias);
  const reporting = as(d.lead);
  const checking = as(checkerAlias);
  const ends = quarterEnds(d.contractStart, d.contractEnd);
  const quarters = Math.max(1, Math.round(d.durationMonths / 3));
  const stored = await data.commitments.listForProcurement(d.reference);
  let written = 0;
  for (const c of stored) {
    const logs: OutcomeLog[] = [];
    const decimals = quantityDecimals(c.unit);
    let cumulative = 0;
    let reportedSoFar = 0;
    for (let i = 0; i < ends.length; i++) {
      const share = DELIVERY_PATTERN[(i + c.measureCode.length + written) % DELIVERY_PATTERN.length];
      // Percentages are a level each quarter; everything else accrues, rounded so whole counts add up.
      let quantity: number;
      if (c.unit === '%') {
        quantity = Math.min(100, round(c.targetQuantity * (0.85 + share / 10), decimals));
      } else {
        cumulative += (c.targetQuantity / quarters) * share;
        quantity = Math.max(0, round(round(cumulative, decimals) - reportedSoFar, decimals));
        reportedSoFar = round(reportedSoFar + quantity, decimals);
      }
      const periodEnd = ends[i];
      const latest = i === ends.length - 1 && d.status === 'In delivery';
      const rejected = !latest && (i + c.measureCode.charCodeAt(4)) % 7 === 3;
      const base: OutcomeLog = {
        procurementReference: d.reference,
        commitmentId: c.id,
        measureCode: c.measureCode,
        periodEnd,
        quantity,
        proxyPence: c.proxyPenceLocked,
        valuePence: socialValuePence(quantity, c.proxyPenceLocked),
        evidenceUrl: `https://suppliers.svhub.example/${d.supplier.slug}/returns/${periodEnd}`,
        evidenceNotes: 'Supplier quarterly return (counts only; no personal details).',
        reportedBy: lead.email,
        reportedAt: stamp(addDays(periodEnd, 14), 10),
        verification: 'Reported',
      };
      const { log } = await reporting.outcomes.record(base);
      written++;
      if (latest) {
        logs.push(log);
        continue;
      }
      const checked = await checking.outcomes.update({
        ...log,
        verification: rejected ? 'Rejected' : 'Verified',
        verifiedBy: checker.email,
        verifiedAt: stamp(addDays(periodEnd, 28), 11),
        rejectionReason: rejected ? 'The return covers two contracts; ask for this contract’s figures only.' : undefined,
      });
      logs.push(checked);
    }
    const progress = commitmentProgress(c, logs, DEMO_AS_OF, { contractStart: d.contractStart });
    await data.commitments.update({ ...c, rag: progress.rag, verifiedQuantity: progress.verifiedQuantity });
  }
  return written;
}

/** The dashboard's rollups and its commitments' recorded progress for a procurement, as a site owner's update writes them. */
async function rollUp(data: HubData, reference: string): Promise<number> {
  const procurement = await data.procurements.get(reference);
  const commitments = await data.commitments.listForProcurement(reference);
  if (!procurement || commitments.length === 0) return 0;
  const logs: OutcomeLog[] = [];
  let token: string | undefined;
  do {
    const page = await data.outcomes.query({ procurementReference: reference, pageSize: 500, pageToken: token });
    logs.push(...page.items);
    token = page.nextPageToken;
  } while (token);
  const rows = rollupsForProcurement(procurement, commitments, logs);
  const saved = await data.rollups.saveMany(rows);
  if (!saved.ok) throw new Error(`Rollups for ${reference}: ${saved.failed.map((f) => f.error.message).join('; ')}`);
  const progress = await data.progress.saveMany(progressRecords(commitments, logs, [procurement], DEMO_AS_OF));
  if (!progress.ok) throw new Error(`Progress for ${reference}: ${progress.failed.map((f) => f.error.message).join('; ')}`);
  return rows.length;
}

export async function seedDemo(data: HubData, log: (line: string) => void, as: DataAs): Promise<void> {
  if (await data.procurements.get(PROCUREMENTS[0].reference)) {
    log('Demo data is already there.');
    return;
  }
  await data.settings.set(SETTING_KEYS.approverEmail, APPROVER.email, 'Who approves weighting decisions (the Teams workflow assigns the approval to them).');
  await data.settings.set(SETTING_KEYS.approvalWorkflowAccount, WORKFLOW.email, 'The account the approval workflow’s SharePoint connection runs as.');
  // The local Graph sink's demo team and channel stand for the taskforce's real ones.
  await data.settings.set(SETTING_KEYS.taskforceTeamId, DEMO_TEAM_ID, 'The taskforce team');
  await data.settings.set(SETTING_KEYS.taskforceChannelId, DEMO_TASKFORCE_CHANNEL_ID, 'The taskforce channel');
  log(`Adding ${PROCUREMENTS.length} fictional procurements…`);
  let logs = 0;
  let rollups = 0;
  for (const d of PROCUREMENTS) {
    await walk(data, as, d, log);
    logs += await report(data, as, d);
    rollups += await rollUp(data, d.reference);
  }
  log(`Added ${logs} quarterly outcome logs and ${rollups} dashboard rollups.`);
  for (const cs of CASE_STUDIES) await data.caseStudies.create(cs);
  log(`Added ${CASE_STUDIES.length} case studies.`);
}
