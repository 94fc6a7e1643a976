/**
 * Retry and Catch (aws-behaviour.md, Step Functions, "Retry" and "Catch" rows): retriers are evaluated in
 * order and the first whose ErrorEquals matches decides; each keeps its own count within one run of the state;
 * the n-th retry waits IntervalSeconds x BackoffRate^(n-1), capped by MaxDelaySeconds, and JitterStrategy FULL
 * waits a uniform time between 0 and that delay; MaxAttempts 0 never retries.
 */
import type { Random } from '../../../core/random.ts';
import { errorEqualsMatches, type Json, type JsonObject, type StatesError } from './errors.ts';

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: Json;
  Assign?: JsonObject;
}

export const RETRY_DEFAULTS = { IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 } as const;

/** The delay before the n-th retry (n from 1), in milliseconds, before jitter. */
export function retryDelayMs(retrier: Retrier, n: number): number {
  const interval = retrier.IntervalSeconds ?? RETRY_DEFAULTS.IntervalSeconds;
  const rate = retrier.BackoffRate ?? RETRY_DEFAULTS.BackoffRate;
  let seconds = interval * Math.pow(rate, n - 1);
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  return seconds * 1000;
}

export type RetryDecision = { retry: true; delayMs: number; retrierIndex: number; attempt: number } | { retry: false };

/** The retry counts of one run of a state (a new run, e.g. after a Catch loops back, starts again at 0). */
export class RetryCounts {
  private counts: number[] | null = null;

  decide(retriers: readonly Retrier[] | undefined, err: StatesError, random: Random): RetryDecision {
    if (!retriers) return { retry: false };
    for (let i = 0; i < retriers.length; i++) {
      const retrier = retriers[i];
      if (!errorEqualsMatches(retrier.ErrorEquals, err)) continue;
      this.counts ??= new Array<number>(retriers.length).fill(0);
      const done = this.counts[i];
      if (done >= (retrier.MaxAttempts ?? RETRY_DEFAULTS.MaxAttempts)) return { retry: false };
      this.counts[i] = done + 1;
      const cap = retryDelayMs(retrier, done + 1);
      const delayMs = retrier.JitterStrategy === 'FULL' ? random.next() * cap : cap;
      return { retry: true, delayMs, retrierIndex: i, attempt: done + 1 };
    }
    return { retry: false };
  }

  /** All retries made so far in this run (the context object's State.RetryCount). */
  get total(): number {
    return this.counts ? this.counts.reduce((a, b) => a + b, 0) : 0;
  }
}

export function findCatcher(catchers: readonly Catcher[] | undefined, err: StatesError): Catcher | undefined {
  return catchers?.find((c) => errorEqualsMatches(c.ErrorEquals, err));
}
