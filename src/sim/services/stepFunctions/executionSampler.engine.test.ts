import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing.ts';
import { ExecutionSampler } from './executionSampler.ts';
import type { Execution } from './asl/execution.ts';

const SM = 'AWS::StepFunctions::StateMachine';
const FN = 'AWS::Lambda::Function';
const constantMs = (valueMs: number) => ({ distribution: 'constant', valueMs });

/** Charge retries Lambda throttles after 2 s, then 4 s (IntervalSeconds 2, BackoffRate 2); aws-behaviour.md, Step Functions "Retry" row. */
const DEFINITION = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'Pay', 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 3 }],
      End: true,
    },
  },
};

/** Hog keeps Pay (reserved concurrency 1) busy for 5 s from its first request at 0 s; the first execution starts then too. */
function run(seed = 1) {
  return scenario({ durationSeconds: 30, seed })
    .node('Hog', 'Client', { pattern: 'constant', ratePerSecond: 0.05 })
    .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 0.05 })
    .node('Flow', SM, { Definition: DEFINITION })
    .node('Pay', FN, { ReservedConcurrentExecutions: 1, Timeout: 10 }, { duration: constantMs(5000), coldStartMs: constantMs(0) })
    .edge('Hog', 'Pay')
    .edge('Users', 'Flow')
    .edge('Flow', 'Pay')
    .run();
}

describe('Step Functions: sampled execution history', () => {
  it('records the retrying Task as the console shows it: failed, retried 2 s then 4 s later, succeeded', () => {
    const sim = run();
    const runs = sim.sampledRuns('Flow')!;
    const first = runs.find((r) => r.startMs === 0)!;
    expect(first.reason).toBe('first started in period 1');
    expect(first.status).toBe('SUCCEEDED');
    expect(first.stopMs).toBe(11_000);
    expect(first.events.map((e) => [e.timeMs, e.type, e.step ?? ''])).toEqual([
      [0, 'ExecutionStarted', ''],
      [0, 'TaskStateEntered', 'Charge'],
      [0, 'TaskScheduled', 'Charge'],
      [0, 'TaskStarted', 'Charge'],
      [0, 'TaskFailed', 'Charge'],
      [2000, 'TaskScheduled', 'Charge'],
      [2000, 'TaskStarted', 'Charge'],
      [2000, 'TaskFailed', 'Charge'],
      [6000, 'TaskScheduled', 'Charge'],
      [6000, 'TaskStarted', 'Charge'],
      [11_000, 'TaskSucceeded', 'Charge'],
      [11_000, 'TaskStateExited', 'Charge'],
      [11_000, 'ExecutionSucceeded', ''],
    ]);
    const failures = first.events.filter((e) => e.type === 'TaskFailed').map((e) => e.detail);
    expect(failures).toEqual([
      'Lambda.TooManyRequestsException: Rate exceeded (ReservedFunctionConcurrentInvocationLimitExceeded) · retry 1 in 2 s',
      'Lambda.TooManyRequestsException: Rate exceeded (ReservedFunctionConcurrentInvocationLimitExceeded) · retry 2 in 4 s',
    ]);
    expect(first.events.map((e) => e.id)).toEqual(first.events.map((_, i) => i + 1));
    expect(first.omitted).toBe(0);
  });

  it('is the same for the same seed', () => {
    expect(run(5).sampledRuns('Flow')).toEqual(run(5).sampledRuns('Flow'));
  });

  it('a node that keeps no samples answers null', () => {
    expect(run().sampledRuns('Pay')).toBeNull();
    expect(run().sampledRuns('Nobody')).toBeNull();
  });
});

describe('ExecutionSampler', () => {
  const execution = (status: Execution['status']) => ({ status, history: [], outcome: null }) as unknown as Execution;

  it('per period: the first started, and one candidate at a time until one fails; nothing else records', () => {
    const s = new ExecutionSampler();
    expect(s.wants(0)).toBe(true);
    const a = execution('RUNNING');
    s.started(0, a);
    // a is the period's first and the running candidate: the next start in period 0 records nothing.
    expect(s.wants(0)).toBe(false);
    a.status = 'SUCCEEDED';
    s.ended(a);
    expect(s.wants(0)).toBe(true);
    const b = execution('RUNNING');
    s.started(0, b);
    b.status = 'FAILED';
    s.ended(b);
    // Period 0 has its first and its failed sample: no more recording until period 1.
    expect(s.wants(0)).toBe(false);
    expect(s.wants(1)).toBe(true);
    expect(s.runs().map((r) => [r.reason, r.status])).toEqual([
      ['first to fail of the executions sampled one at a time in period 1', 'FAILED'],
      ['first started in period 1', 'SUCCEEDED'],
    ]);
  });

  it('keeps at most 12 samples, dropping the oldest finished one', () => {
    const s = new ExecutionSampler();
    const stuck = execution('RUNNING');
    s.started(0, stuck);
    for (let p = 1; p <= 20; p++) s.started(p, execution('SUCCEEDED'));
    const runs = s.runs();
    expect(runs).toHaveLength(12);
    expect(runs.at(-1)!.reason).toBe('first started in period 1');
    expect(runs[0].reason).toBe('first started in period 21');
  });
});
