import { describe, expect, it } from 'vitest';
import { scenario, sum } from '../../testing.ts';
import { compileInput, inputProblem } from './input.ts';
import { buildEnvelope } from './envelope.ts';

const BUS = 'AWS::Events::EventBus';
const QUEUE = 'AWS::SQS::Queue';

describe('EventBridge rules route events by pattern (a scenario)', () => {
  it('sends order events to three consumers: placed, large placed orders, and everything but placed', () => {
    const sim = scenario({ durationSeconds: 60, seed: 7 })
      .node('Shop', 'Client', { pattern: 'constant', ratePerSecond: 50 }, {
        body: { 'detail-type': { oneOf: ['OrderPlaced', 'OrderShipped', 'OrderCancelled'] }, 'detail.total': { uniform: [1, 200] } },
      })
      .node('Orders', BUS, {}, { deliveryLatency: { distribution: 'constant', valueMs: 0 } })
      .node('Billing', QUEUE)
      .node('Fraud', QUEUE)
      .node('Notifications', QUEUE)
      .edge('Shop', 'Orders', { properties: { Source: 'shop.orders' } })
      .edge('Orders', 'Billing', { properties: { EventPattern: { source: ['shop.orders'], 'detail-type': ['OrderPlaced'] } } })
      .edge('Orders', 'Fraud', { properties: { EventPattern: { 'detail-type': ['OrderPlaced'], detail: { total: [{ numeric: ['>=', 150] }] } } } })
      .edge('Orders', 'Notifications', { properties: { EventPattern: { 'detail-type': [{ 'anything-but': 'OrderPlaced' }] } } })
      .run();
    const requests = sum(sim, 'Shop', 'Requests');
    expect(requests).toBe(3000);
    const placed = sum(sim, 'Billing', 'NumberOfMessagesSent');
    const fraud = sum(sim, 'Fraud', 'NumberOfMessagesSent');
    const others = sum(sim, 'Notifications', 'NumberOfMessagesSent');
    // Every event goes to Billing or to Notifications, never both; Fraud gets about a quarter of the placed orders.
    expect(placed + others).toBe(requests);
    expect(placed / requests).toBeGreaterThan(0.28);
    expect(placed / requests).toBeLessThan(0.39);
    expect(fraud / placed).toBeGreaterThan(0.18);
    expect(fraud / placed).toBeLessThan(0.33);
    expect(sum(sim, 'Orders', 'MatchedEvents')).toBe(requests);
    expect(sum(sim, 'Orders', 'TriggeredRules')).toBe(placed + fraud + others);
    expect(sum(sim, 'Orders', 'Invocations')).toBe(placed + fraud + others);
    expect(sum(sim, 'Orders', 'FailedInvocations')).toBe(0);
  });

  it('puts events on a Kinesis stream and starts Step Functions executions (rule targets)', () => {
    const definition = { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } };
    const sim = scenario({ durationSeconds: 20 })
      .node('Shop', 'Client', { pattern: 'constant', ratePerSecond: 10, stopSeconds: 10 })
      .node('Orders', BUS, {}, { deliveryLatency: { distribution: 'constant', valueMs: 0 } })
      .node('Clicks', 'AWS::Kinesis::Stream')
      .node('Flow', 'AWS::StepFunctions::StateMachine', { Definition: definition })
      .edge('Shop', 'Orders', { properties: { Source: 'shop.orders' } })
      .edge('Orders', 'Clicks', { properties: { EventPattern: { source: ['shop.orders'] } } })
      .edge('Orders', 'Flow', { properties: { EventPattern: { source: ['shop.orders'] } } })
      .run();
    expect(sum(sim, 'Clicks', 'IncomingRecords')).toBe(100);
    expect(sum(sim, 'Flow', 'ExecutionsStarted')).toBe(100);
    expect(sum(sim, 'Flow', 'ExecutionsSucceeded')).toBe(100);
    expect(sum(sim, 'Orders', 'FailedInvocations')).toBe(0);
  });

  it('a disabled rule matches nothing, and an event no rule wants is not counted as matched', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Shop', 'Client', { pattern: 'constant', ratePerSecond: 10 })
      .node('Orders', BUS)
      .node('Q', QUEUE)
      .node('Off', QUEUE)
      .edge('Shop', 'Orders', { properties: { Source: 'shop.orders' } })
      .edge('Orders', 'Q', { properties: { EventPattern: { source: ['somewhere.else'] } } })
      .edge('Orders', 'Off', { properties: { EventPattern: { source: ['shop.orders'] }, State: 'DISABLED' } })
      .run();
    expect(sum(sim, 'Orders', 'PutEventsApproximateCallCount')).toBe(100);
    expect(sum(sim, 'Orders', 'MatchedEvents')).toBe(0);
    expect(sum(sim, 'Q', 'NumberOfMessagesSent')).toBe(0);
    expect(sum(sim, 'Off', 'NumberOfMessagesSent')).toBe(0);
  });

  it('takes PutEvents from a function\'s SDK call and Lambda destination records', () => {
    const sim = scenario({ durationSeconds: 30 })
      .node('Shop', 'Client', { pattern: 'constant', ratePerSecond: 10, stopSeconds: 10 }, { body: { total: { uniform: [1, 10] } } })
      .node('Publisher', 'AWS::Lambda::Function', {}, { duration: 20, coldStartMs: 0 })
      .node('Failing', 'AWS::Lambda::Function', { MaximumRetryAttempts: 0 }, { duration: 20, coldStartMs: 0, errorRate: 1 })
      .node('Orders', BUS)
      .node('Placed', QUEUE)
      .node('Failures', QUEUE)
      .edge('Shop', 'Publisher')
      .edge('Publisher', 'Orders', { properties: { Source: 'shop.orders', DetailType: 'OrderPlaced' } })
      .edge('Orders', 'Placed', { properties: { EventPattern: { source: ['shop.orders'], detail: { total: [{ exists: true }] } } } })
      .edge('Orders', 'Failing', { properties: { EventPattern: { source: ['shop.orders'] } } })
      .edge('Failing', 'Orders', { role: 'onFailure' })
      .edge('Orders', 'Failures', { properties: { EventPattern: { source: ['lambda'], 'detail-type': ['Lambda Function Invocation Result - Failure'] } } })
      .run();
    expect(sum(sim, 'Publisher', 'Invocations')).toBe(100);
    expect(sum(sim, 'Placed', 'NumberOfMessagesSent')).toBe(100);
    expect(sum(sim, 'Failing', 'Errors')).toBe(100);
    expect(sum(sim, 'Failures', 'NumberOfMessagesSent')).toBe(100);
    // Only the PutEvents calls are billed, not the destination records.
    expect(sum(sim, 'Orders', 'Cost')).toBeCloseTo(100 / 1e6, 12);
  });

  it('refuses a rule edge whose pattern does not compile, naming the place in the pattern', () => {
    expect(() =>
      scenario()
        .node('Orders', BUS)
        .node('Q', QUEUE)
        .edge('Orders', 'Q', { properties: { EventPattern: { detail: { total: [{ numeric: ['>>', 1] }] } } } }),
    ).toThrow(/EventPattern\.detail\.total\[0\]\.numeric/);
    expect(() => scenario().node('Orders', BUS).node('Q', QUEUE).edge('Orders', 'Q')).toThrow(/needs an EventPattern .* or a ScheduleExpression/);
    expect(() =>
      scenario().node('Orders', BUS).node('Q', QUEUE).edge('Orders', 'Q', { properties: { ScheduleExpression: 'cron(0 12 * * * *)' } }),
    ).toThrow(/ScheduleExpression: .*must be \?/);
  });
});

describe('the event envelope and target input', () => {
  const event = buildEnvelope({ source: 'shop', 'detail-type': 'OrderPlaced', detail: { orderId: 'o-1', total: 12.5 } }, { Source: 'x', DetailType: 'y' }, 9, Date.parse('2026-01-05T10:00:00Z'));

  it('builds the envelope from the body, or takes the whole body as the detail', () => {
    expect(event).toMatchObject({ version: '0', id: 'event-9', source: 'shop', 'detail-type': 'OrderPlaced', account: '123456789012', region: 'us-east-1', time: '2026-01-05T10:00:00Z', resources: [] });
    expect(buildEnvelope({ total: 3 }, { Source: 'app', DetailType: 'T' }, 1, 0)).toMatchObject({ source: 'app', 'detail-type': 'T', detail: { total: 3 } });
    expect(buildEnvelope(undefined, { Source: 'app', DetailType: 'T' }, 1, 0).detail).toEqual({});
  });

  it('sends the event, a constant, the part at InputPath, or a transformed input', () => {
    expect(compileInput({})(event)).toBe(event);
    expect(compileInput({ Input: '{"job":"nightly"}' })(event)).toEqual({ job: 'nightly' });
    expect(compileInput({ InputPath: '$.detail' })(event)).toEqual({ orderId: 'o-1', total: 12.5 });
    expect(compileInput({ InputPath: '$.detail.missing' })(event)).toBeNull();
    const t = compileInput({ InputTransformer: { InputPathsMap: { id: '$.detail.orderId', total: '$.detail.total' }, InputTemplate: '{"order": "<id>", "amount": <total>}' } });
    expect(t(event)).toEqual({ order: 'o-1', amount: 12.5 });
    const text = compileInput({ InputTransformer: { InputPathsMap: { id: '$.detail.orderId' }, InputTemplate: 'Order <id> was placed' } });
    expect(text(event)).toBe('Order "o-1" was placed');
  });

  it('names what is wrong with input settings', () => {
    expect(inputProblem({ Input: '{nope' })).toEqual(['Input', 'must be valid JSON text, e.g. {"job": "nightly"}']);
    expect(inputProblem({ InputPath: 'detail.x' })?.[0]).toBe('InputPath');
    expect(inputProblem({ InputTransformer: { InputPathsMap: { a: '$.x' }, InputTemplate: '<b>' } })).toEqual(['InputTransformer.InputTemplate', '<b> is not a name of InputPathsMap (a)']);
    expect(inputProblem({ InputTransformer: { InputPathsMap: { a: 'x' }, InputTemplate: '<a>' } })?.[0]).toBe('InputTransformer.InputPathsMap.a');
  });
});
