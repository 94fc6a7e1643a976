import { describe, expect, it } from 'vitest';
import { Random } from '../../../core/random.ts';
import { StatesError, errorNameMatches } from './errors.ts';
import { RetryCounts, retryDelayMs } from './retry.ts';
import type { AslMachine, TaskCallbacks, TaskRequest } from './types.ts';
import { runToEnd, TestHost, type TaskHandler } from './testHost.ts';

/** A task that fails with the given errors in turn, then succeeds; every attempt takes `ms`. */
function failingThen(errors: string[], ms = 100): TaskHandler {
  let attempt = 0;
  return (_req: TaskRequest, cb: TaskCallbacks, host: TestHost) => {
    const error = errors[attempt++];
    return host.after(ms, () => (error ? cb.fail(error, `attempt ${attempt}`) : cb.succeed({ ok: true })));
  };
}

function oneTask(retry: unknown[], extra: Record<string, unknown> = {}): AslMachine {
  return {
    StartAt: 'Work',
    States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Worker', Retry: retry, End: true, ...extra } },
  } as AslMachine;
}

describe('retry timing (aws-behaviour.md, Retry row)', () => {
  it('a task failing twice with IntervalSeconds 2, BackoffRate 2 succeeds 2 + 4 s after the first failure plus task durations', async () => {
    const host = new TestHost(failingThen(['Boom', 'Boom']));
    const retried: number[] = [];
    const { result } = await runToEnd(oneTask([{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, BackoffRate: 2 }]), {}, host, {
      listener: { stateRetried: (_s, _e, delay) => retried.push(delay) },
    });
    expect(result.status).toBe('SUCCEEDED');
    expect(host.calls.map((c) => c.startedAt)).toEqual([0, 100 + 2000, 2200 + 4000]);
    expect(result.stopMs).toBe(100 + 2000 + 100 + 4000 + 100);
    expect(retried).toEqual([2000, 4000]);
    expect(result.stateTransitions).toBe(3);
    expect(host.calls.map((c) => c.request.attempt)).toEqual([0, 1, 2]);
  });

  it('MaxDelaySeconds caps the backoff', async () => {
    const host = new TestHost(failingThen(['Boom', 'Boom', 'Boom'], 0));
    const retrier = { ErrorEquals: ['Boom'], IntervalSeconds: 2, BackoffRate: 10, MaxDelaySeconds: 5, MaxAttempts: 3 };
    const { result } = await runToEnd(oneTask([retrier]), {}, host);
    expect(host.calls.map((c) => c.startedAt)).toEqual([0, 2000, 7000, 12000]);
    expect(result.status).toBe('SUCCEEDED');
    expect([1, 2, 3].map((n) => retryDelayMs(retrier, n))).toEqual([2000, 5000, 5000]);
  });

  it('FULL jitter draws uniformly between 0 and the capped delay', () => {
    const random = new Random(7, 'jitter');
    const retrier = { ErrorEquals: ['States.ALL'], IntervalSeconds: 3, BackoffRate: 2, MaxAttempts: 1, JitterStrategy: 'FULL' as const };
    const draws: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const decision = new RetryCounts().decide([retrier], new StatesError('X', ''), random);
      if (!decision.retry) throw new Error('expected a retry');
      draws.push(decision.delayMs);
    }
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThanOrEqual(3000);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(1450);
    expect(mean).toBeLessThan(1550);
    expect(draws.filter((d) => d < 300).length / draws.length).toBeCloseTo(0.1, 1);
  });

  it('FULL jitter in an execution waits no longer than the un-jittered delay', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const host = new TestHost(failingThen(['Boom', 'Boom'], 0), seed);
      await runToEnd(oneTask([{ ErrorEquals: ['Boom'], IntervalSeconds: 4, JitterStrategy: 'FULL' }]), {}, host);
      const [first, second, third] = host.calls.map((c) => c.startedAt);
      expect(second - first).toBeLessThanOrEqual(4000);
      expect(third - second).toBeLessThanOrEqual(8000);
    }
  });

  it('MaxAttempts 0 never retries', async () => {
    const host = new TestHost(failingThen(['Boom']));
    const { result } = await runToEnd(oneTask([{ ErrorEquals: ['Boom'], MaxAttempts: 0 }]), {}, host);
    expect(host.calls).toHaveLength(1);
    expect(result).toMatchObject({ status: 'FAILED', error: 'Boom' });
  });

  it('the first matching retrier decides, and each keeps its own count', async () => {
    const retry = [
      { ErrorEquals: ['A'], MaxAttempts: 1, IntervalSeconds: 1 },
      { ErrorEquals: ['States.ALL'], MaxAttempts: 2, IntervalSeconds: 10, BackoffRate: 1 },
    ];
    const mixed = new TestHost(failingThen(['B', 'A', 'B'], 0));
    const ok = await runToEnd(oneTask(retry), {}, mixed);
    expect(ok.result.status).toBe('SUCCEEDED');
    expect(mixed.calls.map((c) => c.startedAt)).toEqual([0, 10_000, 11_000, 21_000]);

    // A second A exhausts the first retrier; States.ALL further down is not consulted.
    const twice = new TestHost(failingThen(['A', 'A'], 0));
    const failed = await runToEnd(oneTask(retry), {}, twice);
    expect(failed.result).toMatchObject({ status: 'FAILED', error: 'A' });
    expect(twice.calls).toHaveLength(2);
  });
});

describe('error names (aws-behaviour.md, error names row)', () => {
  const err = (name: string) => new StatesError(name, '');
  it.each([
    ['States.ALL', 'Lambda.ServiceException', true],
    ['States.ALL', 'States.Timeout', true],
    ['States.ALL', 'States.Runtime', false],
    ['States.ALL', 'States.DataLimitExceeded', false],
    ['States.TaskFailed', 'MyError', true],
    ['States.TaskFailed', 'States.Timeout', false],
    ['States.TaskFailed', 'States.HeartbeatTimeout', false],
    ['States.Timeout', 'States.HeartbeatTimeout', true],
    ['States.Timeout', 'MyError', false],
    ['States.HeartbeatTimeout', 'States.Timeout', false],
    ['Lambda.TooManyRequestsException', 'Lambda.TooManyRequestsException', true],
    ['States.BranchFailed', 'MyError', false],
  ])('%s matches %s: %s', (pattern, name, expected) => {
    expect(errorNameMatches(pattern, err(name))).toBe(expected);
  });

  it('States.BranchFailed matches an error that left a branch', () => {
    const branchError = err('MyError');
    branchError.fromBranch = true;
    expect(errorNameMatches('States.BranchFailed', branchError)).toBe(true);
  });
});
