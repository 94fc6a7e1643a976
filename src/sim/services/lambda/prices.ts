/**
 * Lambda prices, us-east-1 (docs/aws-behaviour.md, Lambda "price"). The simulation applies no free tier
 * (1M requests + 400,000 GB-s a month): it is per account and month, not per scenario.
 */
export const lambdaPrices = {
  /** USD per request ($0.20 per 1M). */
  perRequest: 0.2 / 1_000_000,
  /** USD per GB-second by architecture. */
  perGBSecond: { x86_64: 0.0000166667, arm64: 0.0000133334 },
  /** Billing granularity, ms: duration (and, since Aug 2025, Init) is rounded up to it. */
  billingGranularityMs: 1,
} as const;

export type LambdaArchitecture = keyof typeof lambdaPrices.perGBSecond;

/** USD for one invocation of `billedMs` (init + duration) at `memoryMB`. */
export function lambdaInvocationCost(billedMs: number, memoryMB: number, arch: LambdaArchitecture): number {
  const ms = Math.ceil(billedMs / lambdaPrices.billingGranularityMs) * lambdaPrices.billingGranularityMs;
  return lambdaPrices.perRequest + (memoryMB / 1024) * (ms / 1000) * lambdaPrices.perGBSecond[arch];
}
