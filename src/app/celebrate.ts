// Celebrate a verified outcome in the taskforce channel: the success card (gathered from the hub's lists)
// is previewed, then posted once through the outbox, and the Teams message id is written on the log.
import { DELIVERY_BASIS, SETTING_KEYS, commitmentProgress, isoDateFromDate } from '../domain';
import type { OutcomeLog } from '../domain';
import type { HubData, Stored } from '../data/ports';
import { buildSuccessCard } from '../teams/cards';
import type { AdaptiveCardJson } from '../teams/cards';
import { celebrateOutcome } from '../teams/posting/celebrate';
import type { CelebrateResult } from '../teams/posting/celebrate';
import type { GraphClientLike } from '../teams/posting';
import { hubLinksFor } from './hubLinks';

/** A card ready to post, and where: the taskforce team and channel a site owner set (either may be unset). */
export interface PreparedCard {
  card: AdaptiveCardJson;
  teamId?: string;
  channelId?: string;
}

/** The taskforce channel a site owner set in the hub's settings. */
export async function taskforceChannel(data: HubData): Promise<{ teamId?: string; channelId?: string }> {
  const settings = await data.settings.all();
  return { teamId: settings[SETTING_KEYS.taskforceTeamId], channelId: settings[SETTING_KEYS.taskforceChannelId] };
}

export async function successCardFor(data: HubData, log: Stored<OutcomeLog>, verifierName: string): Promise<AdaptiveCardJson> {
  const [procurement, measure, commitments, logs, hubTab] = await Promise.all([
    data.procurements.get(log.procurementReference),
    data.measures.getByCode(log.measureCode),
    data.commitments.listForProcurement(log.procurementReference),
    data.outcomes.query({ procurementReference: log.procurementReference, measureCode: log.measureCode, pageSize: 500 }),
    hubLinksFor(data),
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
    hubTab,
  });
}

/** The success card for a verified outcome and the channel it would go to, for the preview. */
export async function prepareCelebration(data: HubData, log: Stored<OutcomeLog>, verifierName: string): Promise<PreparedCard> {
  const [card, channel] = await Promise.all([successCardFor(data, log, verifierName), taskforceChannel(data)]);
  return { card, ...channel };
}

/** Posts the prepared success card once (the outbox's key is the log) and records its message id on the log. */
export function celebrate(data: HubData, graph: GraphClientLike, log: Stored<OutcomeLog>, prepared: Required<PreparedCard>): Promise<CelebrateResult> {
  return celebrateOutcome({ graph, outbox: data.outbox, outcomes: data.outcomes, log, card: prepared.card, teamId: prepared.teamId, channelId: prepared.channelId });
}
