import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing.ts';

describe('journeys through SNS', () => {
  it('a publish shows a delivery per matching subscription and each filtered-out one (aws-behaviour SNS "fan-out")', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Orders', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 }, { attributes: { eventType: 'OrderPlaced' } })
      .node('Topic', 'AWS::SNS::Topic')
      .node('Shipping', 'AWS::SQS::Queue')
      .node('Refunds', 'AWS::SQS::Queue')
      .edge('Orders', 'Topic')
      .edge('Topic', 'Shipping', { properties: { FilterPolicy: { eventType: ['OrderPlaced'] } } })
      .edge('Topic', 'Refunds', { properties: { FilterPolicy: { eventType: ['OrderReturned'] } } })
      .run();
    const [j] = sim.journeys();
    const hops = j.hops.filter((h) => h.kind !== 'span').map((h) => `${h.nodeId} ${h.kind} ${h.label}`);
    expect(hops).toEqual(['Topic event Publish', 'Topic event filtered out for Refunds', 'Topic wait delivery to Shipping', 'Shipping event SendMessage']);
  });
});
