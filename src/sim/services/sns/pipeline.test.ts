import { describe, expect, it } from 'vitest';
import { formatProblem, validateScenario } from '../../../scenario/index.ts';
import { scenario, sum } from '../../testing.ts';

describe('SNS in a whole scenario (real engine, registry kinds)', () => {
  it('fans two clients out to SQS queues through a filter policy', () => {
    const sim = scenario({ durationSeconds: 60 })
      .node('Orders', 'Client', { pattern: 'constant', ratePerSecond: 10, stopSeconds: 50 }, { attributes: { type: 'order', total: 150 } })
      .node('Refunds', 'Client', { pattern: 'constant', ratePerSecond: 5, stopSeconds: 50 }, { attributes: { type: 'refund', total: 20 } })
      .node('Events', 'AWS::SNS::Topic')
      .node('Everything', 'AWS::SQS::Queue')
      .node('RefundQueue', 'AWS::SQS::Queue')
      .node('BigSpend', 'AWS::SQS::Queue')
      .edge('Orders', 'Events')
      .edge('Refunds', 'Events')
      .edge('Events', 'Everything')
      .edge('Events', 'RefundQueue', { properties: { FilterPolicy: { type: ['refund'] } } })
      .edge('Events', 'BigSpend', { properties: { FilterPolicy: { total: [{ numeric: ['>', 100] }], type: [{ 'anything-but': 'refund' }] } } })
      .run();
    expect(sum(sim, 'Events', 'NumberOfMessagesPublished')).toBe(750);
    expect(sum(sim, 'Everything', 'NumberOfMessagesSent')).toBe(750);
    expect(sum(sim, 'RefundQueue', 'NumberOfMessagesSent')).toBe(250);
    expect(sum(sim, 'BigSpend', 'NumberOfMessagesSent')).toBe(500);
    expect(sum(sim, 'Events', 'NumberOfNotificationsDelivered')).toBe(1500);
    expect(sum(sim, 'Events', 'NumberOfNotificationsFilteredOut')).toBe(750);
    expect(sum(sim, 'Events', 'Cost')).toBeCloseTo(750 * 0.5e-6, 9);
  });

  it('a bad filter policy is refused with its place', () => {
    const build = () =>
      scenario()
        .node('Events', 'AWS::SNS::Topic')
        .node('Q', 'AWS::SQS::Queue')
        .edge('Events', 'Q', { properties: { FilterPolicy: { total: [{ numeric: ['>'] }] } } });
    expect(build).toThrow('Events->Q.properties.FilterPolicy: at total[0].numeric: must be ["=", n]');
  });

  it('invokes Lambda subscribers asynchronously, one invocation per matching publish', () => {
    const sim = scenario({ durationSeconds: 30 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 20, stopSeconds: 20 })
      .node('Events', 'AWS::SNS::Topic')
      .node('Audit', 'AWS::Lambda::Function', {}, { duration: 50 })
      .edge('Users', 'Events')
      .edge('Events', 'Audit')
      .run();
    expect(sum(sim, 'Events', 'NumberOfNotificationsDelivered')).toBe(400);
    expect(sum(sim, 'Audit', 'Invocations')).toBe(400);
    expect(sum(sim, 'Users', 'Succeeded')).toBe(400);
  });

  it('the scenario validator refuses a standard queue on a FIFO topic', () => {
    const doc = {
      format: 'serverless-playground/scenario',
      version: 1,
      name: 'fifo',
      nodes: [
        { id: 'Events', type: 'AWS::SNS::Topic', properties: { FifoTopic: true } },
        { id: 'Plain', type: 'AWS::SQS::Queue' },
        { id: 'Ordered', type: 'AWS::SQS::Queue', properties: { FifoQueue: true } },
      ],
      edges: [
        { from: 'Events', to: 'Plain', role: 'subscription' },
        { from: 'Events', to: 'Ordered', role: 'subscription' },
      ],
    };
    const checked = validateScenario(doc);
    if (checked.ok) throw new Error('expected the scenario to be refused');
    expect(checked.problems.map(formatProblem)).toEqual([
      'edges[0]: FIFO topic "Events" can only deliver to SQS FIFO queues; "Plain" is a standard queue',
    ]);
  });
});
