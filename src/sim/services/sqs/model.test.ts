import { describe, expect, it } from 'vitest';
import { Outcome } from '../../core/model.ts';
import { FakeFunction, Producer, SqsBench } from './testBench.ts';

/** Ids processed per message, in order, from the fake function's log. */
function attemptsById(fn: FakeFunction): Map<number, number[]> {
  const byId = new Map<number, number[]>();
  for (const p of fn.processed) {
    const list = byId.get(p.id) ?? [];
    list.push(p.at);
    byId.set(p.id, list);
  }
  return byId;
}

describe('SQS queue: redrive to a dead-letter queue', () => {
  function failingConsumer() {
    const b = new SqsBench(400);
    const producer = b.add(new Producer(b, 'P', { at: [0, 100, 200, 300, 400, 500, 600, 700, 800, 900], poison: () => true }));
    const q = b.queueNode('Q', { VisibilityTimeout: 30, RedrivePolicy: { maxReceiveCount: 3 } });
    const dlq = b.queueNode('DLQ');
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: 50 }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 1 });
    b.connect(q, dlq, 'deadLetter');
    b.run();
    return { b, producer, q, dlq, fn };
  }

  it('an always-failing consumer receives each message exactly maxReceiveCount times, then it is in the DLQ', () => {
    const { b, q, fn } = failingConsumer();
    expect(q.count.sent).toBe(10);
    expect(b.total('Q', 'NumberOfMessagesReceived').Sum).toBe(30);
    expect(fn.invocationStarts.length).toBe(30);
    expect(b.total('Q', 'NumberOfMessagesDeleted').Sum).toBe(0);
    expect(b.total('Q', 'NumberOfMessagesMovedToDLQ').Sum).toBe(10);
    const attempts = attemptsById(fn);
    expect(attempts.size).toBe(10);
    for (const times of attempts.values()) expect(times.length).toBe(3);
    expect(q.held).toBe(0);
  });

  it('a redriven message is not a NumberOfMessagesSent of the DLQ but is visible there, its age counted from the first enqueue', () => {
    const { b, dlq } = failingConsumer();
    expect(b.total('DLQ', 'NumberOfMessagesSent').Sum).toBe(0);
    expect(dlq.count.redrivenIn).toBe(10);
    expect(dlq.visibleCount).toBe(10);
    const visible = b.series('DLQ', 'ApproximateNumberOfMessagesVisible');
    expect(visible[visible.length - 1]).toBe(10);
    // The first message was sent at 0 s: at the end (400 s) the DLQ's oldest message is 399..400 s old, not ~310 s.
    const age = b.series('DLQ', 'ApproximateAgeOfOldestMessage');
    expect(age[age.length - 1]).toBeGreaterThanOrEqual(399);
  });

  it('redelivers only after the visibility timeout', () => {
    const { fn } = failingConsumer();
    for (const times of attemptsById(fn).values()) {
      for (let i = 1; i < times.length; i++) {
        // Received at t, failed at t + 50 ms, visible again at t + 30 s (not at the failure).
        expect(times[i] - times[i - 1]).toBeCloseTo(30_000, 6);
      }
    }
  });

  it('without a deadLetter edge a failing message is received again and again', () => {
    const b = new SqsBench(100);
    const producer = b.add(new Producer(b, 'P', { at: [0], poison: () => true }));
    const q = b.queueNode('Q', { VisibilityTimeout: 10, RedrivePolicy: { maxReceiveCount: 2 } });
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: 50 }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 1 });
    b.run();
    // Received at 0, 10, ..., 100 s.
    expect(fn.invocationStarts.length).toBe(11);
    expect(b.warnings.join('\n')).toMatch(/no dead-letter queue edge/);
  });

  it('a batch that outlives the visibility timeout is delivered again, its late delete does nothing, and a warning says why', () => {
    const b = new SqsBench(60);
    const producer = b.add(new Producer(b, 'P', { at: [0] }));
    const q = b.queueNode('Q', { VisibilityTimeout: 5 });
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: 8000 }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 1 });
    b.run();
    // Received every 5 s; each delete (8 s after its receive) carries a receipt already replaced: never deleted.
    expect(fn.invocationStarts).toEqual(Array.from({ length: 13 }, (_, i) => i * 5000));
    expect(q.count.deleted).toBe(0);
    expect(b.warnings.join('\n')).toMatch(/longer than the 5 s visibility timeout.*6 x the function's Timeout/);
  });

  it('a consumer that finishes after the visibility timeout still deletes, unless the message was received again', () => {
    // A mapping capped at 2 concurrent batches, 8 s batches, a 5 s visibility timeout (SQS "delete"). A (sent at
    // 0) and B (at 0.1 s) are visible again from 5 s and 5.1 s, but no poller is free until A ends at 8 s: A's
    // receipt is still its most recent, so A is deleted. The freed poller then receives B again (a 1 s run), so
    // B's first delete (at 8.1 s) carries a replaced receipt and does nothing: only B is processed twice.
    const b = new SqsBench(60);
    const producer = b.add(new Producer(b, 'P', { at: [0, 100] }));
    const q = b.queueNode('Q', { VisibilityTimeout: 5 });
    let calls = 0;
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: () => (++calls <= 2 ? 8000 : 1000) }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 1, ScalingConfig: { MaximumConcurrency: 2 } });
    b.run();
    expect(fn.invocationStarts).toEqual([0, 100, 8000]);
    const [a, bId] = [fn.processed[0].id, fn.processed[1].id];
    expect(fn.processed.map((p) => p.id)).toEqual([a, bId, bId]);
    expect(q.count.deleted).toBe(2);
    expect(b.total('Q', 'NumberOfMessagesDeleted').Sum).toBe(2);
    expect(q.held).toBe(0);
    expect(b.series('Q', 'ApproximateNumberOfMessagesVisible').at(-1)).toBe(0);
  });

  it('a deadLetter edge with no maxReceiveCount uses 10 and says so', () => {
    const b = new SqsBench(400);
    const producer = b.add(new Producer(b, 'P', { at: [0], poison: () => true }));
    const q = b.queueNode('Q', { VisibilityTimeout: 10 });
    const dlq = b.queueNode('DLQ');
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: 50 }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 1 });
    b.connect(q, dlq, 'deadLetter');
    b.run();
    expect(fn.invocationStarts.length).toBe(10);
    expect(dlq.visibleCount).toBe(1);
    expect(b.warnings.join('\n')).toMatch(/no RedrivePolicy.maxReceiveCount .*using 10/);
  });
});

describe('SQS queue: retention, delay, FIFO send limit', () => {
  it('deletes messages older than MessageRetentionPeriod and counts them as expired', () => {
    const b = new SqsBench(90);
    const at = Array.from({ length: 60 }, (_, i) => i * 1000);
    const producer = b.add(new Producer(b, 'P', { at }));
    const q = b.queueNode('Q', { MessageRetentionPeriod: 60 });
    b.connect(producer, q, 'call');
    b.run();
    // Sent at 0..59 s; at 90 s those sent at or before 30 s are 60 s old or more.
    expect(b.total('Q', 'NumberOfMessagesExpired').Sum).toBe(31);
    expect(q.visibleCount).toBe(29);
    expect(q.count.sent).toBe(q.count.expired + q.held);
    const age = b.series('Q', 'ApproximateAgeOfOldestMessage');
    expect(age[45]).toBe(45); // sampled at 45 s: the oldest (sent at 0 s) is 45 s old
    expect(age[89]).toBe(59); // sampled at 89 s: those sent up to 29 s are gone, the oldest left was sent at 30 s
  });

  it('keeps new messages hidden for DelaySeconds', () => {
    const b = new SqsBench(30);
    const producer = b.add(new Producer(b, 'P', { at: [1000, 2500] }));
    const q = b.queueNode('Q', { DelaySeconds: 5 });
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: 10 }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 1 });
    b.run();
    expect(fn.invocationStarts).toEqual([6000, 7500]);
    const delayed = b.series('Q', 'ApproximateNumberOfMessagesDelayed', 1); // per-period Maximum
    // Sent at 1 s and 2.5 s; visible at 6 s and 7.5 s (a period's Maximum includes the level it started with).
    expect(delayed.slice(0, 9)).toEqual([0, 1, 2, 2, 2, 2, 2, 1, 0]);
    expect(q.count.deleted).toBe(2);
  });

  it('throttles FIFO sends above 300 a second unless high throughput is on', () => {
    for (const [props, ok] of [
      [{ FifoQueue: true }, 300],
      [{ FifoQueue: true, FifoThroughputLimit: 'perMessageGroupId', DeduplicationScope: 'messageGroup' }, 400],
      [{}, 400],
    ] as const) {
      const b = new SqsBench(5);
      const producer = b.add(new Producer(b, 'P', { at: new Array(400).fill(0), key: (i) => i % 7 }));
      const q = b.queueNode('Q', props);
      b.connect(producer, q, 'call');
      b.run();
      expect(producer.answers[Outcome.Ok]).toBe(ok);
      expect(producer.answers[Outcome.Throttled]).toBe(400 - ok);
      expect(q.count.sent).toBe(ok);
    }
  });

  it('charges $0.40 per million requests (FIFO $0.50), each 64 KB chunk a request', () => {
    const b = new SqsBench(10);
    const producer = b.add(new Producer(b, 'P', { at: new Array(1000).fill(0), sizeKB: 100 }));
    b.connect(producer, b.queueNode('Q'), 'call');
    const fifoProducer = b.add(new Producer(b, 'PF', { at: new Array(100).fill(0), key: () => 1 }));
    b.connect(fifoProducer, b.queueNode('QF', { FifoQueue: true }), 'call');
    b.run();
    expect(b.total('Q', 'Cost').Sum).toBeCloseTo((2000 * 0.4) / 1e6, 12);
    expect(b.total('QF', 'Cost').Sum).toBeCloseTo((100 * 0.5) / 1e6, 12);
  });
});

describe('SQS FIFO queue with a Lambda consumer', () => {
  it('processes each message group in order, one batch per group, a failed message blocking its group', () => {
    const b = new SqsBench(200);
    const producer = b.add(new Producer(b, 'P', { at: Array.from({ length: 30 }, (_, i) => i * 10), key: (i) => i % 3 }));
    const q = b.queueNode('Q', { FifoQueue: true, VisibilityTimeout: 20 });
    let failedOnce = false;
    const fn = b.add(
      new FakeFunction(b, 'F', {
        durationMs: (rng) => 20 + rng.next() * 400,
        // The 5th message (group 1) fails its first attempt.
        fails: (r) => r.id === producer.messages[4].id && !failedOnce && (failedOnce = true),
      }),
    );
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 1 });
    b.run();
    expect(fn.maxConcurrency).toBe(3);
    const ids = producer.messages.map((m) => m.id);
    const groupOf = (id: number) => ids.indexOf(id) % 3;
    for (const g of [0, 1, 2]) {
      const order = fn.processed.filter((p) => groupOf(p.id) === g).map((p) => ids.indexOf(p.id));
      const expected = Array.from({ length: 10 }, (_, k) => g + 3 * k);
      if (g === 1) expected.splice(1, 0, 4); // message 4 is attempted twice, before message 7
      expect(order).toEqual(expected);
    }
    // The retry waited for the visibility timeout and nothing else of group 1 ran meanwhile.
    const attempts = attemptsById(fn).get(ids[4]) as number[];
    expect(attempts[1] - attempts[0]).toBeCloseTo(20_000, 6);
    expect(q.count.deleted).toBe(30);
  });

  it('never runs more batches at once than there are message groups', () => {
    const b = new SqsBench(60);
    const producer = b.add(new Producer(b, 'P', { ratePerSecond: 250, key: (i) => i % 4, stopMs: 30_000 }));
    const q = b.queueNode('Q', { FifoQueue: true });
    const fn = b.add(new FakeFunction(b, 'F', { durationMs: 100 }));
    b.connect(producer, q, 'call');
    b.connect(q, fn, 'eventSource', { BatchSize: 10 });
    b.run();
    expect(fn.maxConcurrency).toBe(4);
    expect(q.count.deleted).toBe(q.count.sent);
  });
});
