// Gathers what a success card shows about one verified outcome, from the hub's lists.
import { DELIVERY_BASIS, commitmentProgress, isoDateFromDate } from '../../domain';
import type { OutcomeLog } from '../../domain';
import type { HubData, Stored } from '../../data/ports';
import { buildSuccessCard } from '../../teams/cards';
import type { AdaptiveCardJson } from '../../teams/cards';
import { HUB_TAB } from '../../teams/hubTab';

export async function successCardFor(data: HubData, log: Stored<OutcomeLog>, verifierName: string): Promise<AdaptiveCardJson> {
  const [procurement, measure, commitments, logs] = await Promise.all([
    data.procurements.get(log.procurementReference),
    data.measures.getByCode(log.measureCode),
    data.commitments.listForProcurement(log.procurementReference),
    data.outcomes.query({ procurementReference: log.procurementReference, measureCode: log.measureCode, pageSize: 500 }),
  ]);
  if (!procurement || !measure) throw new Error(`The procurement or measure of this outcome (${log.procurementReference}, ${log.measureCode}) is missing.`);
  const commitment = commitments.filter((c) => c.measureCode === log.measureCode)[0];
  // Progress counts verified delivery only, as the delivery screens do.
  const progress = commitment
    ? commitmentProgress(commitment, logs.items, isoDateFromDate(new Date()), { basis: DELIVERY_BASIS, contractStart: procurement.contractStart })
    : undefined;
  return buildSuccessCard({
    procurement: { reference: procurement.reference, title: procurement.title },
    supplier: procurement.supplier ?? { name: '—', isSme: false, isVcse: false },
    themeId: measure.themeId,
    measure: { code: measure.code, text: measure.text, unit: measure.unit },
    outcome: { quantity: log.quantity, valuePence: log.valuePence, proxyPence: log.proxyPence, periodEnd: log.periodEnd },
    progress,
    verifiedBy: verifierName,
    verifiedAt: log.verifiedAt,
    hubTab: HUB_TAB,
  });
}
