import { describe, expect, it } from 'vitest';
import { erlangC } from '../../theory/erlang.ts';
import type { SqsQueue } from './model.ts';
import { FakeFunction, Producer, SqsBench } from './testBench.ts';

describe('SQS drained by a fixed MaximumConcurrency agrees with Erlang C', () => {
  it('mean queue length (visible messages) is within 15% of M/M/c', () => {
    const c = 10;
    const ratePerSecond = 80;
    const meanMs = 100;
    const a = (ratePerSecond * meanMs) / 1000; // 8 Erlangs
    const seconds = 3600;
    const b = new SqsBench(seconds, 1, 11);
    const producer = b.add(new Producer(b, 'P', { ratePerSecond }));
    const q = b.queueNode('Q');
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: (rng) => rng.exponential(meanMs) }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 1, ScalingConfig: { MaximumConcurrency: c } });
    b.run();
    const lq = (erlangC(c, a) * a) / (c - a);
    const measured = b.total('Q', 'ApproximateNumberOfMessagesVisible').Average;
    expect(Math.abs(measured - lq) / lq).toBeLessThan(0.15);
    // Little's law for the consumers: mean concurrency = arrival rate x mean duration.
    expect(b.total('F', 'ConcurrentExecutions').Average).toBeGreaterThan(a * 0.95);
    expect(b.total('F', 'ConcurrentExecutions').Average).toBeLessThan(a * 1.05);
    expect(fn.maxConcurrency).toBe(c);
  });
});

/** sent + redriven in = deleted + expired + moved to a DLQ + still visible, in flight or delayed. */
function conserved(q: SqsQueue): void {
  const c = q.count;
  expect(c.sent + c.redrivenIn).toBe(c.deleted + c.expired + c.movedToDlq + q.held);
}

describe('SQS conservation: every message ends deleted, in a DLQ, expired, or still queued / in flight', () => {
  for (const seed of [1, 2, 3]) {
    it(`holds for a failing, throttled, delayed, expiring pipeline (seed ${seed})`, () => {
      const b = new SqsBench(900, 1, seed);
      const producer = b.add(new Producer(b, 'P', { ratePerSecond: 40, stopMs: 700_000, poison: (i) => i % 17 === 0 }));
      const q = b.queueNode('Q', { VisibilityTimeout: 20, MessageRetentionPeriod: 240, DelaySeconds: 3, RedrivePolicy: { maxReceiveCount: 4 } });
      const dlq = b.queueNode('DLQ', { MessageRetentionPeriod: 300 });
      const fn = b.add(
        new FakeFunction(b, 'F', {
          durationMs: (rng) => rng.exponential(400),
          reserved: 12,
          fails: (r) => r.poison || r.id % 5 === 0,
        }),
      );
      const fifoProducer = b.add(new Producer(b, 'PF', { ratePerSecond: 30, key: (i) => i % 6, stopMs: 800_000 }));
      const fq = b.queueNode('FQ', { FifoQueue: true, VisibilityTimeout: 10, MessageRetentionPeriod: 120, RedrivePolicy: { maxReceiveCount: 2 } });
      const fdlq = b.queueNode('FDLQ', { FifoQueue: true });
      const ffn = b.add(new FakeFunction(b, 'FF', { durationMs: (rng) => rng.exponential(300), fails: (r) => r.id % 7 === 0 }));
      b.connect(producer, q, 'call');
      b.connect(q, fn, 'eventSource', { BatchSize: 5, FunctionResponseTypes: ['ReportBatchItemFailures'], ScalingConfig: { MaximumConcurrency: 30 } });
      b.connect(q, dlq, 'deadLetter');
      b.connect(fifoProducer, fq, 'call');
      b.connect(fq, ffn, 'eventSource', { BatchSize: 3 });
      b.connect(fq, fdlq, 'deadLetter');
      b.run();
      for (const queue of [q, dlq, fq, fdlq]) conserved(queue);
      // Every path was exercised.
      expect(q.count.deleted).toBeGreaterThan(0);
      expect(q.count.movedToDlq).toBeGreaterThan(0);
      expect(fn.throttles).toBeGreaterThan(0);
      expect(dlq.count.expired).toBeGreaterThan(0);
      expect(fq.count.deleted).toBeGreaterThan(0);
      expect(fq.count.movedToDlq).toBeGreaterThan(0);
      expect(fq.count.throttledSends + fq.count.sent).toBe(fifoProducer.sent);
      // The metrics say the same as the exact counts.
      expect(b.total('Q', 'NumberOfMessagesSent').Sum).toBe(q.count.sent);
      expect(b.total('Q', 'NumberOfMessagesDeleted').Sum).toBe(q.count.deleted);
      expect(b.total('Q', 'NumberOfMessagesExpired').Sum).toBe(q.count.expired);
      expect(b.total('DLQ', 'NumberOfMessagesSent').Sum).toBe(0);
      expect(dlq.count.redrivenIn).toBe(q.count.movedToDlq);
    });
  }
});
