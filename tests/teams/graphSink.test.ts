// The local Graph sink answers like Graph: validation of the chatMessage, replies, error JSON, faults
// over HTTP, durable storage, and the channel page with every piece of user text escaped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_GENERAL_CHANNEL_ID, DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID } from '../../local/graph';
import { runtimeGraphClientModule } from '../../local/graph/runtimeClient';
import { buildCardMessage, nextLinkPath } from '../../src/teams/posting';
import { startGraphSink, StartedGraphSink } from '../support/graphSink';

const messagesPath = `/teams/${DEMO_TEAM_ID}/channels/${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}/messages`;
const card = (version = '1.5', text = 'Hello'): string => JSON.stringify({ type: 'AdaptiveCard', version, body: [{ type: 'TextBlock', text }] });

let started: StartedGraphSink;
let dataDir: string;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'svhub-graph-'));
  started = await startGraphSink({ dataDir });
});

afterEach(async () => {
  await started.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function rawPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${started.url}${url}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function graphError(json: Record<string, unknown>): { code: string; message: string; innerError: Record<string, string> } {
  return json.error as { code: string; message: string; innerError: Record<string, string> };
}

describe('POST …/messages validation', () => {
  test('201 with a chatMessage for a valid card message', async () => {
    const res = await rawPost(`/v1.0${messagesPath}`, buildCardMessage(card(), 'a1'));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      replyToId: null,
      messageType: 'message',
      body: { contentType: 'html', content: '<attachment id="a1"></attachment>' },
      channelIdentity: { teamId: DEMO_TEAM_ID, channelId: DEMO_TASKFORCE_CHANNEL_ID },
      attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card() }],
      from: { user: { displayName: 'Priya Sandhu', userIdentityType: 'aadUser' } },
    });
    expect(Date.parse(String(res.json.createdDateTime))).not.toBeNaN();
  });

  test.each([
    ['an attachment id missing from the body', { body: { contentType: 'html', content: '<attachment id="other"></attachment>' }, attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card() }] }, /not referenced|not in 'attachments'/],
    ['a card newer than 1.5', buildCardMessage(card('1.6'), 'a1'), /version 1.6 is not supported/],
    ['card content as an object, not a string', { ...buildCardMessage(card(), 'a1'), attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: JSON.parse(card()) as unknown }] }, /JSON string/],
    ['content that is not JSON', { ...buildCardMessage(card(), 'a1'), attachments: [{ id: 'a1', contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: '{oops' }] }, /not valid JSON/],
    ['no body', { attachments: [] }, /body.content/],
  ])('400 BadRequest for %s', async (_name, body, message) => {
    const res = await rawPost(`/v1.0${messagesPath}`, body);
    expect(res.status).toBe(400);
    expect(graphError(res.json).code).toBe('BadRequest');
    expect(graphError(res.json).message).toMatch(message);
    expect(graphError(res.json).innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(started.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID)).toHaveLength(0);
  });

  test('413 "Request Entity too large" over ~28 KB', async () => {
    const res = await rawPost(`/v1.0${messagesPath}`, buildCardMessage(card('1.5', 'x'.repeat(29_000)), 'a1'));
    expect(res.status).toBe(413);
    expect(graphError(res.json).message).toBe('Request Entity too large');
  });

  test('404 for an unknown team or channel, as Graph words it', async () => {
    expect((await rawPost(`/v1.0/teams/nope/channels/x/messages`, buildCardMessage(card()))).status).toBe(404);
    const res = await rawPost(`/v1.0/teams/${DEMO_TEAM_ID}/channels/${encodeURIComponent('19:gone@thread.tacv2')}/messages`, buildCardMessage(card()));
    expect(res.status).toBe(404);
    expect(graphError(res.json).code).toBe('NotFound');
  });

  test('a malformed Authorization header is refused', async () => {
    const res = await rawPost(`/v1.0${messagesPath}`, buildCardMessage(card()), { Authorization: 'Basic abc' });
    expect(res.status).toBe(401);
    expect(graphError(res.json).code).toBe('InvalidAuthenticationToken');
  });
});

describe('replies and reading back', () => {
  test('replies thread under their card; GET lists messages and replies', async () => {
    const client = started.client();
    const cardMessage = (await client.api(messagesPath).post(buildCardMessage(card()))) as { id: string };
    const reply = (await client.api(`${messagesPath}/${cardMessage.id}/replies`).post({ body: { contentType: 'text', content: 'Brilliant — well done!' } })) as { id: string; replyToId: string };
    expect(reply.replyToId).toBe(cardMessage.id);
    const replies = (await client.api(`${messagesPath}/${cardMessage.id}/replies`).get()) as { value: { id: string }[] };
    expect(replies.value.map((r) => r.id)).toEqual([reply.id]);
    const listed = (await client.api(messagesPath).query({ $expand: 'replies' }).get()) as { value: { id: string; replies: { id: string }[] }[] };
    expect(listed.value).toEqual([expect.objectContaining({ id: cardMessage.id, replies: [expect.objectContaining({ id: reply.id })] })]);
    const missing = await client.api(`${messagesPath}/123/replies`).post({ body: { content: 'x' } }).catch((e: { statusCode: number }) => e.statusCode);
    expect(missing).toBe(404);
  });

  test('messages survive a restart (graph-messages.jsonl in the data folder)', async () => {
    const created = (await started.client().api(messagesPath).post(buildCardMessage(card()))) as { id: string };
    await started.close();
    started = await startGraphSink({ dataDir });
    expect(started.sink.messages(DEMO_TEAM_ID, DEMO_TASKFORCE_CHANNEL_ID).map((m) => m.id)).toEqual([created.id]);
    const next = (await started.client().api(messagesPath).post(buildCardMessage(card()))) as { id: string };
    expect(Number(next.id)).toBeGreaterThan(Number(created.id));
  });
});

describe('listing channel messages as Graph does', () => {
  test('newest first, 20 a page by default, 50 at most, the rest behind @odata.nextLink', async () => {
    const client = started.client();
    const ids: string[] = [];
    for (let i = 0; i < 57; i++) ids.push(((await client.api(messagesPath).post(buildCardMessage(card('1.5', `Card ${i}`)))) as { id: string }).id);
    const first = (await client.api(messagesPath).get()) as { value: { id: string }[]; '@odata.nextLink'?: string };
    expect(first.value.map((m) => m.id)).toEqual(ids.slice().reverse().slice(0, 20));
    const seen: string[] = [];
    let next: string | undefined = `${messagesPath}?$top=50`;
    while (next) {
      const page = (await client.api(next).get()) as { value: { id: string }[]; '@odata.nextLink'?: string };
      expect(page.value.length).toBeLessThanOrEqual(50);
      seen.push(...page.value.map((m) => m.id));
      next = page['@odata.nextLink'] ? nextLinkPath(page['@odata.nextLink']) : undefined;
    }
    expect(seen).toEqual(ids.slice().reverse());
    const tooMany = await client.api(`${messagesPath}?$top=51`).get().catch((e: { statusCode: number; message: string }) => e);
    expect(tooMany).toMatchObject({ statusCode: 400, message: "Limit of '50' for Top Query has been exceeded." });
  });

  test('errors come back in the runtime client’s shape: status, code, request id, no headers', async () => {
    started.sink.setFaults({ failPosts: { count: 1, status: 503, retryAfterSeconds: 0 } });
    const error = (await started.client({ maxRetries: 0 }).api(messagesPath).post(buildCardMessage(card())).catch((e: unknown) => e)) as Record<string, unknown>;
    expect(error).toMatchObject({ statusCode: 503, code: 'ServiceUnavailable' });
    expect(typeof error.requestId).toBe('string');
    expect(error.headers).toBeUndefined();
    expect(runtimeGraphClientModule().version).toBe('3.0.2');
  });
});

describe('faults over HTTP', () => {
  test('POST /_local/graph/faults sets them, GET reads them, DELETE clears them; bad input is refused', async () => {
    const set = await rawPost('/_local/graph/faults', { failPosts: { count: 1, status: 503, retryAfterSeconds: 0 }, deletedChannels: [DEMO_GENERAL_CHANNEL_ID] });
    expect(set.status).toBe(200);
    expect(started.sink.faults()).toEqual({ failPosts: { count: 1, status: 503, retryAfterSeconds: 0 }, deletedChannels: [DEMO_GENERAL_CHANNEL_ID] });
    const bad = await rawPost('/_local/graph/faults', { failPosts: { count: -1, status: 200 } });
    expect(bad.status).toBe(400);
    const failed = await rawPost(`/v1.0${messagesPath}`, buildCardMessage(card()));
    expect(failed.status).toBe(503);
    expect((await rawPost(`/v1.0${messagesPath}`, buildCardMessage(card()))).status).toBe(201);
    const cleared = await fetch(`${started.url}/_local/graph/faults`, { method: 'DELETE' });
    expect(await cleared.json()).toEqual({});
  });

  test('a failed post carries Retry-After as Graph does', async () => {
    started.sink.setFaults({ failPosts: { count: 1, status: 429, retryAfterSeconds: 7 } });
    const res = await fetch(`${started.url}/v1.0${messagesPath}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(buildCardMessage(card())) });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('7');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
  });
});

describe('channel page', () => {
  test('shows cards newest last with their replies, everything escaped', async () => {
    const client = started.client();
    const first = (await client.api(messagesPath).post(buildCardMessage(card('1.5', 'First </script><script>alert(1)</script>')))) as { id: string };
    const second = (await client.api(messagesPath).post(buildCardMessage(card('1.5', 'Second')))) as { id: string };
    await client.api(`${messagesPath}/${first.id}/replies`).post({ body: { contentType: 'html', content: '<p>Nice &amp; <b>bold</b> <img src=x onerror=alert(1)></p>' } });

    const res = await fetch(`${started.url}/_local/channel?team=${encodeURIComponent(DEMO_TEAM_ID)}&channel=${encodeURIComponent(DEMO_TASKFORCE_CHANNEL_ID)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html.indexOf(`data-message-id="${first.id}"`)).toBeLessThan(html.indexOf(`data-message-id="${second.id}"`));
    expect(html).toContain('West Midlands Social Value Taskforce (demo)');
    expect(html).toContain('Nice &amp; bold'); // the reply's text, tags removed, escaped
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('\\u003c/script\\u003e'); // card JSON cannot close its script block
    expect(html).toContain('<script src="/_local/graph/adaptivecards.js"></script>');

    const bundle = await fetch(`${started.url}/_local/graph/adaptivecards.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${started.url}/_local/graph/channel.js`)).status).toBe(200);
  });

  test('other paths are left to the rest of the server', async () => {
    expect((await fetch(`${started.url}/_api/web`)).status).toBe(404);
  });
});
