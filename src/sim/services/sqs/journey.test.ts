import { describe, expect, it } from 'vitest';
import type { Journey } from '../../core/journey.ts';
import { scenario } from '../../testing.ts';

/** One poison message into a queue with maxReceiveCount 3 and a DLQ, read by a function (examples/poison-message-dlq.json in small). */
function poisonJourney(): Journey {
  const sim = scenario({ durationSeconds: 120 })
    .node('Payments', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 }, { poisonRate: 1 })
    .node('Queue', 'AWS::SQS::Queue', { VisibilityTimeout: 20, RedrivePolicy: { maxReceiveCount: 3 } })
    .node('DLQ', 'AWS::SQS::Queue')
    .node('Charge', 'AWS::Lambda::Function', { Timeout: 3 }, { duration: 100 })
    .edge('Payments', 'Queue')
    .edge('Queue', 'Charge', { properties: { BatchSize: 1 } })
    .edge('Queue', 'DLQ')
    .run();
  const journeys = sim.journeys();
  expect(journeys).toHaveLength(1);
  return journeys[0];
}

describe('journeys through SQS', () => {
  it('a poison message shows exactly maxReceiveCount receives one visibility timeout apart, then the DLQ (aws-behaviour SQS "visibility timeout", "redrive")', () => {
    const j = poisonJourney();
    const receives = j.hops.filter((h) => h.nodeId === 'Queue' && h.label.startsWith('receive'));
    expect(receives.map((h) => h.label)).toEqual(['receive 1', 'receive 2', 'receive 3']);
    expect(receives.map((h) => h.startMs)).toEqual([0, 20_000, 40_000]);
    expect(receives[2].detail).toBe('ApproximateReceiveCount 3 of maxReceiveCount 3');
    const hidden = j.hops.filter((h) => h.kind === 'retry');
    expect(hidden.map((h) => [h.startMs, h.endMs])).toEqual([[0, 20_000], [20_000, 40_000], [40_000, 60_000]]);
    const runs = j.hops.filter((h) => h.nodeId === 'Charge' && h.label === 'runs');
    expect(runs).toHaveLength(3);
    expect(runs.every((h) => h.error === true && h.detail?.startsWith('FunctionError'))).toBe(true);
    const last = j.hops.slice(-2);
    expect(last.map((h) => [h.nodeId, h.kind, h.startMs])).toEqual([['Queue', 'deadLetter', 60_000], ['DLQ', 'deadLetter', 60_000]]);
    expect(last[0].label).toBe('moved to DLQ');
    expect(j.failure).toBe('moved to the dead-letter queue DLQ');
    expect(j.hops.some((h) => h.label === 'DeleteMessage')).toBe(false);
  });

  it('a message processed at once is sent, received, run in its function and deleted', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Queue', 'AWS::SQS::Queue')
      .node('Fn', 'AWS::Lambda::Function', {}, { duration: 100, coldStartMs: 300 })
      .edge('Users', 'Queue')
      .edge('Queue', 'Fn', { properties: { BatchSize: 1 } })
      .run();
    const [j] = sim.journeys();
    expect(j.hops.filter((h) => h.kind !== 'span').map((h) => `${h.nodeId} ${h.label}`)).toEqual([
      'Queue SendMessage',
      'Queue receive 1',
      'Queue polled in a batch of 1',
      'Fn cold start (Init)',
      'Fn runs',
      'Queue DeleteMessage',
    ]);
    const init = j.hops.find((h) => h.kind === 'init');
    expect(init && init.endMs - init.startMs).toBe(300);
    expect(j.failure).toBeUndefined();
    expect(j.endMs).toBe(400);
  });
});
