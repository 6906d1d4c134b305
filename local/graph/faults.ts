// Faults the sink can be told to produce, for tests and for trying the hub's error handling by hand
// (POST /_local/graph/faults). A failing post is refused before anything is stored, like a Graph
// throttle; a delayed post is stored after the delay, like a slow Graph whose answer the client gave
// up on — the case where a sender cannot know whether its card landed.

export interface GraphFaults {
  /** The next `count` message/reply posts fail with `status` (429, 500, 503…) and Retry-After when given. */
  failPosts?: { count: number; status: number; retryAfterSeconds?: number };
  /** The next `count` message posts are answered after `ms` milliseconds (and then stored). */
  delayPosts?: { count: number; ms: number };
  /** Every call answers 403 as Graph does for a token without the scope (no admin consent). */
  consentMissing?: boolean;
  /** Channels (ids) that were deleted: every call on them answers 404. */
  deletedChannels?: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function count(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${what} must be a whole number ≥ 0`);
  return v;
}

/** Checks faults sent over HTTP; throws with a message for the person who sent them. */
export function parseFaults(input: unknown): GraphFaults {
  if (!isObject(input)) throw new Error('faults must be a JSON object');
  const out: GraphFaults = {};
  if (input.failPosts !== undefined) {
    const f = input.failPosts;
    if (!isObject(f)) throw new Error('failPosts must be { count, status, retryAfterSeconds? }');
    const status = count(f.status, 'failPosts.status');
    if (status < 400 || status > 599) throw new Error('failPosts.status must be an HTTP error status');
    out.failPosts = { count: count(f.count, 'failPosts.count'), status };
    if (f.retryAfterSeconds !== undefined) out.failPosts.retryAfterSeconds = count(f.retryAfterSeconds, 'failPosts.retryAfterSeconds');
  }
  if (input.delayPosts !== undefined) {
    const d = input.delayPosts;
    if (!isObject(d)) throw new Error('delayPosts must be { count, ms }');
    out.delayPosts = { count: count(d.count, 'delayPosts.count'), ms: count(d.ms, 'delayPosts.ms') };
  }
  if (input.consentMissing !== undefined) {
    if (typeof input.consentMissing !== 'boolean') throw new Error('consentMissing must be true or false');
    out.consentMissing = input.consentMissing;
  }
  if (input.deletedChannels !== undefined) {
    if (!Array.isArray(input.deletedChannels) || input.deletedChannels.some((c) => typeof c !== 'string')) {
      throw new Error('deletedChannels must be an array of channel ids');
    }
    out.deletedChannels = input.deletedChannels.slice() as string[];
  }
  return out;
}
