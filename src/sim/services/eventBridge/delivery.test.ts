import { describe, expect, it } from 'vitest';
import { Model, Outcome, type Edge, type Message, type ReplyTo, type SimContext } from '../../core/model.ts';
import { DEFAULT_BACKOFF } from '../../core/targetRetry/targetRetry.ts';
import { Driver, message, simNode, Sink, TestBench } from '../../testBench.ts';
import { EventBus } from './model.ts';

const QUEUE = 'AWS::SQS::Queue';
const FUNCTION = 'AWS::Lambda::Function';
const BUS = 'AWS::Events::EventBus';
const instant = { putEventsLatency: 0, deliveryLatency: { distribution: 'constant', valueMs: 0 } };
const ORDERS = { source: ['app.orders'] };

/** A target that answers every attempt with `outcome` (and `reason`), recording when each event's attempts came. */
class Answering extends Model {
  readonly attempts = new Map<number, number[]>();
  constructor(
    ctx: SimContext,
    id: string,
    private readonly outcome: (n: number) => Outcome,
    private readonly reason?: string,
  ) {
    super(ctx, simNode(id, QUEUE));
  }
  override receive(msg: Message, _edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    const key = (msg.body as { id: string }).id;
    const n = Number(key.slice('event-'.length));
    const list = this.attempts.get(n) ?? [];
    list.push(this.ctx.now);
    this.attempts.set(n, list);
    replyTo?.reply(slot, this.outcome(list.length), this.ctx.now, this.reason ? { reason: this.reason } : undefined);
  }
}

function busBench(seconds: number, periodSeconds = 60) {
  const bench = new TestBench(seconds, periodSeconds);
  const bus = bench.add(new EventBus(bench, simNode('Bus', BUS, {}, instant)));
  const driver = bench.add(new Driver(bench));
  bench.connect(driver, bus, 'call', { Source: 'app.orders', DetailType: 'OrderPlaced' });
  return { bench, bus, driver };
}

describe('EventBridge target delivery and the retry policy', () => {
  it('retries an always-failing target with backoff until MaximumEventAgeInSeconds, then the DLQ gets every event once', () => {
    const { bench, bus, driver } = busBench(2 * 3600);
    const target = bench.add(new Answering(bench, 'Broken', () => Outcome.Failed));
    const dlq = bench.add(new Sink(bench, 'DLQ', QUEUE));
    bench.connect(bus, target, 'target', { EventPattern: ORDERS, RetryPolicy: { MaximumEventAgeInSeconds: 600 } });
    bench.connect(bus, dlq, 'deadLetter');
    driver.every(1, 0, 20_000);
    bench.start();
    bench.run();
    expect(driver.outcomes[Outcome.Ok]).toBe(20);
    expect(target.attempts.size).toBe(20);
    for (const times of target.attempts.values()) {
      const first = times[0];
      // Every retry within the age limit, and each wait within the backoff's ceiling for its retry number.
      expect(times[times.length - 1] - first).toBeLessThanOrEqual(600_000);
      for (let n = 1; n < times.length; n++) {
        const ceiling = Math.min(DEFAULT_BACKOFF.capMs, DEFAULT_BACKOFF.baseMs * 2 ** (n - 1));
        expect(times[n] - times[n - 1]).toBeGreaterThanOrEqual(0);
        expect(times[n] - times[n - 1]).toBeLessThanOrEqual(ceiling);
      }
      // Far fewer than 185 retries fit in 10 minutes: the age ended them.
      expect(times.length).toBeGreaterThan(5);
      expect(times.length).toBeLessThan(186);
    }
    expect(dlq.received.length).toBe(20);
    expect(new Set(dlq.received.map((r) => (r.msg.body as { id: string }).id)).size).toBe(20);
    for (const r of dlq.received) {
      const n = Number((r.msg.body as { id: string }).id.slice(6));
      const times = target.attempts.get(n) as number[];
      expect(r.at).toBe(times[times.length - 1]);
    }
    const attempts = [...target.attempts.values()].reduce((s, t) => s + t.length, 0);
    expect(bench.sum('Bus', 'InvocationAttempts')).toBe(attempts);
    expect(bench.sum('Bus', 'RetryInvocationAttempts')).toBe(attempts - 20);
    expect(bench.sum('Bus', 'FailedInvocations')).toBe(20);
    expect(bench.sum('Bus', 'DeadLetterInvocations')).toBe(20);
    expect(bench.sum('Bus', 'MatchedEvents')).toBe(20);
    expect(bus.delivery.delivered).toBe(0);
    expect(bus.backlog()).toBe(0);
  });

  it('with MaximumRetryAttempts 0 makes one attempt per event', () => {
    const { bench, driver } = busBench(600);
    const target = bench.add(new Answering(bench, 'Broken', () => Outcome.Failed));
    const dlq = bench.add(new Sink(bench, 'DLQ', QUEUE));
    bench.connect(bus(bench), target, 'target', { EventPattern: ORDERS, RetryPolicy: { MaximumRetryAttempts: 0 } });
    bench.connect(bus(bench), dlq, 'deadLetter', { target: 'Broken' });
    driver.every(5, 0, 10_000);
    bench.start();
    bench.run();
    expect(target.attempts.size).toBe(50);
    expect([...target.attempts.values()].every((t) => t.length === 1)).toBe(true);
    expect(dlq.received.length).toBe(50);
    expect(bench.sum('Bus', 'RetryInvocationAttempts')).toBe(0);
  });

  it('sends non-retriable errors (missing permission) straight to the DLQ, and drops failed events without one', () => {
    const { bench, driver } = busBench(600);
    const denied = bench.add(new Answering(bench, 'Denied', () => Outcome.Failed, 'AccessDeniedException'));
    const noDlq = bench.add(new Answering(bench, 'NoDlq', () => Outcome.Failed));
    const dlq = bench.add(new Sink(bench, 'DLQ', QUEUE));
    bench.connect(bus(bench), denied, 'target', { EventPattern: ORDERS });
    bench.connect(bus(bench), noDlq, 'target', { EventPattern: ORDERS, RetryPolicy: { MaximumRetryAttempts: 2 } });
    bench.connect(bus(bench), dlq, 'deadLetter', { target: 'Denied' });
    driver.every(1, 0, 10_000);
    bench.start();
    bench.run();
    expect([...denied.attempts.values()].every((t) => t.length === 1)).toBe(true);
    expect([...noDlq.attempts.values()].every((t) => t.length === 3)).toBe(true);
    expect(dlq.received.length).toBe(10);
    expect(bench.sum('Bus', 'FailedInvocations')).toBe(20);
    expect(bench.sum('Bus', 'DeadLetterInvocations')).toBe(10);
  });

  it('delays a target\'s throttles without using up retry attempts, and delivers in the end', () => {
    const { bench, driver } = busBench(600);
    const target = bench.add(new Answering(bench, 'Busy', (n) => (n <= 5 ? Outcome.Throttled : Outcome.Ok)));
    bench.connect(bus(bench), target, 'target', { EventPattern: ORDERS, RetryPolicy: { MaximumRetryAttempts: 0 } });
    driver.every(2, 0, 5_000);
    bench.start();
    bench.run();
    expect([...target.attempts.values()].every((t) => t.length === 6)).toBe(true);
    expect(bench.sum('Bus', 'Invocations')).toBe(10);
    expect(bench.sum('Bus', 'FailedInvocations')).toBe(0);
  });

  it('delays target invocations past the account quota to the next second (ThrottledRules), dropping none', () => {
    const bench = new TestBench(10, 1);
    bench.settings.eventBridgeInvocationsPerSecond = 100;
    const bus = bench.add(new EventBus(bench, simNode('Bus', BUS, {}, instant)));
    const driver = bench.add(new Driver(bench));
    bench.connect(driver, bus, 'call', { Source: 'app.orders' });
    const sink = bench.add(new Sink(bench, 'Q', QUEUE));
    bench.connect(bus, sink, 'target', { EventPattern: ORDERS });
    driver.every(250, 0, 1000);
    bench.start();
    bench.run();
    expect(sink.received.length).toBe(250);
    expect(sink.received.filter((r) => r.at < 1000).length).toBe(100);
    expect(sink.received.filter((r) => r.at >= 1000 && r.at < 2000).length).toBe(100);
    expect(bench.sum('Bus', 'ThrottledRules')).toBe(150 + 50);
  });

  it('throttles PutEvents past 10,000 events a second and refuses entries over 256 KB', () => {
    const { bench, driver } = busBench(2, 1);
    driver.every(12_000, 0, 1000);
    driver.at(1500, (c) => message(c, { sizeKB: 300 }));
    bench.start();
    bench.run();
    expect(driver.outcomes[Outcome.Ok]).toBe(10_000);
    expect(driver.outcomes[Outcome.Throttled]).toBe(2_000);
    expect(driver.outcomes[Outcome.Failed]).toBe(1);
    expect(bench.sum('Bus', 'PutEventsApproximateThrottledCount')).toBe(2_000);
    expect(bench.sum('Bus', 'Cost')).toBeCloseTo(10_000 / 1e6, 9);
  });

  it('invokes a Lambda target asynchronously: the attempt succeeds when Lambda takes the event', () => {
    const { bench, driver } = busBench(10, 1);
    const fn = bench.add(new Sink(bench, 'Fn', FUNCTION));
    bench.connect(bus(bench), fn, 'target', { EventPattern: ORDERS });
    driver.every(10, 0, 1000, (c) => message(c, { body: { detail: { total: 5 } } }));
    bench.start();
    bench.run();
    expect(fn.received.length).toBe(10);
    expect(fn.received.every((r) => !r.sync)).toBe(true);
    expect(fn.received[0].msg.body).toMatchObject({ source: 'app.orders', 'detail-type': 'OrderPlaced', detail: { total: 5 }, time: '2026-01-05T00:00:00Z' });
    expect(bench.sum('Bus', 'SuccessfulInvocationAttempts')).toBe(10);
  });
});

function bus(bench: TestBench): EventBus {
  return bench.models.find((m) => m instanceof EventBus) as EventBus;
}
