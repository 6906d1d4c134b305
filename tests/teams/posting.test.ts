// Posting through the outbox with graph-client's real Client over real HTTP to the local Graph sink:
// one card, one message — through throttling, server errors, timeouts, double clicks and ten officers
// at once; missing consent and a deleted channel reach the officer in words and the admin in detail.
import { DEMO_GENERAL_CHANNEL_ID, DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../../local/graph';
import { AdaptiveCardJson, buildSuccessCard } from '../../src/teams/cards';
import {
  attachmentIdFor,
  buildCardMessage,
  classifyGraphError,
  CONSENT_MESSAGE,
  listChannels,
  listJoinedTeams,
  postCard,
  PostCardRequest,
  PostCardResult,
  retryDueOutbox,
  RetryDueRequest,
  TeamsGraphError,
} from '../../src/teams/posting';
import { DataError } from '../../src/data';
import { startGraphSink, StartedGraphSink } from '../support/graphSink';
import { expectValidCard } from './cardCheck';
import { MemoryOutbox } from './memoryOutbox';

const hubTab = { appId: '7d4b2f1e-3c9a-4e62-9b8d-5a1f0c6e2d47', entityId: 'socialvaluehub' };
// No real waiting in tests: back-off and Retry-After are 0, and sleeps resolve at once.
const FAST = { baseDelayMs: 0, sleep: (): Promise<void> => Promise.resolve() };

function successCard(title = 'Bus shelter maintenance'): AdaptiveCardJson {
  return buildSuccessCard({
    procurement: { reference: 'WMCA-2026-0042', title },
    supplier: { name: 'Shelter Works CIC', isSme: true, isVcse: true },
    themeId: 'growth-skills-employment',
    measure: { code: 'GSE-03', text: 'Apprenticeship weeks', unit: 'weeks' },
    outcome: { quantity: 104, valuePence: 3_456_789, periodEnd: '2026-06-30' },
    verifiedBy: 'Daniel Hughes',
    hubTab,
  });
}

let started: StartedGraphSink;
let outbox: MemoryOutbox;

beforeEach(async () => {
  started = await startGraphSink();
  outbox = new MemoryOutbox();
});

afterEach(async () => {
  await started.close();
});

function request(overrides: Partial<PostCardRequest> = {}): PostCardRequest {
  return {
    graph: started.client(),
    outbox,
    teamId: DEMO_TEAM_ID,
    channelId: DEMO_TASKFORCE_CHANNEL_ID,
    kind: 'success',
    subjectId: 'WMCA-2026-0042|GSE-03',
    period: '2026-06-30',
    card: successCard(),
    options: FAST,
    ...overrides,
  };
}

/** A later pass as the hub runs it: the channel from Settings, cards rebuilt (here: the fixture card). */
function pass(overrides: Partial<RetryDueRequest> = {}): Promise<Awaited<ReturnType<typeof retryDueOutbox>>> {
  return retryDueOutbox({
    graph: started.client(),
    outbox,
    channel: { teamId: DEMO_TEAM_ID, channelId: DEMO_TASKFORCE_CHANNEL_ID },
    rebuildCard: async () => successCard(),
    options: FAST,
    ...overrides,
  });
}

const channelMessages = (channelId = DEMO_TASKFORCE_CHANNEL_ID): ReturnType<StartedGraphSink['sink']['messages']> =>
  started.sink.messages(DEMO_TEAM_ID, channelId);

function posted(result: PostCardResult): Extract<PostCardResult, { status: 'posted' }> {
  if (result.status !== 'posted') throw new Error(`Expected posted, got ${JSON.stringify(result)}`);
  return result;
}

function failed(result: PostCardResult): Extract<PostCardResult, { status: 'failed' }> {
  if (result.status !== 'failed') throw new Error(`Expected failed, got ${JSON.stringify(result)}`);
  return result;
}

describe('postCard', () => {
  test('posts the card as an attachment, writing the outbox item first and the message id last', async () => {
    const card = successCard();
    const result = posted(await postCard(request({ card })));
    expect(result.alreadyPosted).toBe(false);
    expect(result.idempotencyKey).toBe('success|WMCA-2026-0042|GSE-03|2026-06-30');

    const messages = channelMessages();
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message.id).toBe(result.messageId);
    expect(message.body.contentType).toBe('html');
    expect(message.body.content).toBe(`<attachment id="${message.attachments[0].id}"></attachment>`);
    // The outbox key travels in the attachment id, which Graph keeps: the channel can say the card is there.
    expect(message.attachments[0].id).toBe(attachmentIdFor(result.idempotencyKey));
    expect(message.attachments[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(message.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(message.attachments[0].contentUrl).toBeNull();
    expect(JSON.parse(message.attachments[0].content!)).toEqual(card);
    expectValidCard(JSON.parse(message.attachments[0].content!) as AdaptiveCardJson);

    const [item] = outbox.all();
    expect(item).toMatchObject({ status: 'Posted', messageId: result.messageId, attempts: 1, teamId: DEMO_TEAM_ID, channelId: DEMO_TASKFORCE_CHANNEL_ID });
    expect(item.postedAt).toBeDefined();
    expect(item.lastError).toBeUndefined();
    expect(outbox.log).toEqual([`insert ${result.idempotencyKey}`, `update ${result.idempotencyKey} Posting`, `update ${result.idempotencyKey} Posted`]);

    // Graph answers GET …/messages with what was posted.
    const listed = (await started.client().api(`/teams/${DEMO_TEAM_ID}/channels/${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}/messages`).get()) as { value: { id: string }[] };
    expect(listed.value.map((m) => m.id)).toEqual([result.messageId]);
  });

  test('the same card again (a retry, a double click) returns the stored message id without posting', async () => {
    const first = posted(await postCard(request()));
    const again = posted(await postCard(request({ card: successCard('Edited since') })));
    expect(again).toMatchObject({ alreadyPosted: true, messageId: first.messageId });
    expect(channelMessages()).toHaveLength(1);
    // A different period is a different card.
    const next = posted(await postCard(request({ period: '2026-09-30' })));
    expect(next.messageId).not.toBe(first.messageId);
    expect(channelMessages()).toHaveLength(2);
  });

  test('ten concurrent posts of the same card put exactly one message in the channel', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => postCard(request())));
    expect(channelMessages()).toHaveLength(1);
    const sent = results.filter((r) => r.status === 'posted' && !r.alreadyPosted);
    expect(sent).toHaveLength(1);
    for (const r of results) {
      expect(['posted', 'in-progress']).toContain(r.status);
      if (r.status === 'posted') expect(r.messageId).toBe(channelMessages()[0].id);
    }
    expect(outbox.all()).toHaveLength(1);
  });

  test('ten officers at once on a previously failed card: one retry wins, one message', async () => {
    started.sink.setFaults({ failPosts: { count: 1, status: 500 } });
    failed(await postCard(request()));
    const results = await Promise.all(Array.from({ length: 10 }, () => postCard(request())));
    expect(results.filter((r) => r.status === 'posted')).toHaveLength(1);
    expect(channelMessages()).toHaveLength(1);
  });

  test('429s: the client retries them itself, honouring Retry-After; the poster adds no retries of its own', async () => {
    // SPFx's graph-client retries 429/503/504 three times (POSTs too). The fourth 429 reaches the poster, which
    // sends nothing more in this call: the card is Failed, due when Retry-After says.
    started.sink.setFaults({ failPosts: { count: 5, status: 429, retryAfterSeconds: 0 } });
    const t0 = new Date('2026-07-01T09:00:00Z');
    const result = failed(await postCard(request({ options: { ...FAST, now: () => t0 } })));
    expect(result.error).toMatchObject({ kind: 'throttled', retryAfterMs: 0, inDoubt: false });
    expect(started.sink.faults().failPosts!.count).toBe(1); // 1 + 3 requests, none stacked on top
    expect(result.nextAttemptAt).toBe('2026-07-01T09:00:00.000Z');
    expect(channelMessages()).toHaveLength(0);
    started.sink.setFaults({});
    const report = await pass({ options: { ...FAST, now: () => t0 } });
    expect(report.posted).toHaveLength(1);
    expect(channelMessages()).toHaveLength(1);
    expect(outbox.all()[0]).toMatchObject({ status: 'Posted', attempts: 2 });
  });

  test('Retry-After is read from the answer the runtime client gives (its errors carry no headers)', async () => {
    started.sink.setFaults({ failPosts: { count: 1, status: 429, retryAfterSeconds: 120 } });
    // graph-client would itself wait the 120 s before retrying: this client hands the 429 straight back.
    const now = new Date('2026-07-01T09:00:00Z');
    const client = started.client({ maxRetries: 0 });
    // What graph-client 3.0.2 throws: status, code, request id — and no headers, so no Retry-After.
    const thrown = await client.api(`/teams/${DEMO_TEAM_ID}/channels/${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}/messages`).post(buildCardMessage(JSON.stringify(successCard()), 'x')).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    expect((thrown as { headers?: unknown }).headers).toBeUndefined();
    expect(classifyGraphError(thrown).retryAfterMs).toBeUndefined();
    started.sink.setFaults({ failPosts: { count: 1, status: 429, retryAfterSeconds: 120 } });
    const result = failed(await postCard(request({ graph: client, options: { ...FAST, now: () => now } })));
    expect(result.error.kind).toBe('throttled');
    expect(result.error.retryAfterMs).toBe(120_000);
    expect(result.nextAttemptAt).toBe('2026-07-01T09:02:00.000Z');
    expect(outbox.all()[0]).toMatchObject({ status: 'Failed', attempts: 1, nextAttemptAt: '2026-07-01T09:02:00.000Z' });

    const early = await pass({ graph: client, options: { ...FAST, now: () => new Date('2026-07-01T09:01:00Z') } });
    expect(early.posted).toHaveLength(0);
    const later = await pass({ graph: client, options: { ...FAST, now: () => new Date('2026-07-01T09:02:00Z') } });
    expect(later.posted).toHaveLength(1);
    expect(channelMessages()).toHaveLength(1);
    expect(outbox.all()[0]).toMatchObject({ status: 'Posted', attempts: 2 });
  });

  test('a posted card is recorded as Posted once SharePoint is back from a short outage (found by tests/reliability)', async () => {
    // SharePoint is unreachable for 250 ms of (fake) time just as Graph answers; sleeps move the clock on.
    let clock = 0;
    const outageEnds = 250;
    const update = outbox.update.bind(outbox);
    outbox.update = async (post) => {
      if (post.status === 'Posted' && clock < outageEnds) throw new DataError('network', 'Could not reach SharePoint.');
      return update(post);
    };
    const waits: number[] = [];
    const result = posted(await postCard(request({ options: { baseDelayMs: 200, sleep: async (ms) => { waits.push(ms); clock += ms; } } })));
    expect(result.outboxError).toBeUndefined();
    expect(waits).toEqual([200, 400]);
    expect(outbox.all()[0]).toMatchObject({ status: 'Posted', messageId: result.messageId });
    expect(channelMessages()).toHaveLength(1);
  });

  test('a 500 is in doubt: the later pass looks in the channel, finds nothing, and posts once', async () => {
    started.sink.setFaults({ failPosts: { count: 1, status: 500 } });
    const t0 = new Date('2026-07-01T09:00:00Z');
    const result = failed(await postCard(request({ options: { ...FAST, now: () => t0 } })));
    expect(result.error).toMatchObject({ kind: 'server', inDoubt: true, retryable: true });
    expect(result.attempts).toBe(1);
    const [item] = outbox.all();
    expect(item.status).toBe('Failed');
    expect(item.lastError).toContain('Teams had a problem receiving the card');
    expect(item.lastError).toContain('Microsoft Graph answered 500, code InternalServerError');
    // In doubt: not due before the in-doubt delay (2 minutes), whatever the back-off.
    expect(item.nextAttemptAt).toBe('2026-07-01T09:02:00.000Z');
    expect(channelMessages()).toHaveLength(0);

    const report = await pass({ options: { ...FAST, now: () => new Date('2026-07-01T10:00:00Z') } });
    expect(report.posted).toHaveLength(1);
    expect(channelMessages()).toHaveLength(1);
    expect(outbox.all()[0]).toMatchObject({ status: 'Posted', attempts: 2, messageId: channelMessages()[0].id });
    // And nothing is left to do.
    const again = await pass({ options: { ...FAST, now: () => new Date('2026-07-01T11:00:00Z') } });
    expect(again.posted).toHaveLength(0);
    expect(channelMessages()).toHaveLength(1);
  });

  test('missing consent: the officer is told an administrator must approve it; the raw error is kept', async () => {
    started.sink.setFaults({ consentMissing: true });
    const result = failed(await postCard(request()));
    expect(result.error.kind).toBe('consent');
    expect(result.error.message).toBe(CONSENT_MESSAGE);
    expect(result.error.message).toContain('ChannelMessage.Send');
    expect(result.error.adminDetail).toContain("Missing scope permissions on the request. API requires one of 'ChannelMessage.Send, Group.ReadWrite.All'");
    expect(result.error.adminDetail).toMatch(/request-id [0-9a-f-]{36}/);
    const [item] = outbox.all();
    expect(item).toMatchObject({ status: 'Failed', attempts: 1 });
    expect(item.nextAttemptAt).toBeUndefined(); // waits for an administrator, not for a timer
    expect(item.lastError).toContain(CONSENT_MESSAGE);
    expect(item.lastError).toContain('Microsoft Graph answered 403, code Forbidden: Missing scope permissions');
    // Not retried blindly; retried once consent is granted and someone asks.
    expect((await pass({ options: { ...FAST, now: () => new Date(Date.now() + 3600_000) } })).posted).toHaveLength(0);
    started.sink.setFaults({});
    posted(await postCard(request()));
    expect(channelMessages()).toHaveLength(1);
  });

  test('a deleted channel: a clear message; after choosing another channel the retry posts there', async () => {
    started.sink.setFaults({ deletedChannels: [DEMO_TASKFORCE_CHANNEL_ID] });
    const result = failed(await postCard(request()));
    expect(result.error.kind).toBe('not-found');
    expect(result.error.message).toMatch(/taskforce channel was not found/);
    expect(result.error.adminDetail).toContain('404');
    expect(outbox.all()[0]).toMatchObject({ status: 'Failed', attempts: 1 });

    const retried = posted(await postCard(request({ channelId: DEMO_GENERAL_CHANNEL_ID })));
    expect(channelMessages(DEMO_GENERAL_CHANNEL_ID).map((m) => m.id)).toEqual([retried.messageId]);
    expect(outbox.all()[0]).toMatchObject({ status: 'Posted', channelId: DEMO_GENERAL_CHANNEL_ID, attempts: 2 });
  });

  test('a timeout whose post landed: the later pass finds the card in the channel and never posts it twice', async () => {
    started.sink.setFaults({ delayPosts: { count: 1, ms: 300 } });
    const t0 = new Date('2026-07-01T09:00:00Z');
    const result = failed(await postCard(request({ options: { ...FAST, timeoutMs: 50, now: () => t0 } })));
    expect(result.error).toMatchObject({ kind: 'timeout', inDoubt: true });
    expect(result.error.message).toMatch(/may or may not have been posted/);
    await started.sink.close(); // the slow request completes: Graph did post it
    expect(channelMessages()).toHaveLength(1);
    // Other messages arrive meanwhile: the card is found past them, over more than one page.
    for (let i = 0; i < 60; i++) {
      await started.client().api(`/teams/${DEMO_TEAM_ID}/channels/${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}/messages`).post(buildCardMessage(JSON.stringify(successCard(`Other ${i}`)), `other-${i}`));
    }
    const report = await pass({ options: { ...FAST, now: () => new Date('2026-07-01T09:05:00Z') } });
    expect(report.posted).toEqual([expect.objectContaining({ status: 'posted', alreadyPosted: true })]);
    expect(channelMessages()).toHaveLength(61);
    const landed = channelMessages().filter((m) => m.attachments[0].id === attachmentIdFor(result.idempotencyKey));
    expect(landed).toHaveLength(1);
    expect(outbox.all()[0]).toMatchObject({ status: 'Posted', messageId: landed[0].id });
  });

  test('in doubt and the channel cannot be searched (no ChannelMessage.Read.All): the pass posts nothing; a person can', async () => {
    started.sink.setFaults({ failPosts: { count: 1, status: 504 } });
    const t0 = new Date('2026-07-01T09:00:00Z');
    failed(await postCard(request({ graph: started.client({ maxRetries: 0 }), options: { ...FAST, now: () => t0 } })));
    started.sink.setFaults({ consentMissing: true });
    const report = await pass({ options: { ...FAST, now: () => new Date('2026-07-01T10:00:00Z') } });
    expect(report.posted).toHaveLength(0);
    const [item] = outbox.all();
    expect(item.status).toBe('Failed');
    expect(item.lastError).toMatch(/could not check the taskforce channel/);
    expect(item.lastError).toContain('ChannelMessage.Read.All');
    expect(item.nextAttemptAt).toBeUndefined();
    started.sink.setFaults({});
    posted(await postCard(request())); // a person's explicit retry (here the channel can be searched again)
    expect(channelMessages()).toHaveLength(1);
  });

  test('a later pass reads past items that wait for a person to reach the ones that are due', async () => {
    for (let i = 0; i < 60; i++) {
      const { post } = await outbox.enqueue({ idempotencyKey: `success|STUCK-${i}|GSE-03|2026-06-30`, kind: 'success', title: 'x', teamId: DEMO_TEAM_ID, channelId: DEMO_TASKFORCE_CHANNEL_ID, cardJson: '{}' });
      await outbox.update({ ...post, status: 'Failed', nextAttemptAt: undefined, lastError: 'consent' });
    }
    await outbox.enqueue({ idempotencyKey: 'update|taskforce-update|2026-06-30', kind: 'update', title: 'Update', nextAttemptAt: '2026-07-01T09:00:00.000Z' });
    const report = await pass({ pageSize: 20, options: { ...FAST, now: () => new Date('2026-07-01T10:00:00Z') } });
    expect(report.posted.map((r) => r.idempotencyKey)).toEqual(['update|taskforce-update|2026-06-30']);
    expect(channelMessages()).toHaveLength(1);
  });

  test('an item left Posting past its lease (the sender stopped) is in doubt: looked for first, posted only if absent', async () => {
    const key = 'success|WMCA-2026-0042|GSE-03|2026-06-30';
    const landedKey = 'success|WMCA-2026-0042|GSE-04|2026-06-30';
    for (const k of [key, landedKey]) {
      const { post } = await outbox.enqueue({ idempotencyKey: k, kind: 'success', title: 'x' });
      await outbox.update({ ...post, status: 'Posting', nextAttemptAt: '2026-07-01T09:00:00.000Z' });
    }
    // The second one's sender got its card into the channel before it stopped.
    await started.client().api(`/teams/${DEMO_TEAM_ID}/channels/${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}/messages`).post(buildCardMessage(JSON.stringify(successCard()), attachmentIdFor(landedKey)));
    const report = await pass({ options: { ...FAST, now: () => new Date('2026-07-01T10:00:00Z') } });
    expect(report.inDoubt.sort()).toEqual([key, landedKey].sort());
    expect(report.posted.map((r) => r.status === 'posted' && [r.idempotencyKey, r.alreadyPosted]).sort()).toEqual([[key, false], [landedKey, true]].sort());
    expect(channelMessages()).toHaveLength(2);
    expect(outbox.all().every((p) => p.status === 'Posted')).toBe(true);
  });

  test('an item a sender created but never claimed (Pending past its lease) is posted by a later pass', async () => {
    await outbox.enqueue({ idempotencyKey: 'update|taskforce-update|2026-03-31', kind: 'update', title: 'Update', nextAttemptAt: '2026-07-01T09:00:00.000Z' });
    const report = await pass({ options: { ...FAST, now: () => new Date('2026-07-01T10:00:00Z') } });
    expect(report.posted).toHaveLength(1);
    expect(channelMessages()).toHaveLength(1);
  });

  test('a card over the message limit is refused before it is queued or sent', async () => {
    const huge: AdaptiveCardJson = { ...successCard(), body: Array.from({ length: 400 }, () => ({ type: 'TextBlock', text: 'x'.repeat(100) })) };
    const result = failed(await postCard(request({ card: huge })));
    expect(result.error).toMatchObject({ kind: 'too-large', retryable: false });
    expect(result.error.adminDetail).toMatch(/would be \d+ bytes/);
    expect(channelMessages()).toHaveLength(0);
    expect(outbox.all()).toHaveLength(0);
  });

  test('Graph answers 413 "Request Entity too large" over ~28 KB, classified for people', async () => {
    const message = buildCardMessage(JSON.stringify({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(30_000) }] }));
    const error = await started.client().api(`/teams/${DEMO_TEAM_ID}/channels/${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}/messages`).post(message).then(
      () => undefined,
      (e: unknown) => e,
    );
    const failure = classifyGraphError(error);
    expect(failure).toMatchObject({ kind: 'too-large', status: 413, retryable: false });
    expect(failure.adminDetail).toContain('Request Entity too large');
  });
});

describe('team and channel picker', () => {
  test('lists the joined teams and a team’s channels', async () => {
    const teams = await listJoinedTeams(started.client());
    expect(teams).toEqual([expect.objectContaining({ id: DEMO_TEAM_ID, displayName: 'West Midlands Social Value Taskforce (demo)' })]);
    const channels = await listChannels(started.client(), DEMO_TEAM_ID);
    expect(channels.map((c) => c.displayName)).toEqual(['General', 'Taskforce']);
    expect(channels.map((c) => c.id)).toContain(DEMO_TASKFORCE_CHANNEL_ID);
  });

  test('missing consent for reading teams names the permission to approve', async () => {
    started.sink.setFaults({ consentMissing: true });
    const error = await listJoinedTeams(started.client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TeamsGraphError);
    expect((error as TeamsGraphError).failure.kind).toBe('consent');
    expect((error as TeamsGraphError).message).toContain('Team.ReadBasic.All');
  });
});
