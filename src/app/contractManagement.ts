// Contract management where section 52 of the Procurement Act 2023 applies: the KPIs set at award, an assessment
// of each at least every 12 months (section 71(2)), the notices' identifiers, and the contract performance
// notice's content to copy to the central digital platform. The rules are the domain's (kpi.ts); the hub's own
// delivery figures sit beside each KPI that is a social value commitment, so nobody types them twice.
import {
  authorityById,
  commitmentProgress,
  contractPerformanceNotice,
  kpiDutyForProcurement,
  nextKpiAssessmentDue,
  PolicyInputError,
  validateKpiAssessment,
} from '../domain';
import type { CommitmentProgress, IsoDate, Kpi, KpiAssessment, KpiDuty, Procurement, RecordedKpiAssessment } from '../domain';
import { ValidationError } from '../data/errors';
import type { HubData, Stored } from '../data/ports';
import { logsOf, todayIso } from './deliveryFigures';
import { editProcurement } from './procurementWorkflow';

export interface ContractManagement {
  duty: KpiDuty;
  kpis: readonly Kpi[];
  /** Every assessment, the latest period first. */
  assessments: readonly Stored<RecordedKpiAssessment>[];
  /** When the next assessment is due (12 months after the last period assessed, or after the contract start). */
  nextDue?: { due: IsoDate; overdue: boolean };
  /** The hub's delivery figures for each KPI that is a social value commitment, by measure code. */
  delivery: { [measureCode: string]: CommitmentProgress };
  /** The contract performance notice's lines, or what it still lacks. */
  notice: { lines: string[] } | { missing: string[] };
}

/** What the contract management section shows for an awarded procurement. */
export async function loadContractManagement(data: HubData, p: Stored<Procurement>, asOf: IsoDate = todayIso()): Promise<ContractManagement> {
  const kpis = p.kpis ?? [];
  const withMeasures = kpis.some((k) => !!k.measureCode);
  const [assessments, commitments, logs] = await Promise.all([
    data.kpiAssessments.listForProcurement(p.reference),
    withMeasures ? data.commitments.listForProcurement(p.reference) : Promise.resolve([]),
    withMeasures ? logsOf(data, p.reference) : Promise.resolve([]),
  ]);
  const delivery: { [measureCode: string]: CommitmentProgress } = {};
  for (const c of commitments) {
    if (kpis.some((k) => k.measureCode === c.measureCode)) delivery[c.measureCode] = commitmentProgress(c, logs, asOf, { contractStart: p.contractStart });
  }
  return {
    duty: kpiDutyForProcurement(p),
    kpis,
    assessments,
    nextDue: p.contractStart && kpis.length > 0 ? nextKpiAssessmentDue(p.contractStart, assessments, asOf) : undefined,
    delivery,
    notice: noticeFor(p, kpis, assessments, delivery),
  };
}

function noticeFor(p: Procurement, kpis: readonly Kpi[], assessments: readonly KpiAssessment[], delivery: ContractManagement['delivery']): ContractManagement['notice'] {
  try {
    return {
      lines: contractPerformanceNotice({
        contractingAuthority: authorityById(p.authorityId)?.name ?? p.authorityId,
        procurementTitle: p.title,
        procurementIdentifier: p.tenderNoticeId,
        contractIdentifier: p.contractDetailsNoticeId,
        supplier: { name: p.supplier?.name ?? '', postalAddress: p.supplier?.postcode },
        kpis,
        assessments,
        delivery,
      }),
    };
  } catch (e) {
    if (e instanceof PolicyInputError) return { missing: e.problems };
    throw e;
  }
}

/**
 * Records an assessment of one KPI: a KPI set at award, a period, and one of the ratings regulation 39(5)
 * prescribes. The same KPI and period again corrects its rating.
 */
export async function recordKpiAssessment(data: HubData, p: Stored<Procurement>, assessment: Partial<KpiAssessment>): Promise<Stored<RecordedKpiAssessment>> {
  const kpis = p.kpis ?? [];
  const input = {
    ...assessment,
    kpiName: String(assessment.kpiName ?? '').trim(),
    note: String(assessment.note ?? '').trim() || undefined,
  };
  const problems = validateKpiAssessment(input, kpis);
  if (problems.length > 0) throw new ValidationError(problems);
  const kpi = kpis.filter((k) => k.name === input.kpiName)[0];
  return data.kpiAssessments.save({ ...(input as KpiAssessment), procurementReference: p.reference, kpiTarget: kpi.target });
}

/** The identifiers the central digital platform gave the tender notice and the contract details notice. */
export function saveNoticeIdentifiers(data: HubData, p: Stored<Procurement>, ids: { tenderNoticeId?: string; contractDetailsNoticeId?: string }, now: Date = new Date()): Promise<Stored<Procurement>> {
  const clean = (v: string | undefined): string | undefined => String(v ?? '').trim() || undefined;
  return editProcurement(data, p, { tenderNoticeId: clean(ids.tenderNoticeId), contractDetailsNoticeId: clean(ids.contractDetailsNoticeId) }, now);
}
