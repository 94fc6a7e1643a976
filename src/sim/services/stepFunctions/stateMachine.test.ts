import { describe, expect, it } from 'vitest';
import { loadedModels } from '../registry.ts';
import { scenario, sum, total } from '../../testing.ts';
import { stepFunctionsKind } from './kind.ts';

const SM = 'AWS::StepFunctions::StateMachine';
const FN = 'AWS::Lambda::Function';
const TABLE = 'AWS::DynamoDB::Table';
const constantMs = (valueMs: number) => ({ distribution: 'constant', valueMs });

/** Charge (a Lambda task with AWS's recommended Retry), then a Choice on the amount, then a PutItem. */
const ORDER = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${ChargeFunction}', 'Payload.$': '$' },
      ResultSelector: { 'amount.$': '$.Payload.amount' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 3 }],
      Next: 'Big?',
    },
    'Big?': { Type: 'Choice', Choices: [{ Variable: '$.amount', NumericGreaterThan: 50, Next: 'Save' }], Default: 'Small' },
    Save: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'Orders', Item: { 'amount.$': '$.amount' } }, End: true },
    Small: { Type: 'Succeed' },
  },
};

describe('Step Functions: executions through the engine', () => {
  it('runs each started execution through Lambda, the Choice and DynamoDB, counting states as AWS names them', () => {
    const sim = scenario({ durationSeconds: 20 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 10 }, { body: { amount: { oneOf: [10, 90] } } })
      .node('Workflow', SM, { Definition: ORDER, DefinitionSubstitutions: { ChargeFunction: 'Charge' } })
      .node('Charge', FN, {}, { duration: constantMs(100), coldStartMs: constantMs(0) })
      .node('Orders', TABLE)
      .edge('Users', 'Workflow')
      .edge('Workflow', 'Charge')
      .edge('Workflow', 'Orders', { properties: { operation: 'PutItem' } })
      .run();
    const n = (m: string) => sum(sim, 'Workflow', m);
    const started = n('ExecutionsStarted');
    // The request sent at the very end is still on its way.
    expect(started).toBeGreaterThanOrEqual(sum(sim, 'Users', 'Requests') - 1);
    // Each takes 100 ms of function time plus DynamoDB's latency: only the last one is still running at the end.
    expect(n('ExecutionsSucceeded')).toBeGreaterThanOrEqual(started - 2);
    expect(n('ExecutionsFailed')).toBe(0);
    expect(sum(sim, 'Charge', 'Invocations')).toBe(n('ExecutionsSucceeded'));
    // The body's amount is 10 or 90 with equal weights: the Choice splits them.
    expect(n('State:Save:Entered') + n('State:Small:Entered')).toBe(n('ExecutionsSucceeded'));
    expect(n('State:Save:Entered')).toBeGreaterThan(started * 0.3);
    expect(n('State:Small:Entered')).toBeGreaterThan(started * 0.3);
    expect(sum(sim, 'Orders', 'ConsumedWriteCapacityUnits')).toBeGreaterThanOrEqual(n('State:Save:Entered'));
    expect(total(sim, 'Workflow', 'ExecutionTime').Minimum).toBeGreaterThanOrEqual(100);
    // Standard bills 3 transitions per execution (Charge, Big?, Save or Small).
    expect(n('Cost')).toBeCloseTo(n('ExecutionsSucceeded') * 3 * 0.000025, 9);
  });

  it('retries a throttled Lambda task after 2, 4 and 8 s, then fails with Lambda.TooManyRequestsException', () => {
    // Reserved concurrency 0: every invoke is throttled at once, so an execution lasts exactly the retry delays.
    const sim = scenario({ durationSeconds: 60 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 0.1 })
      .node('Workflow', SM, { Definition: ORDER, DefinitionSubstitutions: { ChargeFunction: 'Charge' } })
      .node('Charge', FN, { ReservedConcurrentExecutions: 0 })
      .node('Orders', TABLE)
      .edge('Users', 'Workflow')
      .edge('Workflow', 'Charge')
      .edge('Workflow', 'Orders', { properties: { operation: 'PutItem' } })
      .run();
    const failed = sum(sim, 'Workflow', 'ExecutionsFailed');
    expect(failed).toBeGreaterThanOrEqual(4);
    const time = total(sim, 'Workflow', 'ExecutionTime');
    expect(time.Minimum).toBe(14_000);
    expect(time.Maximum).toBe(14_000);
    const retried = sum(sim, 'Workflow', 'State:Charge:Retried');
    expect(retried).toBeGreaterThanOrEqual(3 * failed);
    expect(retried).toBeLessThanOrEqual(3 * sum(sim, 'Workflow', 'ExecutionsStarted'));
    expect(sum(sim, 'Workflow', 'State:Charge:Failed')).toBe(failed);
    expect(sum(sim, 'Charge', 'Throttles')).toBe(sum(sim, 'Workflow', 'State:Charge:Retried') + failed);
  });

  it('routes a function error to a Catch with its ResultPath, and the Choice reads the error name', () => {
    const definition = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Charge',
          Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'Which?' }],
          End: true,
        },
        'Which?': { Type: 'Choice', Choices: [{ Variable: '$.failure.Error', StringEquals: 'Error', Next: 'Refund' }], Default: 'Broken' },
        Refund: { Type: 'Pass', End: true },
        Broken: { Type: 'Fail', Error: 'Unexpected' },
      },
    };
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 5 }, { body: { order: { sequence: 1 } } })
      .node('Workflow', SM, { Definition: definition })
      .node('Charge', FN, {}, { duration: constantMs(50), coldStartMs: constantMs(0), errorRate: 1 })
      .edge('Users', 'Workflow')
      .edge('Workflow', 'Charge')
      .run();
    const n = (m: string) => sum(sim, 'Workflow', m);
    expect(n('ExecutionsSucceeded')).toBeGreaterThanOrEqual(n('ExecutionsStarted') - 1);
    expect(n('State:Charge:Caught')).toBe(n('ExecutionsSucceeded'));
    expect(n('State:Refund:Entered')).toBe(n('ExecutionsSucceeded'));
    expect(n('State:Broken:Entered')).toBe(0);
  });

  it('runs an inline Map at most MaxConcurrency iterations at a time through the function', () => {
    const definition = {
      StartAt: 'Items',
      States: {
        Items: { Type: 'Pass', Result: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ResultPath: '$.items', Next: 'Each' },
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 3,
          ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Worker', End: true } } },
          End: true,
        },
      },
    };
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 0.2 })
      .node('Workflow', SM, { Definition: definition })
      .node('Worker', FN, {}, { duration: constantMs(100), coldStartMs: constantMs(0) })
      .edge('Users', 'Workflow')
      .edge('Workflow', 'Worker')
      .run();
    expect(sum(sim, 'Workflow', 'ExecutionsSucceeded')).toBe(1);
    expect(sum(sim, 'Worker', 'Invocations')).toBe(10);
    expect(total(sim, 'Worker', 'ConcurrentExecutions').Maximum).toBe(3);
    // Ten items three at a time: four rounds of 100 ms.
    expect(total(sim, 'Workflow', 'ExecutionTime').Minimum).toBeCloseTo(400, 0);
  });

  it('refuses StartExecution above the Standard token bucket (1,300 burst, 300 per second)', () => {
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1000 })
      .node('Workflow', SM, { Definition: pass })
      .edge('Users', 'Workflow')
      .run();
    const requests = sum(sim, 'Users', 'Requests');
    // The bucket starts full and refills 300 a second: 1,300 + 300 x 10 s accepted while demand exceeds it.
    const accepted = sum(sim, 'Workflow', 'ExecutionsStarted');
    expect(Math.abs(accepted - (1300 + 300 * 10))).toBeLessThanOrEqual(2);
    expect(sum(sim, 'Workflow', 'ExecutionThrottled')).toBe(requests - accepted);
    // 1,000 transitions a second stay within the StateTransition bucket (1,500 per second).
    expect(sum(sim, 'Workflow', 'ThrottledEvents')).toBe(0);
    // StartExecution is an API call the client waits for: a refused one is its ThrottlingException, seen at once.
    expect(sum(sim, 'Users', 'Throttled')).toBe(requests - accepted);
    expect(sum(sim, 'Users', 'Succeeded')).toBe(accepted);
    expect(total(sim, 'Users', 'Latency').Maximum).toBe(0);
  });

  it("a function's StartExecution refused by the bucket is retried by its SDK, and fails the invocation after three attempts", () => {
    const pass = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1000 }, {})
      .node('Starter', FN, { ReservedConcurrentExecutions: 900 }, { duration: constantMs(10), coldStartMs: constantMs(0) })
      .node('Workflow', SM, { Definition: pass })
      .edge('Users', 'Starter', { role: 'invoke', properties: { InvocationType: 'Event' } })
      .edge('Starter', 'Workflow', { role: 'call', properties: { operation: 'StartExecution' } })
      .run();
    expect(sum(sim, 'Workflow', 'ExecutionThrottled')).toBeGreaterThan(1000);
    expect(sum(sim, 'Starter', 'SdkCallRetries')).toBeGreaterThan(1000);
    expect(sum(sim, 'Starter', 'SdkCallFailures')).toBeGreaterThan(0);
    expect(sum(sim, 'Starter', 'Errors')).toBe(sum(sim, 'Starter', 'SdkCallFailures'));
  });

  it('the StartExecution and StateTransition buckets are the account\'s: two machines share them', () => {
    const passes = (n: number) => ({
      StartAt: 'S1',
      States: Object.fromEntries(Array.from({ length: n }, (_, i) => [`S${i + 1}`, i + 1 < n ? { Type: 'Pass', Next: `S${i + 2}` } : { Type: 'Pass', End: true }])),
    });
    /** `machines` Standard machines, each started by its own client at `rate` a second. */
    const run = (machines: number, rate: number, states: number) => {
      const b = scenario({ durationSeconds: 30 });
      for (let i = 1; i <= machines; i++) {
        b.node(`Users${i}`, 'Client', { pattern: 'constant', ratePerSecond: rate }).node(`W${i}`, SM, { Definition: passes(states) }).edge(`Users${i}`, `W${i}`);
      }
      const sim = b.run();
      const of = (metric: string) => Array.from({ length: machines }, (_, i) => sum(sim, `W${i + 1}`, metric)).reduce((a, v) => a + v, 0);
      return { refused: of('ExecutionThrottled'), events: of('ThrottledEvents') };
    };
    // StartExecution, 1,300 burst and 300/s: one machine at 250/s fits; two take 500/s of the account's 300.
    expect(run(1, 250, 1).refused).toBe(0);
    const two = run(2, 250, 1).refused;
    expect(two).toBeGreaterThan(200 * 30 - 1300 - 200);
    expect(two).toBeLessThan(200 * 30 - 1300 + 200);
    // StateTransition, 5,000 burst and 1,500/s: 140 starts/s through 6 states is 840/s alone; two ask 1,680/s,
    // 180/s past the refill for 30 s, less the burst: about 400 throttled transitions.
    expect(run(1, 140, 6).events).toBe(0);
    const events = run(2, 140, 6).events;
    expect(events).toBeGreaterThan(250);
    expect(events).toBeLessThan(550);
  });

  it('answers StartSyncExecution of an Express machine when the workflow ends, billed per request and 100 ms', () => {
    const wait = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } };
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 2 })
      .node('Workflow', SM, { Definition: wait, StateMachineType: 'EXPRESS' })
      .edge('Users', 'Workflow', { properties: { operation: 'StartSyncExecution' } })
      .run();
    const done = sum(sim, 'Workflow', 'ExecutionsSucceeded');
    expect(sum(sim, 'Users', 'Succeeded')).toBe(done);
    expect(total(sim, 'Users', 'Latency').Minimum).toBeGreaterThanOrEqual(1000);
    // $1 per 1M requests, plus 1 s x 64 MB (0.0625 GB) x $0.00001667 per GB-s.
    expect(sum(sim, 'Workflow', 'Cost')).toBeCloseTo(sum(sim, 'Workflow', 'ExecutionsStarted') * 1e-6 + done * 0.0625 * 0.00001667, 6);
  });

  it('fails a Task whose target has no call edge, and says so on the node', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1 })
      .node('Workflow', SM, { Definition: ORDER, DefinitionSubstitutions: { ChargeFunction: 'Charge' } })
      .edge('Users', 'Workflow')
      .run();
    expect(sum(sim, 'Workflow', 'ExecutionsFailed')).toBe(sum(sim, 'Workflow', 'ExecutionsStarted'));
    expect(sim.warnings.join('\n')).toMatch(/Task Charge calls Charge, which has no call edge/);
  });
});

describe('Step Functions: the definition checked at load', () => {
  const check = (properties: Record<string, unknown>) =>
    stepFunctionsKind.check!({ id: 'W', type: SM, properties: stepFunctionsKind.properties.parse(properties), behaviour: {} });

  it('names the state and the field of each problem', () => {
    const bad = structuredClone(ORDER);
    bad.States.Charge.Retry[0].BackoffRate = 0.5;
    expect(check({ Definition: bad })).toContainEqual(['properties.Definition.States.Charge.Retry[0].BackoffRate', expect.stringMatching(/>= 1/)]);
    expect(check({ Definition: '{"StartAt": ' })[0][0]).toBe('properties.Definition');
    expect(check({ Definition: JSON.stringify(ORDER) })).toEqual([]);
    const lost = { StartAt: 'A', States: { A: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Next: 'Nowhere' } } }], End: true } } };
    expect(check({ Definition: lost })).toEqual([['properties.Definition.States.A.Branches[0].States.B.Next', 'names "Nowhere", which is not a state of this machine']]);
  });

  it('flags a call edge whose operation is not the API the Task calls', () => {
    const from = { id: 'W', type: SM, properties: stepFunctionsKind.properties.parse({ Definition: ORDER }), behaviour: {} };
    const table = { id: 'Orders', type: TABLE, properties: {}, behaviour: {} };
    expect(stepFunctionsKind.checkConnection!(from, table, 'call', { operation: 'GetItem' })).toEqual([
      ['properties.operation', "is GetItem, but Task Save calls putItem on Orders: set the edge's operation to PutItem"],
    ]);
    expect(stepFunctionsKind.checkConnection!(from, table, 'call', { operation: 'PutItem' })).toEqual([]);
  });

  it('refuses JSONata explicitly rather than skipping it', () => {
    const jsonata = { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input %}', End: true } } };
    expect(check({ Definition: jsonata })).toEqual([['properties.Definition.QueryLanguage', expect.stringMatching(/JSONata states are not simulated yet/)]]);
  });

  it('refuses .waitForTaskToken on Express', () => {
    const callback = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { QueueUrl: 'Q', 'MessageBody.$': '$$.Task.Token' }, End: true } } };
    expect(check({ Definition: callback, StateMachineType: 'EXPRESS' }).map(([p]) => p)).toContain('properties.Definition.States.T.Resource');
    expect(check({ Definition: callback })).toEqual([]);
  });

  it('refuses to run what only asl-validator finds (the model loads it), naming the state', () => {
    const badPath = { StartAt: 'A', States: { A: { Type: 'Pass', InputPath: '$.a[', End: true } } };
    expect(check({ Definition: badPath })).toEqual([]);
    const build = scenario().node('Users', 'Client').node('W', SM, { Definition: badPath }).edge('Users', 'W');
    expect(() => build.run()).toThrow('W.properties.Definition: States.A.InputPath: must match format "asl_path"');
    expect(loadedModels().kind(SM).type).toBe(SM);
  });
});
