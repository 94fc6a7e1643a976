import type { ReplyInfo } from '../../core/model.ts';

/**
 * Why Lambda answered 429 TooManyRequestsException. The first four are AWS's own Reason values; AWS gives
 * the scaling-rate limit no distinct reason, so the simulation names it ScalingRateLimitExceeded.
 */
export const THROTTLE_REASONS = [
  /** Reserved concurrency is 0 or fully in use (docs/aws-behaviour.md, Lambda "reserved concurrency"). */
  'ReservedFunctionConcurrentInvocationLimitExceeded',
  /** The account's unreserved pool is fully in use (Lambda "account concurrency"). */
  'ConcurrentInvocationLimitExceeded',
  /** Synchronous requests above 10 x the reserved concurrency per second (Lambda "request rate (synchronous)"). */
  'ReservedFunctionInvocationRateLimitExceeded',
  /** Synchronous requests of unreserved functions above the account's shared 10 x account concurrency per second. */
  'FunctionInvocationRateLimitExceeded',
  /** No new environment may be created yet (Lambda "scaling rate"): the simulation's name. */
  'ScalingRateLimitExceeded',
] as const;
export type ThrottleReason = (typeof THROTTLE_REASONS)[number];

export const R_RESERVED = 0;
export const R_ACCOUNT = 1;
export const R_RESERVED_RATE = 2;
export const R_FUNCTION_RATE = 3;
export const R_SCALING = 4;

/** ReplyInfo per reason, allocated once. */
export const THROTTLE_INFO: readonly ReplyInfo[] = THROTTLE_REASONS.map((reason) => Object.freeze({ reason }));

/** The per-reason counter: `Throttles:<Reason>`. */
export const throttleMetricName = (reason: ThrottleReason) => `Throttles:${reason}`;
