import { describe, expect, it } from 'vitest';
import { Outcome, type SimContext } from '../../core/model.ts';
import { snsRetryDelayMs, SNS_TOTAL_RETRIES } from './deliveryRetry.ts';
import { SnsTopic } from './model.ts';
import { checkSnsConnection } from './spec.ts';
import { Driver, message, simNode, Sink, TestBench } from '../../testBench.ts';

const QUEUE = 'AWS::SQS::Queue';
const FUNCTION = 'AWS::Lambda::Function';
const TOPIC = 'AWS::SNS::Topic';
const instant = { publishLatency: 0, deliveryLatency: { distribution: 'constant', valueMs: 0 } };

function topicBench(seconds: number, periodSeconds = 1, properties: Record<string, unknown> = {}, behaviour: Record<string, unknown> = instant) {
  const bench = new TestBench(seconds, periodSeconds);
  const topic = bench.add(new SnsTopic(bench, simNode('Orders', TOPIC, properties, behaviour)));
  const driver = bench.add(new Driver(bench));
  bench.connect(driver, topic, 'call');
  return { bench, topic, driver };
}

describe('SNS fan-out and filter policies', () => {
  it('copies every publish to each matching subscription; Lambda subscribers are invoked asynchronously', () => {
    const { bench, topic, driver } = topicBench(10);
    const all = bench.add(new Sink(bench, 'All', QUEUE));
    const big = bench.add(new Sink(bench, 'BigOrders', QUEUE));
    const fn = bench.add(new Sink(bench, 'Audit', FUNCTION));
    const eu = bench.add(new Sink(bench, 'EU', QUEUE));
    bench.connect(topic, all, 'subscription');
    bench.connect(topic, big, 'subscription', { FilterPolicy: { total: [{ numeric: ['>=', 100] }] } });
    bench.connect(topic, fn, 'subscription');
    bench.connect(topic, eu, 'subscription', { FilterPolicy: { order: { region: [{ prefix: 'eu-' }] } }, FilterPolicyScope: 'MessageBody' });
    let n = 0;
    driver.every(10, 0, 10_000, (c: SimContext) => {
      n++;
      return message(c, { attributes: { total: n % 2 === 0 ? 150 : 50, 'order.region': n % 5 === 0 ? 'eu-west-1' : 'us-east-1' } });
    });
    bench.start();
    bench.run();
    expect(driver.outcomes[Outcome.Ok]).toBe(100);
    expect(all.received.length).toBe(100);
    expect(big.received.length).toBe(50);
    expect(big.received.every((r) => (r.msg.attributes as { total: number }).total === 150)).toBe(true);
    expect(eu.received.length).toBe(20);
    expect(fn.received.length).toBe(100);
    expect(fn.received.every((r) => !r.sync)).toBe(true);
    expect(all.received.every((r) => r.sync)).toBe(true);
    expect(bench.sum('Orders', 'NumberOfMessagesPublished')).toBe(100);
    expect(bench.sum('Orders', 'NumberOfNotificationsDelivered')).toBe(270);
    expect(bench.sum('Orders', 'NumberOfNotificationsFilteredOut')).toBe(130);
    // Conservation: every (publish, subscription) pair is delivered, filtered out, failed or in flight.
    const c = topic.count;
    expect(c.delivered + c.filteredOut + c.failed + (c.matched - c.delivered - c.failed)).toBe(100 * 4);
    expect(c.matched - c.delivered - c.failed).toBe(0);
    // Each subscriber gets its own message id.
    expect(new Set([...all.received, ...big.received].map((r) => r.msg.id)).size).toBe(150);
  });

  it('bills $0.50 per million publishes, each 64 KB chunk a publish', () => {
    const { bench, driver } = topicBench(1);
    driver.every(100, 0, 1000, (c) => message(c, { sizeKB: 100 }));
    bench.start();
    bench.run();
    expect(bench.sum('Orders', 'Cost')).toBeCloseTo(200 * 0.5e-6, 12);
  });

  it('a FIFO topic keeps publish order per subscriber; a standard topic may not', () => {
    const jittery = { publishLatency: 0, deliveryLatency: { distribution: 'lognormal', medianMs: 30, p99Ms: 300 } };
    const order = (fifo: boolean) => {
      const { bench, topic, driver } = topicBench(2, 1, { FifoTopic: fifo }, jittery);
      const q = bench.add(new Sink(bench, 'Q', QUEUE));
      bench.connect(topic, q, 'subscription');
      let seq = 0;
      driver.every(200, 0, 1000, (c) => message(c, { attributes: { seq: seq++ } }));
      bench.start();
      bench.run();
      return q.received.map((r) => (r.msg.attributes as { seq: number }).seq);
    };
    const fifo = order(true);
    expect(fifo).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const standard = order(false);
    expect(standard.length).toBe(200);
    expect(standard).not.toEqual(fifo);
  });
});

describe('SNS delivery retries to SQS', () => {
  it('follows the schedule: 3 immediate, 2 at 1 s, 10 backing off 1..20 s, then every 20 s', () => {
    expect(SNS_TOTAL_RETRIES).toBe(100_015);
    const delays = Array.from({ length: 17 }, (_, i) => snsRetryDelayMs(i + 1));
    expect(delays.slice(0, 5)).toEqual([0, 0, 0, 1000, 1000]);
    expect(delays[5]).toBe(1000);
    expect(delays[14]).toBeCloseTo(20_000, 6);
    for (let i = 6; i <= 14; i++) expect(delays[i] / delays[i - 1]).toBeCloseTo(Math.pow(20, 1 / 9), 9);
    expect(delays[15]).toBe(20_000);

    // A queue that recovers on the 7th attempt: attempts at 0, 0, 0, 0, 1 s, 2 s, 3 s.
    const { bench, topic, driver } = topicBench(60);
    const q = bench.add(new Sink(bench, 'Q', QUEUE));
    q.answer = (n) => (n < 7 ? Outcome.Throttled : Outcome.Ok);
    bench.connect(topic, q, 'subscription');
    driver.at(0);
    bench.start();
    bench.run();
    expect(q.received.map((r) => r.at)).toEqual([0, 0, 0, 0, 1000, 2000, 3000]);
    expect(bench.sum('Orders', 'NumberOfNotificationsDelivered')).toBe(1);
    expect(bench.sum('Orders', 'NumberOfNotificationsFailed')).toBe(0);
  });

  it('an always-throttling subscriber gets 100,016 attempts over 23 days, then the subscription DLQ gets the message', () => {
    const days = 24;
    const { bench, topic, driver } = topicBench(days * 86_400, 86_400);
    const a = bench.add(new Sink(bench, 'A', QUEUE));
    const b = bench.add(new Sink(bench, 'B', QUEUE));
    const dlq = bench.add(new Sink(bench, 'ADeadLetters', QUEUE));
    a.answer = () => Outcome.Throttled;
    b.answer = () => Outcome.Failed;
    bench.connect(topic, a, 'subscription');
    bench.connect(topic, b, 'subscription');
    bench.connect(topic, dlq, 'deadLetter', { subscription: 'A' });
    driver.at(0);
    bench.start();
    bench.run(22 * 86_400_000);
    expect(a.received.length).toBeLessThan(1 + SNS_TOTAL_RETRIES);
    expect(dlq.received.length).toBe(0);
    expect(topic.count.matched - topic.count.delivered - topic.count.failed).toBe(2); // still being retried
    bench.run();

    const expectedAttempts = 1 + SNS_TOTAL_RETRIES;
    // Every attempt at its documented time: the first, then each retry after its delay.
    let t = 0;
    const times = [0];
    for (let n = 1; n <= SNS_TOTAL_RETRIES; n++) times.push((t += snsRetryDelayMs(n)));
    const seen = a.received.map((r) => r.at);
    expect(seen.slice(0, 20).map(Math.round)).toEqual(times.slice(0, 20).map(Math.round));
    expect(seen.every((at, i) => Math.abs(at - times[i]) < 1e-3)).toBe(true);
    expect(a.received.length).toBe(expectedAttempts);
    expect(b.received.length).toBe(expectedAttempts);
    const backoff = Array.from({ length: 15 }, (_, i) => snsRetryDelayMs(i + 1)).reduce((s, d) => s + d, 0);
    const lastAttempt = backoff + 100_000 * 20_000;
    expect(a.received[expectedAttempts - 1].at).toBeCloseTo(lastAttempt, 3);
    expect(lastAttempt / 86_400_000).toBeGreaterThan(23);
    // Only A's subscription has a DLQ; B's copy is dropped.
    expect(dlq.received.length).toBe(1);
    expect(dlq.received[0].msg.id).toBe(a.received[0].msg.id);
    expect(dlq.received[0].at).toBeCloseTo(lastAttempt, 3);
    expect(bench.sum('Orders', 'NumberOfNotificationsFailed')).toBe(2);
    expect(bench.sum('Orders', 'NumberOfNotificationsRedrivenToDlq')).toBe(1);
    expect(bench.sum('Orders', 'NumberOfNotificationsDelivered')).toBe(0);
  });

  it('a deadLetter edge without a subscription serves every subscription', () => {
    const { bench, topic, driver } = topicBench(24 * 86_400, 86_400);
    const a = bench.add(new Sink(bench, 'A', QUEUE));
    const dlq = bench.add(new Sink(bench, 'DeadLetters', QUEUE));
    a.answer = () => Outcome.Failed;
    dlq.answer = () => Outcome.Throttled;
    bench.connect(topic, a, 'subscription');
    bench.connect(topic, dlq, 'deadLetter');
    driver.at(0);
    bench.start();
    bench.run();
    expect(dlq.received.length).toBe(1);
    expect(bench.sum('Orders', 'NumberOfNotificationsFailedToRedriveToDlq')).toBe(1);
    expect(bench.sum('Orders', 'NumberOfNotificationsRedrivenToDlq')).toBe(0);
  });
});

describe('SNS FIFO topics accept only SQS FIFO subscribers', () => {
  const fifoTopic = simNode('T', TOPIC, { FifoTopic: true });
  const standardTopic = simNode('T', TOPIC, { FifoTopic: false });
  const fifoQueue = simNode('Q', QUEUE, { FifoQueue: true });
  const standardQueue = simNode('Q', QUEUE, { FifoQueue: false });
  const fn = simNode('F', FUNCTION);
  it.each([
    [fifoTopic, fifoQueue, 'subscription', ''],
    [fifoTopic, standardQueue, 'subscription', 'FIFO topic "T" can only deliver to SQS FIFO queues; "Q" is a standard queue'],
    [fifoTopic, fn, 'subscription', 'FIFO topic "T" can only deliver to SQS FIFO queues; "F" is a AWS::Lambda::Function'],
    [standardTopic, standardQueue, 'subscription', ''],
    [standardTopic, fn, 'subscription', ''],
    [standardTopic, fifoQueue, 'subscription', 'standard topic "T" cannot deliver to FIFO queue "Q"; make the topic FIFO (FifoTopic: true)'],
    [fifoTopic, standardQueue, 'deadLetter', 'the dead-letter queue of a FIFO topic must be a FIFO SQS queue ("Q" is not)'],
    [standardTopic, standardQueue, 'deadLetter', ''],
  ])('%#', (from, to, role, problem) => {
    const problems = checkSnsConnection(from, to, role);
    expect(problems.map((p) => p[1]).join('')).toBe(problem);
  });
});
