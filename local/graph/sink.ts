// The local Microsoft Graph sink: answers the Graph calls the hub makes for the taskforce channel
// (joined teams, channels, channel messages and replies) the way Graph does — its paths, JSON, error
// shape and limits — and shows posted cards on /_local/channel. Mount it in the local server:
//   const graph = createGraphSink({ dataDir }); … if (await graph.handle(req, res)) return; …
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHANNEL_SCRIPT, findAdaptiveCardsBundle, renderChannelPage } from './channelPage';
import { DEMO_TASKFORCE_CHANNEL_ID, DEMO_TEAM_ID, DEMO_TEAMS, SinkTeam } from './demo';
import { sendGraphError, sendJson } from './errors';
import { GraphFaults, parseFaults } from './faults';
import { PLATFORM_LIST_MESSAGES_DEFAULT_TOP, PLATFORM_LIST_MESSAGES_MAX_TOP, PLATFORM_MAX_MESSAGE_BYTES } from './limits';
import { ChatMessage, MessageStore, SinkUser } from './store';
import { validateChatMessage } from './validate';

export interface GraphSinkOptions {
  /** Where graph-messages.jsonl lives; without it messages are kept in memory only. */
  dataDir?: string;
  /** Who is posting (the local server's signed-in user); defaults to a fixed local officer. */
  userFor?: (req: IncomingMessage) => SinkUser | undefined;
  teams?: readonly SinkTeam[];
  /** The adaptivecards browser bundle; found under node_modules when not given. */
  adaptiveCardsScript?: string;
}

export interface GraphSink {
  /** Answers /v1.0/…, /_local/channel and /_local/graph/…; false for any other request. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  setFaults(faults: GraphFaults): void;
  faults(): GraphFaults;
  /** Top-level messages of a channel, oldest first (for tests and the seed). */
  messages(teamId: string, channelId: string): ChatMessage[];
  /** Waits for delayed posts still being answered. */
  close(): Promise<void>;
}

const DEFAULT_USER: SinkUser = { id: '6a1c9e52-3b7d-4f08-a2e4-1d5c7b9f0e31', displayName: 'Priya Sandhu' };
const MAX_READ_BYTES = 1024 * 1024;

const SCOPES: Record<string, string> = {
  messages: 'ChannelMessage.Send, Group.ReadWrite.All',
  readMessages: 'ChannelMessage.Read.All, Group.Read.All, Group.ReadWrite.All',
  channels: 'Channel.ReadBasic.All, ChannelSettings.Read.All, Group.Read.All',
  teams: 'Team.ReadBasic.All, TeamSettings.Read.All, User.Read.All',
};

class PayloadTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_READ_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_READ_BYTES ? reject(new PayloadTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

export function createGraphSink(options: GraphSinkOptions = {}): GraphSink {
  const store = new MessageStore(options.dataDir);
  const teams = options.teams || DEMO_TEAMS;
  let faults: GraphFaults = {};
  const pending = new Set<Promise<void>>();
  let bundle: string | undefined;

  const team = (id: string): SinkTeam | undefined => teams.filter((t) => t.id === id)[0];
  const channelOf = (t: SinkTeam, id: string): SinkTeam['channels'][number] | undefined =>
    (faults.deletedChannels || []).indexOf(id) >= 0 ? undefined : t.channels.filter((c) => c.id === id)[0];

  /** A post about to be answered: consume a failure or a delay from the faults, if any are set. */
  function takeFault(res: ServerResponse): boolean {
    const f = faults.failPosts;
    if (!f || f.count <= 0) return false;
    f.count--;
    const headers: Record<string, string> = f.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(f.retryAfterSeconds) };
    const code = f.status === 429 ? 'TooManyRequests' : f.status === 503 ? 'ServiceUnavailable' : f.status >= 500 ? 'InternalServerError' : 'BadRequest';
    const message = f.status === 429 ? 'Too many requests. Please retry after some time.' : 'The service had a problem handling the request (local fault).';
    sendGraphError(res, f.status, code, message, headers);
    return true;
  }

  async function delayIfAsked(): Promise<void> {
    const d = faults.delayPosts;
    if (!d || d.count <= 0) return;
    d.count--;
    await new Promise((resolve) => setTimeout(resolve, d.ms));
  }

  async function postMessage(req: IncomingMessage, res: ServerResponse, t: SinkTeam, channelId: string, parentId?: string): Promise<void> {
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (e) {
      if (e instanceof PayloadTooLarge) return sendGraphError(res, 413, 'RequestEntityTooLarge', 'Request Entity too large');
      throw e;
    }
    if (takeFault(res)) return;
    if (!parentId) await delayIfAsked();
    if (Buffer.byteLength(raw, 'utf8') > PLATFORM_MAX_MESSAGE_BYTES) return sendGraphError(res, 413, 'RequestEntityTooLarge', 'Request Entity too large');
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return sendGraphError(res, 400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    const invalid = validateChatMessage(message);
    if (invalid) return sendGraphError(res, 400, invalid.code, invalid.message);
    const m = message as { body: ChatMessage['body']; attachments?: { id: string; contentType: string; contentUrl?: string | null; content?: string | null; name?: string | null }[]; subject?: string };
    // The channel may have gone while the request waited.
    if (!channelOf(t, channelId)) return sendGraphError(res, 404, 'NotFound', 'Channel not found.');
    const attachments = (m.attachments || []).map((a) => ({
      id: a.id,
      contentType: a.contentType,
      contentUrl: a.contentUrl === undefined ? null : a.contentUrl,
      content: a.content === undefined ? null : a.content,
      name: a.name || null,
      thumbnailUrl: null,
    }));
    const user = (options.userFor && options.userFor(req)) || DEFAULT_USER;
    const created = store.add(t.id, channelId, parentId, user, { contentType: m.body.contentType || 'text', content: m.body.content }, attachments, m.subject);
    sendJson(res, 201, { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${t.id}')/channels('${channelId}')/messages/$entity`, ...created });
  }

  async function graph(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method || 'GET';
    // graph-client sends the token only to https hosts, so over http on this machine it may be absent;
    // a token that is there must at least look like one.
    const auth = req.headers.authorization;
    if (auth !== undefined && !/^Bearer \S+/i.test(auth)) {
      return sendGraphError(res, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    }
    let seg: string[];
    try {
      seg = url.pathname.split('/').slice(2).map((s) => decodeURIComponent(s));
    } catch {
      return sendGraphError(res, 400, 'BadRequest', 'The request URL is not correctly encoded.');
    }
    const scopeKind = seg[0] === 'me' ? 'teams' : seg.length <= 3 ? 'channels' : method === 'GET' ? 'readMessages' : 'messages';
    if (faults.consentMissing) {
      return sendGraphError(res, 403, 'Forbidden', `Missing scope permissions on the request. API requires one of '${SCOPES[scopeKind]}'. Scopes on the request 'User.Read, profile, openid'`);
    }
    if (seg[0] === 'me' && seg[1] === 'joinedTeams' && seg.length === 2 && method === 'GET') {
      return sendJson(res, 200, {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#teams(id,displayName,description)',
        '@odata.count': teams.length,
        value: teams.map((t) => ({ id: t.id, displayName: t.displayName, description: t.description, isArchived: false, tenantId: '00000000-0000-4000-8000-00000000beef' })),
      });
    }
    if (seg[0] !== 'teams' || !seg[1]) return sendGraphError(res, 400, 'BadRequest', `Resource not found for the segment '${seg[0] || ''}'.`);
    const t = team(seg[1]);
    if (!t) return sendGraphError(res, 404, 'NotFound', `No team found with Group Id ${seg[1]}`);
    if (seg[2] !== 'channels') return sendGraphError(res, 400, 'BadRequest', `Resource not found for the segment '${seg[2] || ''}'.`);
    if (seg.length === 3 && method === 'GET') {
      return sendJson(res, 200, {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${t.id}')/channels`,
        '@odata.count': t.channels.length,
        value: t.channels
          .filter((c) => channelOf(t, c.id))
          .map((c) => ({ id: c.id, displayName: c.displayName, description: c.description, membershipType: c.membershipType, createdDateTime: '2026-01-05T09:00:00Z', webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(c.id)}/${encodeURIComponent(c.displayName)}?groupId=${t.id}` })),
      });
    }
    const channel = channelOf(t, seg[3]);
    if (!channel) return sendGraphError(res, 404, 'NotFound', 'Channel not found.');
    if (seg.length === 4 && method === 'GET') return sendJson(res, 200, { id: channel.id, displayName: channel.displayName, description: channel.description, membershipType: channel.membershipType });
    if (seg[4] !== 'messages') return sendGraphError(res, 400, 'BadRequest', `Resource not found for the segment '${seg[4] || ''}'.`);
    if (seg.length === 5) {
      if (method === 'POST') return postMessage(req, res, t, channel.id);
      if (method === 'GET') {
        // Newest first, paged with $top (20 by default, 50 at most) and the @odata.nextLink Graph gives.
        const rawTop = url.searchParams.get('$top');
        const top = rawTop === null ? PLATFORM_LIST_MESSAGES_DEFAULT_TOP : Number(rawTop);
        if (!Number.isInteger(top) || top < 1) return sendGraphError(res, 400, 'BadRequest', `Invalid value '${rawTop}' for query option $top.`);
        if (top > PLATFORM_LIST_MESSAGES_MAX_TOP) return sendGraphError(res, 400, 'BadRequest', `Limit of '${PLATFORM_LIST_MESSAGES_MAX_TOP}' for Top Query has been exceeded.`);
        const token = url.searchParams.get('$skiptoken');
        const skip = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8'));
        if (!Number.isInteger(skip) || skip < 0) return sendGraphError(res, 400, 'BadRequest', 'The skip token is not valid.');
        const expand = (url.searchParams.get('$expand') || '').split(',').indexOf('replies') >= 0;
        const newestFirst = store.messages(t.id, channel.id).slice().reverse();
        const list = newestFirst.slice(skip, skip + top);
        const more = skip + top < newestFirst.length;
        const origin = `http://${req.headers.host || '127.0.0.1'}`;
        const nextLink = `${origin}/v1.0/teams/${encodeURIComponent(t.id)}/channels/${encodeURIComponent(channel.id)}/messages?$top=${top}${expand ? '&$expand=replies' : ''}&$skiptoken=${Buffer.from(String(skip + top)).toString('base64url')}`;
        return sendJson(res, 200, {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${t.id}')/channels('${channel.id}')/messages`,
          '@odata.count': list.length,
          ...(more ? { '@odata.nextLink': nextLink } : {}),
          value: list.map((m) => (expand ? { ...m, replies: store.replies(t.id, channel.id, m.id) } : m)),
        });
      }
    }
    const parent = seg[5] ? store.find(t.id, channel.id, seg[5]) : undefined;
    if (!parent) return sendGraphError(res, 404, 'NotFound', `Message ${seg[5] || ''} not found.`);
    if (seg.length === 6 && method === 'GET') return sendJson(res, 200, parent);
    if (seg.length === 7 && seg[6] === 'replies') {
      if (method === 'POST') return postMessage(req, res, t, channel.id, parent.id);
      if (method === 'GET') return sendJson(res, 200, { '@odata.count': store.replies(t.id, channel.id, parent.id).length, value: store.replies(t.id, channel.id, parent.id) });
    }
    return sendGraphError(res, 405, 'MethodNotAllowed', `${method} is not supported on ${url.pathname}.`);
  }

  async function local(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const method = req.method || 'GET';
    if (url.pathname === '/_local/channel' && method === 'GET') {
      const t = team(url.searchParams.get('team') || DEMO_TEAM_ID) || teams[0];
      const channelId = url.searchParams.get('channel') || (t.id === DEMO_TEAM_ID ? DEMO_TASKFORCE_CHANNEL_ID : t.channels[0].id);
      const messages = store.messages(t.id, channelId).map((message) => ({ message, replies: store.replies(t.id, channelId, message.id) }));
      sendText(res, 200, 'text/html', renderChannelPage({ team: t, channelId, messages }, teams));
      return true;
    }
    if (url.pathname === '/_local/graph/channel.js') {
      sendText(res, 200, 'text/javascript', CHANNEL_SCRIPT);
      return true;
    }
    if (url.pathname === '/_local/graph/adaptivecards.js') {
      if (bundle === undefined) {
        const file = options.adaptiveCardsScript || findAdaptiveCardsBundle();
        bundle = file ? fs.readFileSync(file, 'utf8') : '';
      }
      if (!bundle) sendText(res, 404, 'text/plain', 'The adaptivecards package is not installed (npm install).');
      else sendText(res, 200, 'text/javascript', bundle);
      return true;
    }
    if (url.pathname === '/_local/graph/faults') {
      if (method === 'DELETE') faults = {};
      else if (method === 'POST' || method === 'PUT') {
        try {
          faults = parseFaults(JSON.parse((await readBody(req)) || '{}'));
        } catch (e) {
          sendJson(res, 400, { error: e instanceof Error ? e.message : String(e) });
          return true;
        }
      }
      sendJson(res, 200, faults);
      return true;
    }
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url || '/', 'http://127.0.0.1');
    const isGraph = url.pathname.indexOf('/v1.0/') === 0;
    if (!isGraph && url.pathname.indexOf('/_local/channel') !== 0 && url.pathname.indexOf('/_local/graph/') !== 0) return false;
    let done!: () => void;
    const tracked = new Promise<void>((resolve) => (done = resolve));
    pending.add(tracked);
    try {
      if (isGraph) await graph(req, res, url);
      else if (!(await local(req, res, url))) return false;
      return true;
    } catch (e) {
      if (!res.headersSent) sendGraphError(res, 500, 'InternalServerError', e instanceof Error ? e.message : String(e));
      return true;
    } finally {
      done();
      pending.delete(tracked);
    }
  }

  return {
    handle,
    setFaults: (f: GraphFaults): void => {
      faults = parseFaults(JSON.parse(JSON.stringify(f)));
    },
    faults: (): GraphFaults => JSON.parse(JSON.stringify(faults)) as GraphFaults,
    messages: (teamId: string, channelId: string): ChatMessage[] => store.messages(teamId, channelId),
    close: async (): Promise<void> => {
      await Promise.all(Array.from(pending));
    },
  };
}
