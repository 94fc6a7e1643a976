import { describe, expect, it } from 'vitest';
import { Execution } from './execution.ts';
import type { ExecutionResult } from './types.ts';
import { echoAfter, runToEnd, TestHost } from './testHost.ts';
import type { AslMachine } from './types.ts';

const machine = (m: unknown) => m as AslMachine;

describe('variables, Fail paths, JSONata Map, abort', () => {
  it('a Map iteration reads outer variables; its assignments stay inside', async () => {
    const { result } = await runToEnd(machine({
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { rate: 3, tag: 'outer' }, Next: 'Each' },
        Each: {
          Type: 'Map', ItemsPath: '$.xs', Next: 'After',
          ItemProcessor: { StartAt: 'Mul', States: {
            Mul: { Type: 'Pass', Assign: { tag: 'inner' }, Parameters: { 'v.$': 'States.Format(\'{}x{}\', $, $rate)' }, Next: 'Read' },
            Read: { Type: 'Pass', Parameters: { 'v.$': '$.v', 'tag.$': '$tag' }, End: true },
          } },
        },
        After: { Type: 'Pass', Parameters: { 'items.$': '$', 'tag.$': '$tag' }, End: true },
      },
    }), { xs: [1, 2] }, new TestHost());
    expect(result.output).toEqual({ items: [{ v: '1x3', tag: 'inner' }, { v: '2x3', tag: 'inner' }], tag: 'outer' });
  });

  it('Fail takes its Error and Cause from ErrorPath and CausePath', async () => {
    const { result } = await runToEnd(machine({
      StartAt: 'F',
      States: { F: { Type: 'Fail', ErrorPath: '$.code', CausePath: "States.Format('order {} rejected', $.id)" } },
    }), { code: 'Rejected', id: 42 }, new TestHost());
    expect(result).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'order 42 rejected' });
  });

  it('a JSONata Map takes Items and ItemSelector expressions with $states.context.Map.Item', async () => {
    const host = new TestHost(echoAfter(10));
    const { result } = await runToEnd(machine({
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map', Items: '{% $states.input.orders[total > 10] %}', MaxConcurrency: 2,
          ItemSelector: { id: '{% $states.context.Map.Item.Value.id %}', position: '{% $states.context.Map.Item.Index %}' },
          ItemProcessor: { StartAt: 'Ship', States: { Ship: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'Ship', Payload: '{% $states.input %}' }, Output: '{% $states.result.Payload %}', End: true } } },
          Output: '{% $states.result.id %}', End: true,
        },
      },
    }), { orders: [{ id: 'a', total: 5 }, { id: 'b', total: 50 }, { id: 'c', total: 20 }] }, host);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: ['b', 'c'] });
    expect(host.calls.map((c) => c.request.input)).toEqual([
      { FunctionName: 'Ship', Payload: { id: 'b', position: 0 } },
      { FunctionName: 'Ship', Payload: { id: 'c', position: 1 } },
    ]);
  });

  it('abort ends a running execution as ABORTED and stops its task', async () => {
    let cancelled = false;
    const host = new TestHost(() => ({ cancel: () => { cancelled = true; } }));
    const execution = new Execution(machine({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:F', End: true } } }), host);
    let result: ExecutionResult | undefined;
    execution.start({}, (r) => { result = r; });
    host.after(5000, () => execution.abort('user'));
    await host.run();
    expect(result).toMatchObject({ status: 'ABORTED', stopMs: 5000, cause: 'user' });
    expect(cancelled).toBe(true);
  });

  it('an input over 256 KB fails the execution with States.DataLimitExceeded', async () => {
    const { result } = await runToEnd(machine({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }), { big: 'x'.repeat(300_000) }, new TestHost());
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });
});

describe('long synchronous chains', () => {
  it('a loop of 5,000 Pass/Choice rounds without a Wait finishes at time 0 without overflowing the stack', async () => {
    const { result } = await runToEnd(machine({
      StartAt: 'Inc',
      States: {
        Inc: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'Done?' },
        'Done?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThanEquals: 5000, Next: 'End' }], Default: 'Inc' },
        End: { Type: 'Succeed' },
      },
    }), { n: 0 }, new TestHost(), { type: 'EXPRESS' });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { n: 5000 }, stopMs: 0, stateTransitions: 10_001 });
  });

  it('a loop that never waits is stopped with States.Runtime instead of hanging', async () => {
    const { result } = await runToEnd(machine({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } },
    }), {}, new TestHost(), { type: 'EXPRESS' });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime', stopMs: 0 });
    expect(result.cause).toMatch(/without the clock moving/);
  });
});
