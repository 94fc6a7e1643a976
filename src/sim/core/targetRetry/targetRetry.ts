import type { Random } from '../random.ts';

/**
 * EventBridge's retry policy for a rule target or a Scheduler schedule ("EventBridge: retries" and
 * "EventBridge Scheduler" rows of ../shared/docs/aws-behaviour.md): after a failed attempt the event is retried
 * with exponential backoff and jitter until it succeeds, MaximumRetryAttempts retries have failed, or the next
 * retry would come after MaximumEventAgeInSeconds; then it goes to the target's dead-letter queue (or is
 * dropped without one). A non-retriable error (missing target, no permission) goes to the DLQ at once.
 */

export interface RetryPolicy {
  /** 60..86,400, default 86,400 (24 h). */
  readonly MaximumEventAgeInSeconds: number;
  /** 0..185, default 185. */
  readonly MaximumRetryAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 };

/**
 * The backoff curve. AWS does not publish it, so all three are assumptions: retry n waits
 * min(capMs, baseMs * 2^(n-1)) scaled by (1 - jitter + jitter * u), u uniform in [0, 1). jitter 1 is "full
 * jitter", 0.5 "equal jitter", 0 none. With the defaults (1 s, 980 s, full jitter) the 185 retries span 23.96 h
 * on average, so the two default limits end an always-failing event's retries at about the same time.
 */
export interface Backoff {
  readonly baseMs: number;
  readonly capMs: number;
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 1_000, capMs: 980_000, jitter: 1 };

/** Problems with a RetryPolicy, each naming the property; empty when it is valid. */
export function retryPolicyProblems(p: Partial<RetryPolicy>, path = 'RetryPolicy'): string[] {
  const problems: string[] = [];
  const check = (name: keyof RetryPolicy, lo: number, hi: number) => {
    const v = p[name];
    if (v !== undefined && !(Number.isInteger(v) && v >= lo && v <= hi))
      problems.push(`${path}.${name}: must be a whole number ${lo}..${hi.toLocaleString('en-US')}, not ${JSON.stringify(v)}`);
  };
  check('MaximumEventAgeInSeconds', 60, 86_400);
  check('MaximumRetryAttempts', 0, 185);
  return problems;
}

/** The wait before retry number `retry` (1 = the first retry), in ms. */
export function retryDelayMs(retry: number, backoff: Backoff, random: Random): number {
  const exponent = Math.min(retry - 1, 52);
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** exponent);
  return ceiling * (1 - backoff.jitter + backoff.jitter * random.next());
}

export type DeadLetterReason = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds' | 'NonRetriable';

export type RetryDecision =
  | { readonly retryAt: number }
  | { readonly deadLetter: DeadLetterReason };

/**
 * What happens after attempt number `attempt` (1 = the first delivery) failed at `failedAt`, for an event
 * EventBridge received at `ingestedAt` (all ms). A dead-lettered event goes to the DLQ at `failedAt`: AWS
 * does not say when, and waiting for a retry that will not happen would only delay it.
 */
export function afterFailure(
  policy: RetryPolicy,
  attempt: number,
  ingestedAt: number,
  failedAt: number,
  random: Random,
  backoff: Backoff = DEFAULT_BACKOFF,
  retriable = true,
): RetryDecision {
  if (!retriable) return { deadLetter: 'NonRetriable' };
  if (attempt > policy.MaximumRetryAttempts) return { deadLetter: 'MaximumRetryAttempts' };
  const retryAt = failedAt + retryDelayMs(attempt, backoff, random);
  if (retryAt - ingestedAt > policy.MaximumEventAgeInSeconds * 1000) return { deadLetter: 'MaximumEventAgeInSeconds' };
  return { retryAt };
}

export interface AttemptTimeline {
  /** When each attempt started (ms). */
  readonly attempts: number[];
  readonly deadLetterAt: number;
  readonly reason: DeadLetterReason;
}

/**
 * The attempts of an event whose every attempt fails after `attemptMs`: what a rule with an always-failing
 * target does, for tests and for explaining the policy in the inspector.
 */
export function failingTimeline(
  policy: RetryPolicy,
  ingestedAt: number,
  firstAttemptAt: number,
  random: Random,
  backoff: Backoff = DEFAULT_BACKOFF,
  attemptMs = 0,
): AttemptTimeline {
  const attempts = [firstAttemptAt];
  for (;;) {
    const failedAt = attempts[attempts.length - 1] + attemptMs;
    const decision = afterFailure(policy, attempts.length, ingestedAt, failedAt, random, backoff);
    if ('deadLetter' in decision) return { attempts, deadLetterAt: failedAt, reason: decision.deadLetter };
    attempts.push(decision.retryAt);
  }
}
