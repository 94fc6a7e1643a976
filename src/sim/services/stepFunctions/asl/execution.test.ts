import { describe, expect, it } from 'vitest';
import { echoAfter, runToEnd, TestHost, type TaskHandler } from './testHost.ts';
import type { AslMachine } from './types.ts';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:Worker';
const machine = (m: unknown) => m as AslMachine;

const failWith = (error: string, cause: string, ms = 50): TaskHandler => (_r, cb, host) => host.after(ms, () => cb.fail(error, cause));

describe('Catch', () => {
  it('routes to Next with the error output put at ResultPath', async () => {
    const host = new TestHost(failWith('OrderError', 'out of stock'));
    const { result } = await runToEnd(machine({
      StartAt: 'Order',
      States: {
        Order: { Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['Other'], Next: 'Wrong' }, { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Handle' }], End: true },
        Wrong: { Type: 'Fail', Error: 'WrongCatcher' },
        Handle: { Type: 'Pass', End: true },
      },
    }), { orderId: 7 }, host);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ orderId: 7, error: { Error: 'OrderError', Cause: 'out of stock' } });
  });

  it('without ResultPath the error output replaces the input; an uncaught error fails the execution', async () => {
    const caught = await runToEnd(machine({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'P' }], End: true }, P: { Type: 'Pass', End: true } },
    }), { a: 1 }, new TestHost(failWith('E', 'c')));
    expect(caught.result.output).toEqual({ Error: 'E', Cause: 'c' });

    const uncaught = await runToEnd(machine({ StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } }), {}, new TestHost(failWith('E', 'c')));
    expect(uncaught.result).toMatchObject({ status: 'FAILED', error: 'E', cause: 'c', stopMs: 50 });
  });
});

describe('Task timeouts', () => {
  it('TimeoutSeconds fails the task with States.Timeout, which States.TaskFailed does not catch', async () => {
    let cancelled = 0;
    const never: TaskHandler = () => ({ cancel: () => { cancelled++; } });
    const { result } = await runToEnd(machine({
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 10, Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'No' }, { ErrorEquals: ['States.Timeout'], Next: 'Yes' }], End: true },
        No: { Type: 'Fail' },
        Yes: { Type: 'Succeed' },
      },
    }), {}, new TestHost(never));
    expect(result).toMatchObject({ status: 'SUCCEEDED', stopMs: 10_000, output: { Error: 'States.Timeout' } });
    expect(cancelled).toBe(1);
  });

  it('HeartbeatSeconds fails with States.HeartbeatTimeout when heartbeats stop', async () => {
    const beats: TaskHandler = (_r, cb, host) => {
      host.after(3000, () => cb.heartbeat());
      host.after(6000, () => cb.heartbeat());
      host.after(60_000, () => cb.succeed('late'));
    };
    const { result } = await runToEnd(machine({
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', HeartbeatSeconds: 5, TimeoutSeconds: 100, Parameters: { FunctionName: 'F' }, End: true } },
    }), {}, new TestHost(beats));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout', stopMs: 11_000 });
  });

  it('.waitForTaskToken hands the token to the host and resumes when it is sent back', async () => {
    const callback: TaskHandler = (req, cb, host) => {
      expect((req.input as { token: string }).token).toBe(req.taskToken);
      host.after(42_000, () => cb.succeed({ approved: true }));
    };
    const host = new TestHost(callback);
    const { result } = await runToEnd(machine({
      StartAt: 'Ask',
      States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/1/Approvals', 'token.$': '$$.Task.Token' }, ResultPath: '$.answer', End: true } },
    }), { id: 1 }, host);
    expect(result).toMatchObject({ status: 'SUCCEEDED', stopMs: 42_000, output: { id: 1, answer: { approved: true } } });
    expect(host.calls[0].request).toMatchObject({ target: 'Approvals', integration: { service: 'sqs', action: 'sendMessage', pattern: 'waitForTaskToken' } });
    expect(host.calls[0].request.taskToken).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('Map', () => {
  function concurrencyProbe(ms: number) {
    const probe = { running: 0, max: 0 };
    const handler: TaskHandler = (req, cb, host) => {
      probe.running++;
      probe.max = Math.max(probe.max, probe.running);
      host.after(ms, () => {
        probe.running--;
        cb.succeed({ doubled: (req.input as { n: number }).n * 2 });
      });
    };
    return { probe, handler };
  }
  const mapOf = (max: number | undefined) => machine({
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map', ItemsPath: '$.items', MaxConcurrency: max, ItemSelector: { 'n.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index' },
        ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Double', States: { Double: { Type: 'Task', Resource: LAMBDA, End: true } } },
        ResultSelector: { 'values.$': '$[*].doubled' }, End: true,
      },
    },
  });

  it('never runs more iterations than MaxConcurrency and keeps results in item order', async () => {
    const { probe, handler } = concurrencyProbe(1000);
    const items = Array.from({ length: 10 }, (_, i) => i + 1);
    const { result } = await runToEnd(mapOf(3), { items }, new TestHost(handler));
    expect(probe.max).toBe(3);
    expect(result.stopMs).toBe(4000);
    expect(result.output).toEqual({ values: items.map((n) => n * 2) });
  });

  it('MaxConcurrency 0 runs about 40 at a time, as AWS does', async () => {
    const { probe, handler } = concurrencyProbe(10);
    const { result } = await runToEnd(mapOf(0), { items: Array.from({ length: 100 }, (_, i) => i) }, new TestHost(handler));
    expect(probe.max).toBe(40);
    expect(result.status).toBe('SUCCEEDED');
  });

  it('fails beyond ToleratedFailureCount with States.ExceedToleratedFailureThreshold, and tolerates up to it', async () => {
    const failOdd: TaskHandler = (req, cb, host) => host.after(10, () => ((req.input as number) % 2 ? cb.fail('Odd', JSON.stringify(req.input)) : cb.succeed(req.input)));
    const withTolerance = (count: number) => machine({
      StartAt: 'M',
      States: { M: { Type: 'Map', ToleratedFailureCount: count, MaxConcurrency: 1, ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, End: true } } }, End: true } },
    });
    const over = await runToEnd(withTolerance(1), [0, 1, 2, 3, 4], new TestHost(failOdd));
    expect(over.result).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold', stopMs: 40 });
    const within = await runToEnd(withTolerance(2), [0, 1, 2, 3, 4], new TestHost(failOdd));
    expect(within.result.output).toEqual([0, { Error: 'Odd', Cause: '1' }, 2, { Error: 'Odd', Cause: '3' }, 4]);
  });
});

describe('Parallel', () => {
  it('fails as soon as a branch fails, stops the other branch, and Catch sees the branch error', async () => {
    let cancelled = 0;
    const slowAware: TaskHandler = (req, cb, host) => {
      if (req.target === 'Slow') {
        const timer = host.after(60_000, () => cb.succeed('slow done'));
        return { cancel: () => { cancelled++; timer.cancel(); } };
      }
      return host.after(1000, () => cb.fail('PaymentDeclined', 'card'));
    };
    const { result } = await runToEnd(machine({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:Slow', End: true } } },
            { StartAt: 'F', States: { F: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:Fast', End: true } } },
          ],
          Catch: [{ ErrorEquals: ['States.BranchFailed'], ResultPath: '$.failure', Next: 'Compensate' }],
          End: true,
        },
        Compensate: { Type: 'Pass', End: true },
      },
    }), { order: 1 }, new TestHost(slowAware));
    expect(result).toMatchObject({ status: 'SUCCEEDED', stopMs: 1000, output: { order: 1, failure: { Error: 'PaymentDeclined', Cause: 'card' } } });
    expect(cancelled).toBe(1);
  });

  it('outputs the branch results in branch order', async () => {
    const { result } = await runToEnd(machine({
      StartAt: 'P',
      States: { P: { Type: 'Parallel', End: true, Branches: [
        { StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 5, Next: 'A2' }, A2: { Type: 'Pass', Result: 'a', End: true } } },
        { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
      ] } },
    }), {}, new TestHost());
    expect(result).toMatchObject({ output: ['a', 'b'], stopMs: 5000 });
  });
});

describe('Wait, Choice, limits', () => {
  it('Wait reads Seconds, SecondsPath, Timestamp and TimestampPath on the simulated clock', async () => {
    const epochMs = Date.UTC(2026, 0, 1);
    const { result, execution } = await runToEnd(machine({
      StartAt: 'W1',
      States: {
        W1: { Type: 'Wait', Seconds: 10, Next: 'W2' },
        W2: { Type: 'Wait', SecondsPath: '$.delay', Next: 'W3' },
        W3: { Type: 'Wait', Timestamp: '2026-01-01T00:01:00Z', Next: 'W4' },
        W4: { Type: 'Wait', TimestampPath: '$.until', Next: 'Past' },
        Past: { Type: 'Wait', Timestamp: '2025-01-01T00:00:00Z', End: true },
      },
    }), { delay: 20, until: '2026-01-01T01:00:00Z' }, new TestHost(), { epochMs, recordHistory: true });
    expect(result.stopMs).toBe(3600_000);
    expect(execution.history!.filter((e) => e.type === 'WaitStateExited').map((e) => e.timestamp)).toEqual([
      '2026-01-01T00:00:10.000Z', '2026-01-01T00:00:30.000Z', '2026-01-01T00:01:00.000Z', '2026-01-01T01:00:00.000Z', '2026-01-01T01:00:00.000Z',
    ]);
  });

  it('Choice picks the branch the body asks for, and fails with States.NoChoiceMatched without a Default', async () => {
    const route = machine({
      StartAt: 'Route',
      States: {
        Route: { Type: 'Choice', Choices: [
          { Variable: '$.body.kind', StringEquals: 'refund', Next: 'Refund' },
          { And: [{ Variable: '$.body.amount', NumericGreaterThan: 100 }, { Variable: '$.body.vip', BooleanEquals: true }], Next: 'Vip' },
        ] },
        Refund: { Type: 'Pass', Result: 'refund', End: true },
        Vip: { Type: 'Pass', Result: 'vip', End: true },
      },
    });
    expect((await runToEnd(route, { body: { kind: 'refund' } }, new TestHost())).result.output).toBe('refund');
    expect((await runToEnd(route, { body: { kind: 'buy', amount: 500, vip: true } }, new TestHost())).result.output).toBe('vip');
    expect((await runToEnd(route, { body: { kind: 'buy', amount: 5, vip: true } }, new TestHost())).result).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('an output over 256 KB fails with States.DataLimitExceeded, which States.ALL does not catch', async () => {
    const { result } = await runToEnd(machine({
      StartAt: 'Big',
      States: { Big: { Type: 'Task', Resource: LAMBDA, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], End: true }, Caught: { Type: 'Succeed' } },
    }), {}, new TestHost((_r, cb, host) => host.after(1, () => cb.succeed('x'.repeat(300_000)))));
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it('a Standard execution fails at 25,000 history events; an Express one times out at 5 minutes', async () => {
    const loop = machine({
      StartAt: 'Tick',
      States: {
        Tick: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'Pause' },
        Pause: { Type: 'Wait', Seconds: 1, Next: 'Tick' },
      },
    });
    const standard = await runToEnd(loop, { n: 0 }, new TestHost());
    expect(standard.result).toMatchObject({ status: 'FAILED', error: 'States.Runtime', historyEventCount: 25_002 });
    // ExecutionStarted, then 4 events per loop of two states: the 25,001st (a Wait exited) is one too many.
    expect(standard.result.stateTransitions).toBe(12_500);
    const express = await runToEnd(loop, { n: 0 }, new TestHost(), { type: 'EXPRESS' });
    expect(express.result).toMatchObject({ status: 'TIMED_OUT', stopMs: 300_000 });
  });

  it('leaves no pending timers and keeps no history list unless asked', async () => {
    const host = new TestHost(echoAfter(5));
    const { result } = await runToEnd(machine({ StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, TimeoutSeconds: 60, End: true } } }), { a: 1 }, host);
    expect(result.history).toBeUndefined();
    expect(result.historyEventCount).toBe(7); // ExecutionStarted, TaskStateEntered, TaskScheduled, TaskStarted, TaskSucceeded, TaskStateExited, ExecutionSucceeded
    expect(host.pendingTimers).toBe(0);
  });
});
