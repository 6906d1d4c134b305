// Fault injection for tests (not SharePoint): a share of /_api requests answered 429/503 with Retry-After, and
// added latency. A faulted request is rejected BEFORE it does anything, so a retry can never double-write.
// Latency applies to the /_api requests ('api', the default) or to every request the server answers ('all': the
// page, its script chunks and the API alike, as a far-away tenant and CDN would), so a benchmark can compare a
// page with its blank baseline under the same per-request cost.

import { prng } from '../prng';

export type LatencyScope = 'api' | 'all';
const LATENCY_SCOPES: readonly LatencyScope[] = ['api', 'all'];

export interface FaultOptions {
  /** 0..1: share of /_api requests to fail */
  rate?: number;
  /** statuses to answer with, default [429, 503] */
  statuses?: number[];
  /** Retry-After header in seconds, default 1 (0 allowed for fast tests) */
  retryAfterSeconds?: number;
  /** latency added to every /_api request (or every request: latencyScope 'all') */
  latencyMs?: number;
  /** which requests the latency delays: 'api' (default) the SharePoint and tenant APIs, 'all' every request */
  latencyScope?: LatencyScope;
  /** seed of the deterministic PRNG */
  seed?: number;
}


export function validateFaults(input: unknown): FaultOptions {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) throw new Error('faults must be a JSON object');
  const o = input as Record<string, unknown>;
  const out: FaultOptions = {};
  if (o.rate !== undefined) {
    if (typeof o.rate !== 'number' || !(o.rate >= 0 && o.rate <= 1)) throw new Error('rate must be a number between 0 and 1');
    out.rate = o.rate;
  }
  if (o.statuses !== undefined) {
    if (!Array.isArray(o.statuses) || o.statuses.length === 0 || o.statuses.some((s) => typeof s !== 'number' || s < 400 || s > 599)) {
      throw new Error('statuses must be a non-empty array of HTTP error statuses');
    }
    out.statuses = o.statuses as number[];
  }
  if (o.retryAfterSeconds !== undefined) {
    if (typeof o.retryAfterSeconds !== 'number' || o.retryAfterSeconds < 0) throw new Error('retryAfterSeconds must be a number ≥ 0');
    out.retryAfterSeconds = o.retryAfterSeconds;
  }
  if (o.latencyMs !== undefined) {
    if (typeof o.latencyMs !== 'number' || o.latencyMs < 0) throw new Error('latencyMs must be a number ≥ 0');
    out.latencyMs = o.latencyMs;
  }
  if (o.latencyScope !== undefined) {
    if (!LATENCY_SCOPES.includes(o.latencyScope as LatencyScope)) throw new Error(`latencyScope must be one of ${LATENCY_SCOPES.join(', ')}`);
    out.latencyScope = o.latencyScope as LatencyScope;
  }
  if (o.seed !== undefined) {
    if (typeof o.seed !== 'number') throw new Error('seed must be a number');
    out.seed = o.seed;
  }
  return out;
}

export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultOptions {
  const f: FaultOptions = {};
  if (env.SVHUB_FAULT_RATE) f.rate = Number(env.SVHUB_FAULT_RATE);
  if (env.SVHUB_FAULT_STATUSES) f.statuses = env.SVHUB_FAULT_STATUSES.split(',').map(Number);
  if (env.SVHUB_FAULT_RETRY_AFTER) f.retryAfterSeconds = Number(env.SVHUB_FAULT_RETRY_AFTER);
  if (env.SVHUB_FAULT_LATENCY_MS) f.latencyMs = Number(env.SVHUB_FAULT_LATENCY_MS);
  if (env.SVHUB_FAULT_LATENCY_SCOPE) f.latencyScope = env.SVHUB_FAULT_LATENCY_SCOPE as LatencyScope;
  if (env.SVHUB_FAULT_SEED) f.seed = Number(env.SVHUB_FAULT_SEED);
  return f;
}

export class FaultInjector {
  private opts: FaultOptions = {};
  private rnd: () => number = Math.random;
  injected = 0;

  constructor(opts?: FaultOptions) {
    this.set(opts ?? {});
  }

  set(opts: FaultOptions): void {
    this.opts = validateFaults(opts);
    this.rnd = this.opts.seed !== undefined ? prng(this.opts.seed) : Math.random;
  }

  get(): FaultOptions & { injected: number } {
    return { ...this.opts, injected: this.injected };
  }

  get latencyMs(): number {
    return this.opts.latencyMs ?? 0;
  }

  /** The latency to add to a request: `api` says whether it is one of the SharePoint/tenant API's. */
  latencyFor(api: boolean): number {
    return api === ((this.opts.latencyScope ?? 'api') === 'api') ? this.latencyMs : 0;
  }

  /** Decides whether this request fails; returns its status and Retry-After, or undefined. */
  next(): { status: number; retryAfter: number } | undefined {
    const rate = this.opts.rate ?? 0;
    if (rate <= 0) return undefined;
    if (this.rnd() >= rate) return undefined;
    const statuses = this.opts.statuses ?? [429, 503];
    const status = statuses[Math.floor(this.rnd() * statuses.length)];
    this.injected++;
    return { status, retryAfter: this.opts.retryAfterSeconds ?? 1 };
  }
}
