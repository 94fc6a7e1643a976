/** Step Functions prices and quotas, us-east-1 (docs/aws-behaviour.md, Step Functions rows). */
export const stepFunctionsPrices = {
  /** Standard: per state transition ($0.025 per 1,000; retries are transitions). */
  standardTransition: 0.025 / 1000,
  /** Express: per request ($1.00 per 1M). */
  expressRequest: 1 / 1e6,
  /** Express: per GB-second, first 1,000 hours ("Express" row). */
  expressGBSecond: 0.00001667,
} as const;

/** "throttles (us-east-1, Standard)" row: token buckets as [burst, refill per second]. */
export const START_EXECUTION_BUCKET = { STANDARD: [1300, 300], EXPRESS: [6000, 6000] } as const;
export const STATE_TRANSITION_BUCKET = [5000, 1500] as const;

/** Express duration is billed rounded up to 100 ms, memory in 64 MB steps ("Express" row). */
export function expressDurationCost(durationMs: number, memoryMB: number): number {
  const seconds = (Math.ceil(durationMs / 100) * 100) / 1000;
  const gb = (Math.ceil(memoryMB / 64) * 64) / 1024;
  return seconds * gb * stepFunctionsPrices.expressGBSecond;
}
