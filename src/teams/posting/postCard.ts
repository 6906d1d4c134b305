// Posting a card to the taskforce channel, through the outbox. The outbox item is written first under a
// unique idempotency key and claimed with its ETag before anything reaches Graph, so a retry, a double
// click or two officers at once post a card once; a failure stays on the item (status, attempts, error,
// next attempt) for a later pass or a person, never dropped.
import type { AdaptiveCardJson } from '../cards';
import { checkPostableCard, MAX_MESSAGE_BYTES } from '../cards';
import { attachmentIdFor, buildCardMessage, CardChatMessage, messageBytes } from './chatMessage';
import { classifyGraphError, errorFromResponse, GraphTimeoutError, PostError } from './errors';
import { GraphClientLike, graphPath, RawResponseLike } from './graph';
import { findPostedCard } from './lookup';
import { idempotencyKey, isConflict, OutboxPort, OutboxSubject, outboxSubject, Stored, TaskforcePost, TaskforcePostKind } from './outbox';

export interface PostOptions {
  /** First back-off after a retryable failure; doubles with each attempt. Default 2,000 ms. */
  baseDelayMs?: number;
  /** Longest back-off between passes. Default 15 minutes. */
  maxDelayMs?: number;
  /**
   * After a failure that may have landed (in doubt), wait at least this long before looking for the card and
   * trying again, so a slow first request has finished by then. Default 2 minutes.
   */
  inDoubtDelayMs?: number;
  /** How long to wait for Graph's answer. Default 60 s. */
  timeoutMs?: number;
  /** Pages of 50 channel messages searched for a card whose post was in doubt. Default 4. */
  lookupPages?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface PostCardRequest {
  graph: GraphClientLike;
  outbox: OutboxPort;
  /** The taskforce team and channel from the hub's Settings (never from a stored outbox item). */
  teamId: string;
  channelId: string;
  kind: TaskforcePostKind;
  /** What the card is about: the outcome log's key for a success, the period for an update. */
  subjectId: string;
  period?: string;
  card: AdaptiveCardJson;
  /** The outbox item's title (255 characters at most); defaults to kind and subject. */
  title?: string;
  options?: PostOptions;
}

export type PostCardResult =
  | { status: 'posted'; idempotencyKey: string; messageId: string; alreadyPosted: boolean; attempts: number; outboxError?: string }
  | { status: 'in-progress'; idempotencyKey: string; message: string }
  | { status: 'failed'; idempotencyKey: string; error: PostError; attempts: number; nextAttemptAt?: string };

export const IN_PROGRESS_MESSAGE = 'This card is already being posted to the taskforce channel.';

interface Settings {
  baseDelayMs: number;
  maxDelayMs: number;
  inDoubtDelayMs: number;
  timeoutMs: number;
  lookupPages: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

function settings(o: PostOptions = {}): Settings {
  return {
    baseDelayMs: o.baseDelayMs === undefined ? 2000 : o.baseDelayMs,
    maxDelayMs: o.maxDelayMs === undefined ? 15 * 60 * 1000 : o.maxDelayMs,
    inDoubtDelayMs: o.inDoubtDelayMs === undefined ? 2 * 60 * 1000 : o.inDoubtDelayMs,
    timeoutMs: o.timeoutMs === undefined ? 60000 : o.timeoutMs,
    lookupPages: o.lookupPages === undefined ? 4 : Math.max(1, o.lookupPages),
    now: o.now || ((): Date => new Date()),
    sleep: o.sleep || ((ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

function at(s: Settings, plusMs: number): string {
  return new Date(s.now().getTime() + plusMs).toISOString();
}

/** A claim on a Posting item lasts this long; after that, retryDueOutbox treats the post as in doubt. */
function leaseMs(s: Settings): number {
  return s.timeoutMs + 60000;
}

/**
 * When to try again: Graph's Retry-After when the answer carried one, else exponential back-off — and never
 * sooner than inDoubtDelayMs after a post that may have landed.
 */
function backoffMs(s: Settings, attempt: number, error: PostError): number {
  const wait = error.retryAfterMs !== undefined ? error.retryAfterMs : Math.min(s.maxDelayMs, s.baseDelayMs * Math.pow(2, attempt - 1));
  return error.inDoubt ? Math.max(wait, s.inDoubtDelayMs) : wait;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new GraphTimeoutError(ms)), ms);
  });
  return Promise.race([promise, timeout]).then(
    (value) => {
      clearTimeout(timer);
      return value;
    },
    (e: unknown) => {
      clearTimeout(timer);
      throw e;
    },
  );
}

/**
 * Whether a next-attempt time has come. Compared as instants, not strings: SharePoint gives dates back
 * without milliseconds ("…:00Z"), this code writes them with (".000Z").
 */
function isDue(nextAttemptAt: string | undefined, now: Date): boolean {
  if (!nextAttemptAt) return false;
  const at = Date.parse(nextAttemptAt);
  return !isNaN(at) && at <= now.getTime();
}

function lastErrorText(error: PostError): string {
  return `${error.message}\n${error.adminDetail}`.slice(0, 4000);
}

interface Target {
  teamId: string;
  channelId: string;
  cardJson: string;
}

/**
 * One POST, no retries of our own: the Graph client SPFx hands out retries 429/503/504 itself (POSTs included,
 * honouring Retry-After), so retrying here too would stack. With responseType 'raw' the answer comes back
 * whatever its status, and Retry-After is read from it; a client without it throws graph-client's GraphError.
 */
async function sendOnce(graph: GraphClientLike, path: string, message: CardChatMessage, s: Settings): Promise<{ messageId: string } | { error: PostError }> {
  try {
    const request = graph.api(path).header('Content-Type', 'application/json');
    let created: { id?: unknown } | undefined;
    if (typeof request.responseType === 'function') {
      const raw = request.responseType('raw');
      const answer = await withTimeout(
        raw.post(message).then(async (r) => {
          const response = r as RawResponseLike;
          return { response, text: await response.text() };
        }),
        s.timeoutMs,
      );
      if (answer.response.status < 200 || answer.response.status > 299) {
        return { error: classifyGraphError(errorFromResponse(answer.response.status, answer.response.headers, answer.text), { now: s.now() }) };
      }
      try {
        created = JSON.parse(answer.text) as { id?: unknown };
      } catch {
        created = undefined;
      }
    } else {
      created = (await withTimeout(request.post(message), s.timeoutMs)) as { id?: unknown } | undefined;
    }
    if (created && typeof created.id === 'string') return { messageId: created.id };
    // Graph said yes without an id: the card is probably there, so look before posting it again.
    return { error: { kind: 'server', message: 'Teams answered without a message id.', adminDetail: `Unexpected answer: ${JSON.stringify(created).slice(0, 500)}`, retryable: true, inDoubt: true } };
  } catch (e) {
    return { error: classifyGraphError(e, { now: s.now() }) };
  }
}

/**
 * Sends a claimed (Posting) item once and records the outcome on it. An item tried before may already be in
 * the channel, so the channel is searched first: found, it is recorded as posted without posting again. When
 * the channel cannot be searched (no ChannelMessage.Read.All consent, Graph down), an automatic pass leaves the
 * item for later; a person's explicit retry posts.
 */
async function sendClaimed(
  graph: GraphClientLike,
  outbox: OutboxPort,
  claimed: Stored<TaskforcePost>,
  target: Target,
  s: Settings,
  mode: { automatic: boolean },
): Promise<PostCardResult> {
  const key = claimed.idempotencyKey;
  const attempts = claimed.attempts + 1;
  if (claimed.attempts > 0) {
    const look = await findPostedCard(graph, target.teamId, target.channelId, key, s.lookupPages);
    if (look.found === true) {
      const result = await recordPosted(outbox, claimed, look.messageId, s);
      return result.status === 'posted' ? { ...result, alreadyPosted: true } : result;
    }
    if (look.found === undefined && mode.automatic) {
      const error: PostError = {
        ...look.error,
        message: `The hub could not check the taskforce channel for this card, so it did not post it again. ${look.error.message}`,
      };
      const saved = await outbox.update({
        ...claimed,
        status: 'Failed',
        lastError: lastErrorText(error),
        nextAttemptAt: look.error.retryable ? at(s, backoffMs(s, attempts, look.error)) : undefined,
      });
      return { status: 'failed', idempotencyKey: key, error, attempts: claimed.attempts, nextAttemptAt: saved.nextAttemptAt };
    }
  }
  const path = graphPath('teams', target.teamId, 'channels', target.channelId, 'messages');
  const sent = await sendOnce(graph, path, buildCardMessage(target.cardJson, attachmentIdFor(key)), s);
  if ('messageId' in sent) return recordPosted(outbox, { ...claimed, attempts }, sent.messageId, s);
  const failure = sent.error;
  const current = await outbox.update({
    ...claimed,
    attempts,
    status: 'Failed',
    lastError: lastErrorText(failure),
    // A retryable failure is due again after the back-off; others wait for a person (nextAttemptAt unset).
    nextAttemptAt: failure.retryable ? at(s, backoffMs(s, attempts, failure)) : undefined,
  });
  return { status: 'failed', idempotencyKey: key, error: failure, attempts, nextAttemptAt: current.nextAttemptAt };
}

async function recordPosted(outbox: OutboxPort, post: Stored<TaskforcePost>, messageId: string, s: Settings): Promise<PostCardResult> {
  const key = post.idempotencyKey;
  const posted = { status: 'Posted' as const, messageId, postedAt: s.now().toISOString(), lastError: undefined, nextAttemptAt: undefined };
  let current = post;
  let outboxError: string | undefined;
  // The card is in the channel: keep trying to say so, or a later pass would think it might not be.
  // Back off between tries, so a short outage of SharePoint (a restart, a dropped connection) is ridden out.
  for (let i = 0; i < 3; i++) {
    if (i > 0) await s.sleep(Math.min(s.maxDelayMs, s.baseDelayMs * Math.pow(2, i - 1)));
    try {
      await outbox.update({ ...current, ...posted });
      outboxError = undefined;
      break;
    } catch (e) {
      outboxError = e instanceof Error ? e.message : String(e);
      const fresh = isConflict(e) ? await outbox.get(key) : undefined;
      if (fresh) current = { ...fresh, attempts: post.attempts };
    }
  }
  return { status: 'posted', idempotencyKey: key, messageId, alreadyPosted: false, attempts: post.attempts, outboxError };
}

/** Claims an item for sending (status Posting, a lease in nextAttemptAt); undefined if someone else did. */
async function claim(outbox: OutboxPort, post: Stored<TaskforcePost>, target: Target, s: Settings): Promise<Stored<TaskforcePost> | undefined> {
  try {
    return await outbox.update({ ...post, ...target, status: 'Posting', nextAttemptAt: at(s, leaseMs(s)) });
  } catch (e) {
    if (isConflict(e)) return undefined;
    throw e;
  }
}

function refused(key: string, kind: PostError['kind'], message: string, adminDetail: string): PostCardResult {
  return { status: 'failed', idempotencyKey: key, error: { kind, message, adminDetail, retryable: false }, attempts: 0 };
}

/** The card as it will be sent, or why it may not be: the hub's own checks, then Teams' size limit. */
function prepare(key: string, card: unknown): { cardJson: string } | { refusal: PostCardResult } {
  const checked = checkPostableCard(card);
  if (!checked.ok) {
    return { refusal: refused(key, 'bad-request', 'This card is not one the hub makes, so it was not posted.', `Card refused: ${checked.problems.slice(0, 5).join(' ')}`) };
  }
  const cardJson = JSON.stringify(checked.card);
  // A card Teams would refuse can never be posted as it is, and would not fit the list's CardJson column:
  // the officer shortens it, nothing is queued.
  const bytes = messageBytes(buildCardMessage(cardJson, attachmentIdFor(key)));
  if (bytes > MAX_MESSAGE_BYTES) {
    return {
      refusal: refused(
        key,
        'too-large',
        'The card is too large for Teams (about 28 KB at most). Shorten the quote or story and try again.',
        `The message would be ${bytes} bytes; Teams accepts about ${MAX_MESSAGE_BYTES}.`,
      ),
    };
  }
  return { cardJson };
}

/**
 * Posts the card once per (kind, subject, period). Returns the Teams message id to keep on the outcome
 * log or period; an earlier post of the same card returns its id without posting again.
 */
export async function postCard(request: PostCardRequest): Promise<PostCardResult> {
  const s = settings(request.options);
  const key = idempotencyKey(request.kind, request.subjectId, request.period);
  if (!request.teamId || !request.channelId) throw new Error('Choose the taskforce team and channel in the hub settings before posting.');
  const prepared = prepare(key, request.card);
  if ('refusal' in prepared) return prepared.refusal;
  const target: Target = { teamId: request.teamId, channelId: request.channelId, cardJson: prepared.cardJson };

  const { post, created } = await request.outbox.enqueue({
    idempotencyKey: key,
    kind: request.kind,
    title: (request.title || `${request.kind === 'success' ? 'Success' : 'Update'}: ${request.subjectId}${request.period ? ` (${request.period})` : ''}`).slice(0, 255),
    subjectRef: request.subjectId.slice(0, 200),
    ...target,
    // Due after the lease: if this sender stops before claiming, a later pass picks the card up.
    nextAttemptAt: at(s, leaseMs(s)),
  });

  if (!created) {
    if (post.status === 'Posted' && post.messageId) {
      return { status: 'posted', idempotencyKey: key, messageId: post.messageId, alreadyPosted: true, attempts: post.attempts };
    }
    // Pending: its creator is about to claim it. Posting: in flight. Neither may be sent again here.
    if (post.status !== 'Failed') return { status: 'in-progress', idempotencyKey: key, message: IN_PROGRESS_MESSAGE };
    // Failed: this call is the retry a person asked for; the ETag claim lets only one of them send.
  }
  const claimed = await claim(request.outbox, post, target, s);
  if (!claimed) return { status: 'in-progress', idempotencyKey: key, message: IN_PROGRESS_MESSAGE };
  return sendClaimed(request.graph, request.outbox, claimed, target, s, { automatic: false });
}

const MAX_DUE_PAGES = 10;

export interface RetryReport {
  posted: PostCardResult[];
  failed: PostCardResult[];
  /** Claimed by someone else meanwhile. */
  skipped: number;
  /** Left Posting past their lease: looked for in the channel before anything is sent again. */
  inDoubt: string[];
}

/**
 * Rebuilds the card an outbox item is about from the records themselves (the outcome log, the quarter's
 * figures), or says it cannot (undefined: the record is gone or no longer qualifies).
 */
export type OutboxCardSource = (subject: OutboxSubject) => Promise<AdaptiveCardJson | undefined>;

export interface RetryDueRequest {
  graph: GraphClientLike;
  outbox: OutboxPort;
  /** The taskforce team and channel from the hub's Settings: a stored item's own team and channel are never used. */
  channel: { teamId?: string; channelId?: string };
  /** Never the stored CardJson: any site member can write an outbox item, card and channel included. */
  rebuildCard: OutboxCardSource;
  options?: PostOptions;
  pageSize?: number;
}

async function leaveFailed(outbox: OutboxPort, post: Stored<TaskforcePost>, error: PostError): Promise<PostCardResult> {
  await outbox.update({ ...post, status: 'Failed', lastError: lastErrorText(error), nextAttemptAt: undefined });
  return { status: 'failed', idempotencyKey: post.idempotencyKey, error, attempts: post.attempts };
}

/**
 * A later pass over the outbox: posts Pending/Failed items whose next attempt is due — each card rebuilt from
 * its records and checked, sent to the channel in Settings — and marks items stuck in Posting past their lease
 * as Failed in doubt, due at once: the pass then looks for them in the channel before sending anything.
 */
export async function retryDueOutbox(args: RetryDueRequest): Promise<RetryReport> {
  const s = settings(args.options);
  const { teamId, channelId } = args.channel;
  if (!teamId || !channelId) throw new Error('Choose the taskforce team and channel in the hub settings before posting.');
  const now = s.now();
  const nowIso = now.toISOString();
  const report: RetryReport = { posted: [], failed: [], skipped: 0, inDoubt: [] };

  const stuck = await args.outbox.query({ status: 'Posting', pageSize: args.pageSize || 50 });
  for (const post of stuck.items) {
    if (!isDue(post.nextAttemptAt, now)) continue;
    const error = classifyGraphError(new GraphTimeoutError(leaseMs(s)), { now: s.now() });
    try {
      // Counted as an attempt whose outcome is unknown, so the next send looks in the channel first.
      await args.outbox.update({ ...post, status: 'Failed', attempts: post.attempts + 1, lastError: lastErrorText(error), nextAttemptAt: nowIso });
      report.inDoubt.push(post.idempotencyKey);
    } catch (e) {
      if (!isConflict(e)) throw e;
      report.skipped++;
    }
  }

  // Items that wait for a person (no next attempt) may come first in a page: read on, a few pages at most.
  const candidates: Stored<TaskforcePost>[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_DUE_PAGES; page++) {
    const due = await args.outbox.due(nowIso, { pageSize: args.pageSize || 50, pageToken });
    candidates.push(...due.items);
    pageToken = due.nextPageToken;
    if (!pageToken) break;
  }
  for (const post of candidates) {
    // Only what is due by its own back-off; an item without a next attempt waits for a person.
    if ((post.status !== 'Pending' && post.status !== 'Failed') || !isDue(post.nextAttemptAt, now)) continue;
    const subject = outboxSubject(post);
    let card: AdaptiveCardJson | undefined;
    let rebuildError: string | undefined;
    try {
      card = subject ? await args.rebuildCard(subject) : undefined;
    } catch (e) {
      rebuildError = e instanceof Error ? e.message : String(e);
    }
    const prepared = card ? prepare(post.idempotencyKey, card) : undefined;
    if (!card || !prepared || 'refusal' in prepared) {
      const why = !subject
        ? `The outbox key "${post.idempotencyKey.slice(0, 120)}" names no card the hub makes (kind ${post.kind}).`
        : rebuildError || (prepared && 'refusal' in prepared && prepared.refusal.status === 'failed' ? prepared.refusal.error.adminDetail : 'The record it is about is missing or does not qualify (a success card needs a verified outcome).');
      const error: PostError = { kind: 'bad-request', message: 'The hub could not rebuild this card from its records, so it was not posted.', adminDetail: why, retryable: false };
      try {
        report.failed.push(await leaveFailed(args.outbox, post, error));
      } catch (e) {
        if (!isConflict(e)) throw e;
        report.skipped++;
      }
      continue;
    }
    const target: Target = { teamId, channelId, cardJson: prepared.cardJson };
    const claimed = await claim(args.outbox, post, target, s);
    if (!claimed) {
      report.skipped++;
      continue;
    }
    const result = await sendClaimed(args.graph, args.outbox, claimed, target, s, { automatic: true });
    (result.status === 'posted' ? report.posted : report.failed).push(result);
  }
  return report;
}
