import { describe, expect, it } from 'vitest';
import { Random } from '../random.ts';
import { afterFailure, DEFAULT_BACKOFF, DEFAULT_RETRY_POLICY, failingTimeline, retryDelayMs, retryPolicyProblems } from './targetRetry.ts';

const NO_JITTER = { ...DEFAULT_BACKOFF, jitter: 0 };

describe('a target that always fails', () => {
  it('without jitter: retries after 1, 2, 4, 8, 16 s until the next would pass MaximumEventAgeInSeconds', () => {
    const t = failingTimeline({ MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 185 }, 0, 0, new Random(1, 'x'), NO_JITTER);
    expect(t.attempts).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000]);
    // The next retry would start at 63 s, past the 60 s age.
    expect(t).toMatchObject({ deadLetterAt: 31_000, reason: 'MaximumEventAgeInSeconds' });
  });
  it('attempt durations and the ingestion time count toward the age', () => {
    const t = failingTimeline({ MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 185 }, 0, 5_000, new Random(1, 'x'), NO_JITTER, 2_000);
    expect(t.attempts).toEqual([5_000, 8_000, 12_000, 18_000, 28_000, 46_000]);
    expect(t).toMatchObject({ deadLetterAt: 48_000, reason: 'MaximumEventAgeInSeconds' });
  });
  it('MaximumRetryAttempts 0: one attempt, then the DLQ', () => {
    const t = failingTimeline({ ...DEFAULT_RETRY_POLICY, MaximumRetryAttempts: 0 }, 0, 100, new Random(1, 'x'));
    expect(t).toEqual({ attempts: [100], deadLetterAt: 100, reason: 'MaximumRetryAttempts' });
  });
  it('MaximumRetryAttempts 3: four attempts', () => {
    const t = failingTimeline({ ...DEFAULT_RETRY_POLICY, MaximumRetryAttempts: 3 }, 0, 0, new Random(1, 'x'), NO_JITTER);
    expect(t).toEqual({ attempts: [0, 1_000, 3_000, 7_000], deadLetterAt: 7_000, reason: 'MaximumRetryAttempts' });
  });
  it('the defaults: up to 186 attempts over at most 24 h, each wait within its exponential ceiling', () => {
    const reasons = { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 0, NonRetriable: 0 };
    for (let e = 0; e < 100; e++) {
      const t = failingTimeline(DEFAULT_RETRY_POLICY, 0, 0, new Random(7, `event-${e}`));
      reasons[t.reason]++;
      expect(t.attempts.length).toBeLessThanOrEqual(186);
      expect(t.attempts[t.attempts.length - 1]).toBeLessThanOrEqual(86_400_000);
      for (let i = 1; i < t.attempts.length; i++) {
        const wait = t.attempts[i] - t.attempts[i - 1];
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(Math.min(980_000, 1_000 * 2 ** (i - 1)));
      }
      if (t.reason === 'MaximumRetryAttempts') expect(t.attempts).toHaveLength(186);
    }
    // The default curve is tuned so that both limits end retries about equally often.
    expect(reasons.MaximumRetryAttempts).toBeGreaterThan(20);
    expect(reasons.MaximumEventAgeInSeconds).toBeGreaterThan(20);
  });
  it('185 default waits add up to about 24 hours on average', () => {
    const random = new Random(3, 'curve');
    let total = 0;
    const runs = 200;
    for (let r = 0; r < runs; r++) for (let n = 1; n <= 185; n++) total += retryDelayMs(n, DEFAULT_BACKOFF, random);
    expect(total / runs / 3_600_000).toBeCloseTo(23.96, 0);
  });
});

describe('afterFailure', () => {
  it('a non-retriable error goes straight to the DLQ', () => {
    expect(afterFailure(DEFAULT_RETRY_POLICY, 1, 0, 0, new Random(1, 'x'), DEFAULT_BACKOFF, false)).toEqual({ deadLetter: 'NonRetriable' });
  });
  it('a retry that lands exactly at the age limit still happens', () => {
    const policy = { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 185 };
    expect(afterFailure(policy, 1, 0, 59_000, new Random(1, 'x'), NO_JITTER)).toEqual({ retryAt: 60_000 });
    expect(afterFailure(policy, 1, 0, 59_001, new Random(1, 'x'), NO_JITTER)).toEqual({ deadLetter: 'MaximumEventAgeInSeconds' });
  });
});

describe('RetryPolicy validation', () => {
  it.each([
    [{ MaximumEventAgeInSeconds: 59 }, ['RetryPolicy.MaximumEventAgeInSeconds: must be a whole number 60..86,400, not 59']],
    [{ MaximumEventAgeInSeconds: 86_401 }, ['RetryPolicy.MaximumEventAgeInSeconds: must be a whole number 60..86,400, not 86401']],
    [{ MaximumRetryAttempts: 186 }, ['RetryPolicy.MaximumRetryAttempts: must be a whole number 0..185, not 186']],
    [{ MaximumRetryAttempts: 1.5 }, ['RetryPolicy.MaximumRetryAttempts: must be a whole number 0..185, not 1.5']],
    [{ MaximumRetryAttempts: -1, MaximumEventAgeInSeconds: 0 }, [
      'RetryPolicy.MaximumEventAgeInSeconds: must be a whole number 60..86,400, not 0',
      'RetryPolicy.MaximumRetryAttempts: must be a whole number 0..185, not -1',
    ]],
    [{ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 }, []],
    [{}, []],
  ])('%j', (policy, problems) => {
    expect(retryPolicyProblems(policy)).toEqual(problems);
  });
});
