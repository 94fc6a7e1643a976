import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing.ts';

describe('journeys through an EventBridge bus', () => {
  it('an event enters with PutEvents and leaves by each matching rule to its target', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Shop', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 }, { body: { 'detail-type': 'OrderPlaced' } })
      .node('Orders', 'AWS::Events::EventBus', {}, { deliveryLatency: { distribution: 'constant', valueMs: 50 } })
      .node('Billing', 'AWS::SQS::Queue')
      .node('Returns', 'AWS::SQS::Queue')
      .edge('Shop', 'Orders', { properties: { Source: 'shop.orders' } })
      .edge('Orders', 'Billing', { properties: { EventPattern: { 'detail-type': ['OrderPlaced'] } } })
      .edge('Orders', 'Returns', { properties: { EventPattern: { 'detail-type': ['OrderReturned'] } } })
      .run();
    const [j] = sim.journeys();
    expect(j.hops.filter((h) => h.kind !== 'span').map((h) => [h.nodeId, h.label, h.startMs, h.endMs])).toEqual([
      ['Orders', 'PutEvents', 0, 0],
      ['Orders', 'rule to Billing', 0, 50],
      ['Billing', 'SendMessage', 50, 50],
    ]);
  });
});
