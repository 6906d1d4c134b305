// The same posting guarantees with the real TaskforcePosts repository (PnPjs over HTTP to the local
// SharePoint server, unique IdempotencyKey column, ETags) and graph-client over HTTP to the Graph sink.
import { DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../../local/graph';
import type { OutboxRepository } from '../../src/data';
import { buildSuccessCard } from '../../src/teams/cards';
import { CONSENT_MESSAGE, postCard, PostCardRequest, retryDueOutbox } from '../../src/teams/posting';
import { startHub, Hub } from '../data/fixtures';
import { startGraphSink, StartedGraphSink } from '../support/graphSink';

jest.setTimeout(90_000);

let hub: Hub;
let graph: StartedGraphSink;
let outbox: OutboxRepository;

beforeAll(async () => {
  hub = await startHub();
  outbox = hub.data.outbox;
});
afterAll(async () => {
  await hub?.server.stop();
});
beforeEach(async () => {
  graph = await startGraphSink();
});
afterEach(() => graph.close());

const FAST = { baseDelayMs: 0, sleep: (): Promise<void> => Promise.resolve() };
const card = buildSuccessCard({
  procurement: { reference: 'WMCA-2026-0042', title: 'Bus shelters' },
  supplier: { name: 'Shelter Works CIC', isSme: true, isVcse: true },
  themeId: 'environment',
  measure: { code: 'ENV-02', text: 'Trees planted', unit: 'count' },
  outcome: { quantity: 250, valuePence: 125_000, periodEnd: '2026-06-30' },
  verifiedBy: 'Daniel Hughes',
  hubTab: { appId: 'app', entityId: 'socialvaluehub' },
});

const TEAM = { teamId: DEMO_TEAM_ID, channelId: DEMO_TASKFORCE_CHANNEL_ID };

function request(subjectId: string, overrides: Partial<PostCardRequest> = {}): PostCardRequest {
  return { graph: graph.client(), outbox, teamId: DEMO_TEAM_ID, channelId: DEMO_TASKFORCE_CHANNEL_ID, kind: 'success', subjectId, period: '2026-06-30', card, options: FAST, ...overrides };
}

const messages = (): number => graph.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID).length;

test('posts once, stores the message id on the list item, and a second post returns it', async () => {
  const first = await postCard(request('SP-1|ENV-02'));
  expect(first.status).toBe('posted');
  const item = await outbox.get('success|SP-1|ENV-02|2026-06-30');
  expect(item).toMatchObject({ status: 'Posted', attempts: 1, messageId: first.status === 'posted' ? first.messageId : 'x' });
  expect(await postCard(request('SP-1|ENV-02'))).toMatchObject({ status: 'posted', alreadyPosted: true });
  expect(messages()).toBe(1);
});

test('ten concurrent posts: one list item, one message', async () => {
  const results = await Promise.all(Array.from({ length: 10 }, () => postCard(request('SP-2|ENV-02'))));
  expect(results.filter((r) => r.status === 'posted' && !r.alreadyPosted)).toHaveLength(1);
  expect(messages()).toBe(1);
  const items = (await outbox.query({ pageSize: 500 })).items.filter((p) => p.idempotencyKey === 'success|SP-2|ENV-02|2026-06-30');
  expect(items).toHaveLength(1);
});

test('a 500 keeps the item Failed with its error on the list; a later pass looks in the channel, then posts it once', async () => {
  graph.sink.setFaults({ failPosts: { count: 1, status: 500 } });
  const t0 = new Date('2026-07-01T09:00:00Z');
  expect((await postCard(request('SP-3|ENV-02', { options: { ...FAST, now: () => t0 } }))).status).toBe('failed');
  const failed = await outbox.get('success|SP-3|ENV-02|2026-06-30');
  expect(failed).toMatchObject({ status: 'Failed', attempts: 1 });
  expect(failed!.lastError).toContain('Microsoft Graph answered 500');
  const report = await retryDueOutbox({ graph: graph.client(), outbox, channel: TEAM, rebuildCard: async () => card, options: { ...FAST, now: () => new Date('2026-07-01T10:00:00Z') } });
  expect(report.posted.map((r) => r.idempotencyKey)).toContain('success|SP-3|ENV-02|2026-06-30');
  expect(await outbox.get('success|SP-3|ENV-02|2026-06-30')).toMatchObject({ status: 'Posted', attempts: 2 });
  expect(messages()).toBe(1);
});

test('missing consent: Failed with the raw error, no next attempt, not retried by a later pass', async () => {
  graph.sink.setFaults({ consentMissing: true });
  const result = await postCard(request('SP-4|ENV-02'));
  expect(result).toMatchObject({ status: 'failed', error: { kind: 'consent', message: CONSENT_MESSAGE } });
  const item = await outbox.get('success|SP-4|ENV-02|2026-06-30');
  expect(item).toMatchObject({ status: 'Failed', attempts: 1 });
  expect(item!.nextAttemptAt).toBeUndefined();
  expect(item!.lastError).toContain('Missing scope permissions');
  await retryDueOutbox({ graph: graph.client(), outbox, channel: TEAM, rebuildCard: async () => card, options: { ...FAST, now: () => new Date(Date.now() + 86400_000) } });
  expect(messages()).toBe(0);
});
