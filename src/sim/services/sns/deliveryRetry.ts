/**
 * SNS's delivery policy for AWS-managed endpoints (SQS, Lambda), docs/aws-behaviour.md "SNS: retries to SQS /
 * Lambda": after a failed attempt, 3 immediate retries, 2 retries 1 s apart, 10 retries backing off
 * exponentially from 1 s to 20 s, then 100,000 retries 20 s apart: 100,015 retries over about 23 days.
 * AWS does not publish the exact backoff curve; the 10 backoff delays here grow geometrically from 1 s to 20 s.
 */
export const SNS_IMMEDIATE_RETRIES = 3;
export const SNS_PRE_BACKOFF_RETRIES = 2;
export const SNS_BACKOFF_RETRIES = 10;
export const SNS_POST_BACKOFF_RETRIES = 100_000;
export const SNS_TOTAL_RETRIES = SNS_IMMEDIATE_RETRIES + SNS_PRE_BACKOFF_RETRIES + SNS_BACKOFF_RETRIES + SNS_POST_BACKOFF_RETRIES;

const MIN_DELAY_MS = 1000;
const MAX_DELAY_MS = 20_000;

/** Delay (ms) before retry number `n` (1 = the first retry after the first failed attempt). */
export function snsRetryDelayMs(n: number): number {
  if (n <= SNS_IMMEDIATE_RETRIES) return 0;
  n -= SNS_IMMEDIATE_RETRIES;
  if (n <= SNS_PRE_BACKOFF_RETRIES) return MIN_DELAY_MS;
  n -= SNS_PRE_BACKOFF_RETRIES;
  if (n <= SNS_BACKOFF_RETRIES) return MIN_DELAY_MS * Math.pow(MAX_DELAY_MS / MIN_DELAY_MS, (n - 1) / (SNS_BACKOFF_RETRIES - 1));
  return MAX_DELAY_MS;
}
