// Record the award: Tendering → Awarded with the supplier, value and dates, the commitments (proxies locked
// by the domain's commitmentFor) and the delivery plan, in one batch. SharePoint batches are not
// transactional: when a part fails the officer saves again, which completes the set without duplicates.
import * as strings from 'SocialValueHubStrings';
import { kpiDutyForProcurement, validateKpis } from '../domain';
import type { ActionPlanItem, Commitment, FieldError, IsoDate, Kpi, Procurement, Supplier } from '../domain';
import { DataError, ValidationError } from '../data/errors';
import type { BundleSaveResult, HubData, Stored } from '../data/ports';
import { format } from '../loc/format';
import { refreshDelivery } from './deliveryFigures';
import { applyLifecycle } from './procurementWorkflow';

export interface AwardDetails {
  supplier: Supplier;
  awardValuePence: number;
  contractStart: IsoDate;
  contractEnd: IsoDate;
}

/** Part of a bundle did not land. Saving again completes it, from `procurement`: the record as it now stands. */
export class PartlySavedError extends DataError {
  public readonly procurement?: Stored<Procurement>;

  public constructor(result: BundleSaveResult, message: string) {
    super(result.failed[0]?.error.kind ?? 'server', message);
    this.procurement = result.procurement;
  }
}

/** The KPIs set at award (Procurement Act 2023 section 52), or why none are appropriate. */
export interface AwardKpis {
  kpis?: readonly Kpi[];
  kpisNotAppropriateReason?: string;
}

/** The KPIs as they will be recorded: names and targets trimmed, an empty reason none. */
function cleanKpis(set: AwardKpis): Pick<Procurement, 'kpis' | 'kpisNotAppropriateReason'> {
  const kpis = (set.kpis ?? []).map((k) => ({ ...k, name: String(k.name ?? '').trim(), target: String(k.target ?? '').trim() }));
  return { kpis: kpis.length > 0 ? kpis : undefined, kpisNotAppropriateReason: String(set.kpisNotAppropriateReason ?? '').trim() || undefined };
}

/** What is wrong with the award's KPIs (under `kpis`): fewer than section 52 requires, or one without a name or target. */
export function awardKpiProblems(p: Procurement, set: AwardKpis): FieldError[] {
  const clean = cleanKpis(set);
  return validateKpis(clean.kpis ?? [], kpiDutyForProcurement({ ...p, ...clean }));
}

export async function recordAward(
  data: HubData,
  p: Stored<Procurement>,
  award: AwardDetails,
  commitments: readonly Commitment[],
  actionPlan: readonly ActionPlanItem[],
  kpiSet: AwardKpis = {},
  now: Date = new Date(),
): Promise<BundleSaveResult> {
  // Saving again after a part failed finds the procurement already Awarded: that is no move.
  const kpiProblems = awardKpiProblems(p, kpiSet);
  if (kpiProblems.length > 0) throw new ValidationError(kpiProblems);
  const awarded = applyLifecycle(p, { ...p, ...award, ...cleanKpis(kpiSet), status: 'Awarded' }, now);
  const result = await data.procurements.saveBundle({ procurement: { ...awarded, id: p.id, etag: p.etag } as Stored<Procurement>, commitments, actionPlan });
  if (!result.ok) {
    const what = result.failed.map((f) => f.what).join(', ');
    throw new PartlySavedError(result, format(strings.Workflow.AwardPartlySaved, what, result.failed.map((f) => f.error.message).join(' ')));
  }
  await refreshDelivery(data, p.reference);
  return result;
}
