import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing.ts';

describe('journeys through Lambda', () => {
  it('an async failure shows 2 retries 60 s and 120 s after the failed attempts, then the DLQ (aws-behaviour Lambda "async invocation", "DLQ / destinations")', () => {
    const sim = scenario({ durationSeconds: 300 })
      .node('Events', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Fn', 'AWS::Lambda::Function', {}, { duration: 200, coldStartMs: 0, errorRate: 1 })
      .node('DLQ', 'AWS::SQS::Queue')
      .edge('Events', 'Fn', { role: 'invoke', properties: { invocationType: 'Event' } })
      .edge('Fn', 'DLQ', { role: 'deadLetter' })
      .run();
    const [j] = sim.journeys();
    const runs = j.hops.filter((h) => h.label === 'runs');
    expect(runs.map((h) => [h.startMs, h.endMs])).toEqual([[0, 200], [60_200, 60_400], [180_400, 180_600]]);
    const retries = j.hops.filter((h) => h.kind === 'retry');
    expect(retries.map((h) => [h.label, h.startMs, h.endMs])).toEqual([
      ['retry 1 of 2 waits', 200, 60_200],
      ['retry 2 of 2 waits', 60_400, 180_400],
    ]);
    const dead = j.hops.filter((h) => h.kind === 'deadLetter');
    expect(dead.map((h) => [h.nodeId, h.label, h.startMs])).toEqual([['Fn', 'to the dead-letter queue DLQ', 180_600]]);
    expect(dead[0].detail).toBe('failed 3 attempts (MaximumRetryAttempts 2)');
    expect(j.hops.at(-1)).toMatchObject({ nodeId: 'DLQ', label: 'SendMessage', startMs: 180_600 });
    expect(j.hops[0]).toMatchObject({ nodeId: 'Events', label: '202 Accepted (asynchronous)' });
    expect(j.failure).toBe('sent to the dead-letter queue DLQ');
  });

  it('a synchronous request over reserved concurrency is a 429 with its reason, and its caller saw Throttled', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Fn', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 0 }, { duration: 100 })
      .edge('Users', 'Fn')
      .run();
    const [j] = sim.journeys();
    expect(j.hops.map((h) => [h.nodeId, h.kind, h.label, h.detail])).toEqual([
      ['Users', 'span', 'request, until the answer', 'Throttled'],
      ['Fn', 'throttle', '429 TooManyRequestsException', 'ReservedFunctionConcurrentInvocationLimitExceeded'],
    ]);
    expect(j.failure).toBe('Users got Throttled');
  });

  it('a warm invocation has no Init hop; a cold one has its Init before the handler', () => {
    const sim = scenario({ durationSeconds: 20 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1 })
      .node('Fn', 'AWS::Lambda::Function', {}, { duration: 100, coldStartMs: 250 })
      .edge('Users', 'Fn')
      .run();
    const [first, ...later] = sim.journeys();
    expect(first.hops.filter((h) => h.nodeId === 'Fn').map((h) => [h.kind, h.startMs, h.endMs])).toEqual([['init', 0, 250], ['work', 250, 350]]);
    expect(later.length).toBeGreaterThan(0);
    for (const j of later) expect(j.hops.filter((h) => h.nodeId === 'Fn').map((h) => h.kind)).toEqual(['work']);
  });
});
