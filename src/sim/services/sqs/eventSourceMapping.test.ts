import { describe, expect, it } from 'vitest';
import { FakeFunction, Producer, SqsBench } from './testBench.ts';

/** A backlog of n messages at t = 0 read by a function whose invocations take 10 s. */
function backlog(n: number, seconds: number, edge: Record<string, unknown> = {}, behaviour: Record<string, unknown> = {}, reserved?: number) {
  const b = new SqsBench(seconds);
  const producer = b.add(new Producer(b, 'P', { at: new Array(n).fill(0) }));
  const q = b.queueNode('Q', { VisibilityTimeout: 60 }, behaviour);
  const fn = b.add(new FakeFunction(b, 'F', { durationMs: 10_000, reserved }));
  b.connect(producer, q, 'call');
  b.connect(q, fn, 'eventSource', { BatchSize: 1, ...edge });
  b.run();
  return { b, q, fn };
}

describe('Lambda event source mapping for SQS: scaling', () => {
  it('starts at 5 concurrent batches and adds 300 a minute (5 a second) while a backlog remains', () => {
    const { b } = backlog(40_000, 100);
    const pollers = b.series('Q', 'EventSourcePollers');
    const concurrency = b.series('F', 'ConcurrentExecutions', 1); // per-second Maximum
    expect(pollers[0]).toBe(5);
    for (const t of [1, 10, 30, 59, 90]) expect(pollers[t]).toBe(5 + 5 * t);
    expect(concurrency[60]).toBe(305);
    expect(concurrency[0]).toBe(5);
  });

  it('with the legacy rate of 60 a minute adds one a second', () => {
    const { b } = backlog(5_000, 60, {}, { pollersScaleUpPerMinute: 60 });
    const pollers = b.series('Q', 'EventSourcePollers');
    expect(pollers[30]).toBe(35);
    expect(pollers[59]).toBe(64);
  });

  it('stops at the 1,250 ceiling', () => {
    const { b, fn } = backlog(60_000, 300);
    expect(fn.maxConcurrency).toBe(1250);
    expect(b.series('Q', 'EventSourcePollers')[248]).toBe(1245);
    expect(b.series('Q', 'EventSourcePollers')[249]).toBe(1250);
  });

  it('never exceeds ScalingConfig.MaximumConcurrency', () => {
    const { b, fn } = backlog(3_000, 120, { ScalingConfig: { MaximumConcurrency: 50 } });
    expect(fn.maxConcurrency).toBe(50);
    expect(b.total('F', 'ConcurrentExecutions').Maximum).toBe(50);
    expect(b.total('Q', 'EventSourcePollers').Maximum).toBe(50);
  });

  it('is capped by reserved concurrency through throttles: the throttled batches come back and are all processed', () => {
    const { b, q, fn } = backlog(2_000, 1_200, {}, {}, 20);
    expect(fn.maxConcurrency).toBe(20);
    expect(fn.throttles).toBeGreaterThan(0);
    // Every message is deleted in the end; the throttled ones were received again after the visibility timeout.
    expect(q.count.deleted).toBe(2_000);
    expect(q.count.received).toBe(2_000 + fn.throttles);
    expect(b.total('Q', 'NumberOfMessagesReceived').Sum).toBe(2_000 + fn.throttles);
  });

  it('scales down to 2 pollers when the queue stays empty', () => {
    const { b } = backlog(100, 400);
    const pollers = b.series('Q', 'EventSourcePollers');
    expect(pollers[2]).toBe(15);
    expect(pollers[399]).toBe(2);
  });
});

describe('Lambda event source mapping for SQS: batches and failures', () => {
  it('waits for the batching window unless the batch fills', () => {
    const b = new SqsBench(30);
    const producer = b.add(new Producer(b, 'P', { at: [...new Array(40).fill(0), ...new Array(100).fill(10_000)] }));
    const q = b.queueNode('Q');
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: 100 }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 100, MaximumBatchingWindowInSeconds: 2 });
    b.run();
    // 40 messages at 0 s wait the 2 s window; 100 at 10 s fill a batch at once.
    expect(fn.invocationStarts).toEqual([2_000, 10_000]);
    expect(fn.processed.length).toBe(140);
  });

  it('limits a batch to 6 MB of payload, standard and FIFO', () => {
    for (const fifo of [false, true]) {
      const b = new SqsBench(10);
      const producer = b.add(new Producer(b, 'P', { at: new Array(10).fill(0), sizeKB: 1000, key: () => 1 }));
      const q = b.queueNode('Q', { FifoQueue: fifo });
      const fn = b.add(new FakeFunction(b, 'F', { durationMs: 100 }));
      b.connect(producer, q, 'call');
      b.connect(q, fn, 'eventSource', { BatchSize: 10, MaximumBatchingWindowInSeconds: 1 });
      b.run();
      // Ten messages make a full batch at once, cut at 6 MB; the other 4 wait for the 1 s window (FIFO: from
      // when their group became receivable again, as the first batch ended at 100 ms).
      expect(fn.batchSizes).toEqual([6, 4]);
      expect(fn.invocationStarts).toEqual(fifo ? [0, 1100] : [0, 1000]);
    }
  });

  it('ReportBatchItemFailures deletes the successful records of a batch and keeps only the failed ones', () => {
    const run = (reportItemFailures: boolean) => {
      const b = new SqsBench(300);
      const producer = b.add(new Producer(b, 'P', { at: Array.from({ length: 100 }, (_, i) => i * 5), poison: (i) => i % 10 === 0 }));
      const q = b.queueNode('Q', { VisibilityTimeout: 30, RedrivePolicy: { maxReceiveCount: 2 } });
      const dlq = b.queueNode('DLQ');
      const fn = b.add(new FakeFunction(b, 'F', { durationMs: 200 }));
      b.connect(producer, q, 'call');
      b.connect(q, fn, 'eventSource', { BatchSize: 10, FunctionResponseTypes: reportItemFailures ? ['ReportBatchItemFailures'] : [] });
      b.connect(q, dlq, 'deadLetter');
      b.run();
      return { q, dlq };
    };
    const partial = run(true);
    expect(partial.q.count.deleted).toBe(90);
    expect(partial.q.count.movedToDlq).toBe(10);
    expect(partial.dlq.visibleCount).toBe(10);
    const whole = run(false);
    // Healthy messages that shared a batch with a poison one were retried with it, and some reached the DLQ.
    expect(whole.q.count.deleted).toBeLessThan(90);
    expect(whole.q.count.movedToDlq).toBeGreaterThan(10);
    expect(whole.q.count.deleted + whole.q.count.movedToDlq).toBe(100);
  });

  it('bills the empty long polls of idle pollers: 2 pollers x one 20 s receive each', () => {
    const b = new SqsBench(600);
    const q = b.queueNode('Q');
    b.connect(q, b.add(new FakeFunction(b, 'F')), 'eventSource');
    b.run();
    expect(b.total('Q', 'EventSourcePollers').Maximum).toBe(2);
    expect(b.total('Q', 'Cost').Sum).toBeCloseTo((60 * 0.4) / 1e6, 12);
  });

  it('a disabled mapping does not poll', () => {
    const b = new SqsBench(10);
    const producer = b.add(new Producer(b, 'P', { at: [0, 1] }));
    const q = b.queueNode('Q');
    const fn = b.add(new FakeFunction(b, 'F'));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { Enabled: false });
    b.run();
    expect(fn.invocationStarts.length).toBe(0);
    expect(q.visibleCount).toBe(2);
  });

  it('rejects a batch size above 10 without a batching window, naming the edge', () => {
    const b = new SqsBench(10);
    const q = b.queueNode('Q');
    const fn = b.add(new FakeFunction(b, 'F'));
    b.connect(q, fn, 'eventSource', { BatchSize: 50 });
    expect(() => b.run()).toThrow('edge Q -> F: MaximumBatchingWindowInSeconds: must be at least 1 when BatchSize is above 10 (BatchSize is 50)');
  });
});
