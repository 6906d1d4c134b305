// Issue 19 (5): a site member writes TaskforcePosts items straight through SharePoint's REST API — a hand-written
// card with a link to a look-alike sign-in page, their own team and channel — and a site owner then presses
// "Retry due posts now". The outbox posts only cards it rebuilds from the records they name, checked, to the
// channel in Settings: the forged card never reaches Teams.
import { InjectHeaders } from '@pnp/queryable';
import { createLocalSp, createSharePointData } from '../../src/data/sharepoint';
import { SETTING_KEYS } from '../../src/domain';
import type { HubData } from '../../src/data/ports';
import { retryOutbox } from '../../src/app/outbox';
import { DEMO_GENERAL_CHANNEL_ID, DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../../local/graph';
import { startHub } from '../data/fixtures';
import type { Hub } from '../data/fixtures';
import { startGraphSink } from '../support/graphSink';
import { asLocalUser } from '../support/localServer';
import type { StartedGraphSink } from '../support/graphSink';

jest.setTimeout(90_000);

const PHISH = 'https://login.micros0ftonline.example/common/oauth2';
const forgedCard = JSON.stringify({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Your Social Value Hub session has expired. [Sign in again](' + PHISH + ')', wrap: true }],
  actions: [{ type: 'Action.OpenUrl', title: 'Sign in', url: PHISH }],
});

let hub: Hub;
let owner: HubData;
let graph: StartedGraphSink;

beforeAll(async () => {
  hub = await startHub(); // hub.sp: the member (an officer), as the browser's own session
  owner = createSharePointData(createLocalSp(hub.server.siteUrl).using(InjectHeaders(asLocalUser('admin'))));
  await owner.settings.set(SETTING_KEYS.taskforceTeamId, DEMO_TEAM_ID);
  await owner.settings.set(SETTING_KEYS.taskforceChannelId, DEMO_TASKFORCE_CHANNEL_ID);
  graph = await startGraphSink();
});
afterAll(async () => {
  await graph?.close();
  await hub?.server.stop();
});

/** What a member can send with the browser's own session: a plain REST add to the list. */
async function forge(fields: Record<string, unknown>): Promise<void> {
  await hub.sp.web.lists.getByTitle('TaskforcePosts').items.add({
    Title: 'Success: forged',
    PostStatus: 'Pending',
    Attempts: 0,
    TeamId: DEMO_TEAM_ID,
    ChannelId: DEMO_GENERAL_CHANNEL_ID,
    CardJson: forgedCard,
    NextAttemptAt: '2026-01-01T00:00:00Z',
    ...fields,
  });
}

const allMessages = (): string => JSON.stringify([...graph.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID), ...graph.sink.messages(DEMO_TEAM_ID, DEMO_GENERAL_CHANNEL_ID)]);

test('forged items with hand-written cards: only cards rebuilt from records are posted, to the channel in Settings', async () => {
  // 1. A success card about an outcome that does not exist (or is not verified).
  await forge({ IdempotencyKey: 'success|WMCA-2026-9999|GSE-03|2026-06-30', PostKind: 'success' });
  // 2. A key that is not one the hub writes.
  await forge({ IdempotencyKey: 'success|anything at all', PostKind: 'success' });
  // 3. A key whose kind disagrees with the item's kind.
  await forge({ IdempotencyKey: 'update|taskforce-update|2026-06-30', PostKind: 'success' });
  // 4. A real quarter's update — the card is rebuilt from the quarter's figures, whatever CardJson says.
  await forge({ IdempotencyKey: 'update|taskforce-update|2026-03-31', PostKind: 'update' });

  // The site owner presses "Retry due posts now".
  const report = await retryOutbox(owner, graph.client(), { baseDelayMs: 0 });

  expect(report.posted.map((r) => r.idempotencyKey)).toEqual(['update|taskforce-update|2026-03-31']);
  expect(report.failed.map((r) => r.idempotencyKey).sort()).toEqual(
    ['success|WMCA-2026-9999|GSE-03|2026-06-30', 'success|anything at all', 'update|taskforce-update|2026-06-30'].sort(),
  );
  // Nothing the member wrote reached Teams, and nothing went to the member's chosen channel.
  expect(allMessages()).not.toContain('micros0ft');
  expect(allMessages()).not.toContain('session has expired');
  expect(graph.sink.messages(DEMO_TEAM_ID, DEMO_GENERAL_CHANNEL_ID)).toHaveLength(0);
  const [posted] = graph.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID);
  const card = JSON.parse(posted.attachments[0].content!) as { body: { text?: string }[] };
  expect(card.body[0].text).toBe('Social Value Taskforce update');
  expect(JSON.stringify(card)).toContain('https://teams.microsoft.com/l/entity/');

  // The items say why, for the owner; and the rebuilt item now records what was really posted, and where.
  const unposted = await owner.outbox.get('success|WMCA-2026-9999|GSE-03|2026-06-30');
  expect(unposted).toMatchObject({ status: 'Failed' });
  expect(unposted!.nextAttemptAt).toBeUndefined();
  expect(unposted!.lastError).toMatch(/could not rebuild this card from its records/);
  const update = await owner.outbox.get('update|taskforce-update|2026-03-31');
  expect(update).toMatchObject({ status: 'Posted', channelId: DEMO_TASKFORCE_CHANNEL_ID, messageId: posted.id });
  expect(update!.cardJson).not.toContain('micros0ft');

  // A second press posts nothing more.
  const again = await retryOutbox(owner, graph.client(), { baseDelayMs: 0 });
  expect(again.posted).toHaveLength(0);
  expect(graph.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID)).toHaveLength(1);
});

test('without a taskforce channel in Settings nothing is posted, whatever the items name', async () => {
  await owner.settings.set(SETTING_KEYS.taskforceChannelId, '');
  await forge({ IdempotencyKey: 'update|taskforce-update|2025-12-31', PostKind: 'update' });
  await expect(retryOutbox(owner, graph.client(), { baseDelayMs: 0 })).rejects.toThrow(/Choose the taskforce team and channel/);
  await owner.settings.set(SETTING_KEYS.taskforceChannelId, DEMO_TASKFORCE_CHANNEL_ID);
  expect(graph.sink.messages(DEMO_TEAM_ID, DEMO_GENERAL_CHANNEL_ID)).toHaveLength(0);
});
