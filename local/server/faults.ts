// Fault injection for tests (not SharePoint): a share of /_api requests answered 429/503 with Retry-After, and
// added latency. A faulted request is rejected BEFORE it does anything, so a retry can never double-write.

import { prng } from '../prng';

export interface FaultOptions {
  /** 0..1: share of /_api requests to fail */
  rate?: number;
  /** statuses to answer with, default [429, 503] */
  statuses?: number[];
  /** Retry-After header in seconds, default 1 (0 allowed for fast tests) */
  retryAfterSeconds?: number;
  /** latency added to every /_api request */
  latencyMs?: number;
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
