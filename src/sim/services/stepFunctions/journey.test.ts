import { describe, expect, it } from 'vitest';
import type { Journey } from '../../core/journey.ts';
import { scenario } from '../../testing.ts';

const SM = 'AWS::StepFunctions::StateMachine';
const WAIT = { StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 2, Next: 'Done' }, Done: { Type: 'Succeed' } } };

/** Charge (a Lambda invoke retried on throttles, IntervalSeconds 1, BackoffRate 3), Pause (Wait 2 s), Save (DynamoDB PutItem). */
const ORDER = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'Fn', 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 1, BackoffRate: 3, MaxAttempts: 4 }],
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', Seconds: 2, Next: 'Save' },
    Save: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'Table', Item: { id: { S: '1' } } }, End: true },
  },
};

/** One execution at 0 s of `definition`, whose Task calls Fn, a function reserved at 0 (every invoke is throttled). */
function throttledJourney(definition: unknown, durationSeconds: number): Journey {
  const [j] = scenario({ durationSeconds })
    .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
    .node('Flow', SM, { Definition: definition })
    .node('Fn', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 0 })
    .edge('Users', 'Flow')
    .edge('Flow', 'Fn')
    .run()
    .journeys();
  return j;
}

/**
 * Busy's request at 0 holds the function's only environment until 2.8 s (Init 300 ms, 2.5 s run); Users starts
 * an execution at 1 s whose Charge is throttled at 1 s and 2 s, then invoked at 5 s (retries 1 and 3 s apart).
 */
function orderJourney(seed = 1): Journey {
  const sim = scenario({ durationSeconds: 60, seed })
    .node('Busy', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
    .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, startSeconds: 1, stopSeconds: 2 })
    .node('Flow', SM, { Definition: ORDER, StateMachineType: 'EXPRESS' })
    .node('Fn', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 1 }, { duration: 2500, coldStartMs: 300 })
    .node('Table', 'AWS::DynamoDB::Table', {}, { latency: 5 })
    .edge('Busy', 'Fn')
    .edge('Users', 'Flow', { properties: { operation: 'StartSyncExecution' } })
    .edge('Flow', 'Fn')
    .edge('Flow', 'Table', { properties: { operation: 'PutItem' } })
    .run();
  return sim.journeys().find((j) => j.source === 'Users')!;
}

const rows = (j: Journey) => j.hops.map((h) => [h.nodeId, h.kind, h.label, h.startMs, h.endMs]);

describe('journeys through a state machine', () => {
  it('a request enters with StartExecution; its execution spans its states, a Wait state waits', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Flow', SM, { Definition: WAIT })
      .edge('Users', 'Flow')
      .run();
    const [j] = sim.journeys();
    expect(j.hops.filter((h) => h.nodeId === 'Flow').map((h) => [h.kind, h.label, h.startMs, h.endMs, h.detail])).toEqual([
      ['span', 'execution-1', 0, 2000, 'SUCCEEDED'],
      ['wait', 'Wait Pause', 0, 2000, undefined],
      ['event', 'Succeed Done', 2000, 2000, undefined],
    ]);
  });

  it('behind an API, the request as its source sent it comes first (its answer, StartExecution being asynchronous, comes long before the execution ends), then the API accepting it, then the execution', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Api', 'AWS::ApiGateway::RestApi', {}, { overheadMs: 10 })
      .node('Flow', SM, { Definition: WAIT })
      .edge('Users', 'Api')
      .edge('Api', 'Flow')
      .run();
    const [j] = sim.journeys();
    expect(j.hops.slice(0, 4).map((h) => [h.nodeId, h.kind, h.label, h.startMs, h.endMs])).toEqual([
      ['Users', 'span', 'request, until the answer', 0, 10],
      ['Api', 'event', 'accepted', 0, 0],
      ['Flow', 'span', 'execution-1', 0, 2000],
      ['Flow', 'wait', 'Wait Pause', 0, 2000],
    ]);
  });

  it('a throttled Lambda Task shows the 429, each Retry delay (IntervalSeconds x BackoffRate^(n-1)) and the invoke; a DynamoDB Task its write (aws-behaviour Step Functions "Task", "Retry")', () => {
    const j = orderJourney();
    expect(rows(j)).toEqual([
      ['Users', 'span', 'request, until the answer', 1000, 9505],
      ['Flow', 'span', 'execution-2', 1000, 9505],
      ['Flow', 'span', 'Task Charge', 1000, 7500],
      ['Fn', 'throttle', '429 TooManyRequestsException', 1000, 1000],
      ['Flow', 'retry', 'Charge: retry 1 of 4 waits', 1000, 2000],
      ['Fn', 'throttle', '429 TooManyRequestsException', 2000, 2000],
      ['Flow', 'retry', 'Charge: retry 2 of 4 waits', 2000, 5000],
      ['Fn', 'work', 'runs', 5000, 7500],
      ['Flow', 'wait', 'Wait Pause', 7500, 9500],
      ['Flow', 'span', 'Task Save', 9500, 9505],
      ['Table', 'work', 'write', 9500, 9505],
    ]);
    const retries = j.hops.filter((h) => h.kind === 'retry').map((h) => h.detail);
    expect(retries).toEqual([
      'after Lambda.TooManyRequestsException: IntervalSeconds 1 x BackoffRate 3^0 = 1 s',
      'after Lambda.TooManyRequestsException: IntervalSeconds 1 x BackoffRate 3^1 = 3 s',
    ]);
    expect(j.hops.find((h) => h.label === 'runs')?.detail).toBe('Ok · warm environment');
    expect(j.hops.find((h) => h.label === 'write')?.detail).toMatch(/^1 WCU · partition \d+$/);
    expect(j.failure).toBeUndefined();
    expect(orderJourney()).toEqual(j);
  });

  it('states that take no time keep their order with the Task after them at the same instant: Choice, Pass, then the Task and its write', () => {
    const definition = {
      StartAt: 'Large order?',
      States: {
        'Large order?': { Type: 'Choice', Choices: [{ Variable: '$.n', IsPresent: true, Next: 'Review' }], Default: 'Review' },
        Review: { Type: 'Pass', Next: 'Save' },
        Save: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'Table', Item: { id: { S: '1' } } }, End: true },
      },
    };
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Flow', SM, { Definition: definition })
      .node('Table', 'AWS::DynamoDB::Table', {}, { latency: 5 })
      .edge('Users', 'Flow')
      .edge('Flow', 'Table', { properties: { operation: 'PutItem' } })
      .run();
    const [j] = sim.journeys();
    expect(rows(j).filter((r) => r[0] !== 'Users')).toEqual([
      ['Flow', 'span', 'execution-1', 0, 5],
      ['Flow', 'event', 'Choice Large order?', 0, 0],
      ['Flow', 'event', 'Pass Review', 0, 0],
      ['Flow', 'span', 'Task Save', 0, 5],
      ['Table', 'work', 'write', 0, 5],
    ]);
  });

  it('a Task whose retries run out is caught; the execution goes on in the catcher\'s state (aws-behaviour Step Functions "Catch")', () => {
    const definition = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'Fn' },
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 1 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Refund' }],
          End: true,
        },
        Refund: { Type: 'Pass', End: true },
      },
    };
    const j = throttledJourney(definition, 30);
    expect(j.hops.filter((h) => h.nodeId !== 'Users').map((h) => [h.nodeId, h.kind, h.label, h.startMs, h.endMs, h.detail ?? '', h.error ?? false])).toEqual([
      ['Flow', 'span', 'execution-1', 0, 2000, 'SUCCEEDED', false],
      ['Flow', 'span', 'Task Charge', 0, 2000, 'caught Lambda.TooManyRequestsException (Catch)', true],
      ['Fn', 'throttle', '429 TooManyRequestsException', 0, 0, 'ReservedFunctionConcurrentInvocationLimitExceeded', false],
      ['Flow', 'retry', 'Charge: retry 1 of 1 waits', 0, 2000, 'after Lambda.TooManyRequestsException: IntervalSeconds 2 x BackoffRate 2^0 = 2 s', false],
      ['Fn', 'throttle', '429 TooManyRequestsException', 2000, 2000, 'ReservedFunctionConcurrentInvocationLimitExceeded', false],
      ['Flow', 'event', 'Pass Refund', 2000, 2000, '', false],
    ]);
    expect(j.failure).toBeUndefined();
  });

  it('an execution that fails marks its journey failed', () => {
    const definition = { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'Fn' }, End: true } } };
    const j = throttledJourney(definition, 10);
    expect(j.hops.find((h) => h.label === 'Task Charge')).toMatchObject({ kind: 'span', detail: 'failed: Lambda.TooManyRequestsException', error: true });
    expect(j.failure).toBe('execution-1 of Flow ended FAILED: Lambda.TooManyRequestsException');
  });
});
