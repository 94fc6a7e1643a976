import { describe, expect, it } from 'vitest';
import { scenario, sum } from '../../testing.ts';

describe('DynamoDB in a whole scenario (real engine, registry kinds)', () => {
  it('answers every call once: API Gateway turns each throttle into a 5XX, the table serves exactly its RCU', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 100 }, { keys: { distribution: 'zipf', count: 1000, exponent: 1 } })
      .node('Api', 'AWS::ApiGateway::RestApi')
      .node('Orders', 'AWS::DynamoDB::Table', { ProvisionedThroughput: { ReadCapacityUnits: 20, WriteCapacityUnits: 5 } }, { burstSeconds: 0 })
      .edge('Users', 'Api')
      .edge('Api', 'Orders')
      .run();
    const requests = sum(sim, 'Users', 'Requests');
    const consumed = sum(sim, 'Orders', 'ConsumedReadCapacityUnits');
    const throttles = sum(sim, 'Orders', 'ReadThrottleEvents');
    // GetItem, eventually consistent, 1 KB: half an RCU; 20 RCU/s serve exactly 40 reads a second.
    expect(consumed).toBe(0.5 * (requests - throttles));
    expect(consumed).toBe(200);
    expect(sum(sim, 'Api', '5XXError')).toBe(throttles);
    expect(sum(sim, 'Users', 'Succeeded') + sum(sim, 'Users', 'Failed')).toBe(requests);
    expect(sum(sim, 'Orders', 'Cost')).toBeCloseTo((10 / 3600) * (20 * 0.00013 + 5 * 0.00065), 6);
  });
});
