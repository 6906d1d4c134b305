// Posting a card to the taskforce channel, through the outbox. The outbox item is written first under a
// unique idempotency key and claimed with its ETag before anything reaches Graph, so a retry, a double
// click or two officers at once post a card once; a failure stays on the item (status, attempts, error,
// next attempt) for a later pass or a person, never dropped.
import type { AdaptiveCardJson } from '../cards';
import { MAX_MESSAGE_BYTES } from '../cards';
import { buildCardMessage, messageBytes } from './chatMessage';
import { classifyGraphError, GraphTimeoutError, PostError } from './errors';
import { GraphClientLike, graphPath } from './graph';
import { idempotencyKey, isConflict, OutboxPort, Stored, TaskforcePost, TaskforcePostKind } from './outbox';

export interface PostOptions {
  /** Tries within this call before leaving the card to retryDueOutbox. Default 3. */
  maxAttempts?: number;
  /** First back-off after a server error; doubles each try. Default 2,000 ms. */
  baseDelayMs?: number;
  /** Longest back-off between later passes. Default 15 minutes. */
  maxDelayMs?: number;
  /** Longest wait within this call (a longer Retry-After is left to a later pass). Default 30 s. */
  maxInlineWaitMs?: number;
  /** How long to wait for Graph's answer. Default 60 s. */
  timeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface PostCardRequest {
  graph: GraphClientLike;
  outbox: OutboxPort;
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
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxInlineWaitMs: number;
  timeoutMs: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

function settings(o: PostOptions = {}): Settings {
  return {
    maxAttempts: o.maxAttempts === undefined ? 3 : Math.max(1, o.maxAttempts),
    baseDelayMs: o.baseDelayMs === undefined ? 2000 : o.baseDelayMs,
    maxDelayMs: o.maxDelayMs === undefined ? 15 * 60 * 1000 : o.maxDelayMs,
    maxInlineWaitMs: o.maxInlineWaitMs === undefined ? 30000 : o.maxInlineWaitMs,
    timeoutMs: o.timeoutMs === undefined ? 60000 : o.timeoutMs,
    now: o.now || ((): Date => new Date()),
    sleep: o.sleep || ((ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

function at(s: Settings, plusMs: number): string {
  return new Date(s.now().getTime() + plusMs).toISOString();
}

/** A claim on a Posting item lasts this long past the longest wait; after that, retryDueOutbox looks at it. */
function leaseMs(s: Settings): number {
  return s.timeoutMs + s.maxInlineWaitMs + 60000;
}

/** Exponential back-off for attempt n (1-based), or Graph's Retry-After when it gave one. */
function backoffMs(s: Settings, attempt: number, error: PostError): number {
  if (error.retryAfterMs !== undefined) return error.retryAfterMs;
  return Math.min(s.maxDelayMs, s.baseDelayMs * Math.pow(2, attempt - 1));
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
 * Sends a claimed (Posting) item: tries up to maxAttempts, waiting as Graph asks, and records the
 * outcome on the item. The item is ours while it is Posting; its ETag still guards every save.
 */
async function sendClaimed(graph: GraphClientLike, outbox: OutboxPort, claimed: Stored<TaskforcePost>, target: Target, s: Settings): Promise<PostCardResult> {
  const key = claimed.idempotencyKey;
  let current = claimed;
  const message = buildCardMessage(target.cardJson);
  const path = graphPath('teams', target.teamId, 'channels', target.channelId, 'messages');

  for (let tryNo = 1; ; tryNo++) {
    const attempts = current.attempts + 1;
    let messageId: string | undefined;
    let error: PostError | undefined;
    try {
      const created = (await withTimeout(graph.api(path).header('Content-Type', 'application/json').post(message), s.timeoutMs)) as { id?: unknown } | undefined;
      messageId = created && typeof created.id === 'string' ? created.id : undefined;
      if (!messageId) {
        error = { kind: 'bad-request', message: 'Teams answered without a message id.', adminDetail: `Unexpected answer: ${JSON.stringify(created).slice(0, 500)}`, retryable: false };
      }
    } catch (e) {
      error = classifyGraphError(e, { now: s.now() });
    }

    if (messageId) return recordPosted(outbox, { ...current, attempts }, messageId, s);
    const failure = error as PostError;
    const wait = backoffMs(s, attempts, failure);
    const retryInline = failure.retryable && tryNo < s.maxAttempts && wait <= s.maxInlineWaitMs;
    current = await outbox.update({
      ...current,
      attempts,
      status: retryInline ? 'Posting' : 'Failed',
      lastError: lastErrorText(failure),
      // A retryable failure is due again after the back-off; others wait for a person (nextAttemptAt unset).
      nextAttemptAt: retryInline ? at(s, wait + leaseMs(s)) : failure.retryable ? at(s, wait) : undefined,
    });
    if (!retryInline) return { status: 'failed', idempotencyKey: key, error: failure, attempts, nextAttemptAt: current.nextAttemptAt };
    await s.sleep(wait);
  }
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

/**
 * Posts the card once per (kind, subject, period). Returns the Teams message id to keep on the outcome
 * log or period; an earlier post of the same card returns its id without posting again.
 */
export async function postCard(request: PostCardRequest): Promise<PostCardResult> {
  const s = settings(request.options);
  const key = idempotencyKey(request.kind, request.subjectId, request.period);
  const target: Target = { teamId: request.teamId, channelId: request.channelId, cardJson: JSON.stringify(request.card) };
  if (!target.teamId || !target.channelId) throw new Error('Choose the taskforce team and channel in the hub settings before posting.');

  // A card Teams would refuse can never be posted as it is, and would not fit the list's CardJson column:
  // the officer shortens it, nothing is queued.
  const bytes = messageBytes(buildCardMessage(target.cardJson));
  if (bytes > MAX_MESSAGE_BYTES) {
    const error: PostError = {
      kind: 'too-large',
      message: 'The card is too large for Teams (about 28 KB at most). Shorten the quote or story and try again.',
      adminDetail: `The message would be ${bytes} bytes; Teams accepts about ${MAX_MESSAGE_BYTES}.`,
      retryable: false,
    };
    return { status: 'failed', idempotencyKey: key, error, attempts: 0 };
  }

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
  return sendClaimed(request.graph, request.outbox, claimed, target, s);
}

const MAX_DUE_PAGES = 10;

export interface RetryReport {
  posted: PostCardResult[];
  failed: PostCardResult[];
  /** Claimed by someone else meanwhile. */
  skipped: number;
  /** Left Posting past their lease: may or may not be in the channel, so a person decides. */
  inDoubt: string[];
}

/**
 * A later pass over the outbox: posts Pending/Failed items whose next attempt is due, and marks items
 * stuck in Posting past their lease as Failed "in doubt" (never re-sent blindly: they may have landed).
 */
export async function retryDueOutbox(args: { graph: GraphClientLike; outbox: OutboxPort; options?: PostOptions; pageSize?: number }): Promise<RetryReport> {
  const s = settings(args.options);
  const now = s.now();
  const nowIso = now.toISOString();
  const report: RetryReport = { posted: [], failed: [], skipped: 0, inDoubt: [] };

  const stuck = await args.outbox.query({ status: 'Posting', pageSize: args.pageSize || 50 });
  for (const post of stuck.items) {
    if (!isDue(post.nextAttemptAt, now)) continue;
    const error = classifyGraphError(new GraphTimeoutError(leaseMs(s)), { now: s.now() });
    try {
      await args.outbox.update({ ...post, status: 'Failed', lastError: lastErrorText(error), nextAttemptAt: undefined });
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
    if (!post.teamId || !post.channelId || !post.cardJson) continue;
    const target: Target = { teamId: post.teamId, channelId: post.channelId, cardJson: post.cardJson };
    const claimed = await claim(args.outbox, post, target, s);
    if (!claimed) {
      report.skipped++;
      continue;
    }
    const result = await sendClaimed(args.graph, args.outbox, claimed, target, s);
    (result.status === 'posted' ? report.posted : report.failed).push(result);
  }
  return report;
}
