// The outbox's later pass ("Retry due posts now"): every due card is rebuilt from the records it is about —
// the verified outcome log for a success, the quarter's dashboard figures for an update — and posted to the
// taskforce channel in Settings. What an outbox item stores (CardJson, team, channel) is never posted: any site
// member can write an item through SharePoint's REST API.
import { periodFor, SETTING_KEYS, verifierShown } from '../domain';
import type { HubData } from '../data/ports';
import type { AdaptiveCardJson } from '../teams/cards';
import { retryDueOutbox } from '../teams/posting';
import type { GraphClientLike, OutboxCardSource, OutboxSubject, PostOptions, RetryReport } from '../teams/posting';
import { successCardFor } from './celebrate';
import { updateCardFor } from './taskforceUpdate';

/** The card an outbox subject stands for, made as the Celebrate and Post update screens make it; undefined if it no longer qualifies. */
export function outboxCardSource(data: HubData): OutboxCardSource {
  return async (subject: OutboxSubject): Promise<AdaptiveCardJson | undefined> => {
    if (subject.kind === 'update') {
      const period = periodFor(subject.periodEnd);
      return period.end === subject.periodEnd ? updateCardFor(data, period) : undefined;
    }
    const logs = await data.outcomes.query({ procurementReference: subject.procurementReference, measureCode: subject.measureCode, pageSize: 500 });
    // Only a verified outcome is celebrated, as celebrateOutcome insists.
    const log = logs.items.filter((l) => l.periodEnd === subject.periodEnd && l.verification === 'Verified')[0];
    return log ? successCardFor(data, log, verifierShown(log)) : undefined;
  };
}

/** Runs the later pass with the channel from Settings and cards rebuilt from the records. */
export async function retryOutbox(data: HubData, graph: GraphClientLike, options?: PostOptions): Promise<RetryReport> {
  const settings = await data.settings.all();
  return retryDueOutbox({
    graph,
    outbox: data.outbox,
    channel: { teamId: settings[SETTING_KEYS.taskforceTeamId], channelId: settings[SETTING_KEYS.taskforceChannelId] },
    rebuildCard: outboxCardSource(data),
    options,
  });
}
