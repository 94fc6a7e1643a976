import type { SimContext } from '../../core/model.ts';
import { TokenBucket } from '../../core/tokenBucket.ts';

/**
 * Concurrency state shared by all functions of the account (docs/aws-behaviour.md, Lambda "account
 * concurrency", "reserved concurrency", "provisioned concurrency"): reservations are carved out of the
 * account limit, provisioned concurrency of functions without a reservation too, and the rest is the
 * unreserved pool every other function draws its on-demand executions from.
 */
export interface LambdaAccount {
  /** Sum of ReservedConcurrentExecutions over all functions. */
  reservedTotal: number;
  /** Sum of provisioned concurrency of functions without a reservation. */
  provisionedUnreserved: number;
  /** On-demand executions running on the unreserved pool. */
  unreservedInUse: number;
  /** Legacy scaling rule: the account-wide burst, refilled at 500 per minute. */
  legacyScaling: TokenBucket;
  /**
   * Synchronous request rate of every function without reserved concurrency: one bucket of 10 x the account
   * concurrency, shared (Lambda "request rate (synchronous)").
   */
  unreservedRate: TokenBucket;
}

/** Synchronous invocation requests per second allowed per unit of concurrency limit (Lambda "request rate"). */
export const REQUESTS_PER_CONCURRENCY = 10;

export function lambdaAccount(ctx: SimContext): LambdaAccount {
  return ctx.shared('lambda.account', () => ({
    reservedTotal: 0,
    provisionedUnreserved: 0,
    unreservedInUse: 0,
    legacyScaling: new TokenBucket(ctx.settings.lambdaLegacyBurst, 500 / 60),
    unreservedRate: new TokenBucket(
      REQUESTS_PER_CONCURRENCY * ctx.settings.lambdaAccountConcurrency,
      REQUESTS_PER_CONCURRENCY * ctx.settings.lambdaAccountConcurrency,
    ),
  }));
}

/** Size of the unreserved pool (never negative). */
export function unreservedCapacity(acc: LambdaAccount, accountConcurrency: number): number {
  const c = accountConcurrency - acc.reservedTotal - acc.provisionedUnreserved;
  return c > 0 ? c : 0;
}

/** Current scaling rule: per function, 1,000 new environments per 10 s, refilled continuously, no accumulation. */
export function functionScalingBucket(): TokenBucket {
  return new TokenBucket(1000, 100);
}
