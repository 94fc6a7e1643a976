import { describe, expect, it } from 'vitest';
import { Model, Outcome, type Edge, type Message, type ReplyTo, type SimContext } from '../../core/model.ts';
import { Sink, simNode, TestBench } from '../../testBench.ts';
import { EventBus } from '../eventBridge/model.ts';
import { ScheduleModel } from './model.ts';
import { scheduleProperties } from './spec.ts';

const QUEUE = 'AWS::SQS::Queue';
const SCHEDULE = 'AWS::Scheduler::Schedule';
const HOUR = 3_600_000;

/** A bench whose calendar starts at `startTime`, with one schedule invoking a recording sink. */
function scheduleBench(startTime: string, days: number, properties: Record<string, unknown>, edge: Record<string, unknown> = {}) {
  const bench = new TestBench(days * 86_400, 3600);
  bench.settings.startTime = startTime;
  const schedule = bench.add(new ScheduleModel(bench, simNode('Nightly', SCHEDULE, scheduleProperties.parse(properties))));
  const sink = bench.add(new Sink(bench, 'Jobs', QUEUE));
  bench.connect(schedule, sink, 'target', edge);
  const start = Date.parse(startTime);
  const iso = () => sink.received.map((r) => new Date(start + r.at).toISOString());
  return { bench, schedule, sink, iso };
}

function run(b: { bench: TestBench }): void {
  b.bench.start();
  b.bench.run();
}

describe('EventBridge Scheduler schedules', () => {
  it('fires a cron in a time zone exactly at the expected times over a week', () => {
    // Weekdays at 09:00 in Berlin (UTC+1 in winter), from Monday 2026-01-26.
    const b = scheduleBench('2026-01-26T00:00:00Z', 7, { ScheduleExpression: 'cron(0 9 ? * MON-FRI *)', ScheduleExpressionTimezone: 'Europe/Berlin' });
    run(b);
    expect(b.iso()).toEqual(['2026-01-26', '2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30'].map((d) => `${d}T08:00:00.000Z`));
    expect(b.bench.sum('Nightly', 'Invocations')).toBe(5);
    expect(b.bench.sum('Nightly', 'Cost')).toBeCloseTo(5 / 1e6, 12);
  });

  it('fires an L and a # expression on the right days (6L: last Friday; 2#1: first Monday)', () => {
    const last = scheduleBench('2026-01-26T00:00:00Z', 7, { ScheduleExpression: 'cron(15 22 ? * 6L *)' });
    run(last);
    expect(last.iso()).toEqual(['2026-01-30T22:15:00.000Z']);
    const first = scheduleBench('2026-01-29T00:00:00Z', 7, { ScheduleExpression: 'cron(0 12 ? * 2#1 *)' });
    run(first);
    expect(first.iso()).toEqual(['2026-02-02T12:00:00.000Z']);
  });

  it('starts a rate() at the simulation start, and an at() once', () => {
    const rate = scheduleBench('2026-01-05T00:00:00Z', 1, { ScheduleExpression: 'rate(6 hours)' });
    run(rate);
    expect(rate.sink.received.map((r) => r.at)).toEqual([0, 6 * HOUR, 12 * HOUR, 18 * HOUR, 24 * HOUR]);
    const once = scheduleBench('2026-01-05T00:00:00Z', 1, { ScheduleExpression: 'at(2026-01-05T10:30:00)', ScheduleExpressionTimezone: 'America/New_York' });
    run(once);
    expect(once.iso()).toEqual(['2026-01-05T15:30:00.000Z']);
  });

  it('spreads invocations uniformly over a flexible window', () => {
    const b = scheduleBench('2026-01-05T00:00:00Z', 100, { ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 60 } });
    run(b);
    const delays = b.sink.received.map((r) => r.at % HOUR);
    expect(delays.length).toBe(2400);
    // Ten equal bins of the hour each hold about a tenth (binomial sd ~15 of 240).
    const bins = new Array<number>(10).fill(0);
    for (const d of delays) bins[Math.floor(d / (HOUR / 10))]++;
    for (const n of bins) expect(Math.abs(n - 240)).toBeLessThan(60);
    const mean = delays.reduce((s, d) => s + d, 0) / delays.length;
    expect(mean / HOUR).toBeCloseTo(0.5, 1);
    // Invocations are never early: each falls within its own hour.
    const off = scheduleBench('2026-01-05T00:00:00Z', 1, { ScheduleExpression: 'rate(1 hour)' });
    run(off);
    expect(off.sink.received.every((r) => r.at % HOUR === 0)).toBe(true);
  });

  it('retries a failing target per its policy and dead-letters each invocation once', () => {
    class Broken extends Model {
      attempts = 0;
      constructor(ctx: SimContext) {
        super(ctx, simNode('Job', QUEUE));
      }
      override receive(_m: Message, _e: Edge, replyTo: ReplyTo | null, slot: number): void {
        this.attempts++;
        replyTo?.reply(slot, Outcome.Failed, this.ctx.now);
      }
    }
    // Firings at 0, 4, ..., 20 h; the run ends an hour before the next one, when every retry is done.
    const bench = new TestBench(23 * 3600, 3600);
    const schedule = bench.add(new ScheduleModel(bench, simNode('Every4h', SCHEDULE, scheduleProperties.parse({ ScheduleExpression: 'rate(4 hours)' }))));
    const job = bench.add(new Broken(bench));
    const dlq = bench.add(new Sink(bench, 'DLQ', QUEUE));
    bench.connect(schedule, job, 'target', { RetryPolicy: { MaximumRetryAttempts: 3 } });
    bench.connect(schedule, dlq, 'deadLetter');
    bench.start();
    bench.run();
    expect(job.attempts).toBe(6 * 4);
    expect(dlq.received.length).toBe(6);
    expect(bench.sum('Every4h', 'Invocations')).toBe(6);
    expect(bench.sum('Every4h', 'InvocationDroppedCount')).toBe(6);
    expect(bench.sum('Every4h', 'InvocationsSentToDeadLetterCount')).toBe(6);
    expect(bench.sum('Every4h', 'TargetErrorCount')).toBe(24);
  });

  it('refuses bad expressions, time zones and windows, naming the property', () => {
    const issues = (p: Record<string, unknown>) => {
      const r = scheduleProperties.safeParse(p);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ ScheduleExpression: 'cron(61 12 * * ? *)' })[0]).toMatch(/^ScheduleExpression: cron\(61 12 \* \* \? \*\): minutes "61"/);
    expect(issues({ ScheduleExpressionTimezone: 'Mars/Olympus' })[0]).toMatch(/^ScheduleExpressionTimezone: .*not a time zone/);
    expect(issues({ FlexibleTimeWindow: { Mode: 'FLEXIBLE' } })[0]).toMatch(/^FlexibleTimeWindow: .*required with Mode FLEXIBLE/);
    expect(issues({ FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 1441 } })[0]).toMatch(/^FlexibleTimeWindow\.MaximumWindowInMinutes/);
    expect(issues({ ScheduleExpression: 'at(2026-01-05T10:30:00)' })).toEqual([]);
  });
});

describe('scheduled rules on a bus', () => {
  it('send aws.events "Scheduled Event"s at the cron times, in UTC', () => {
    const bench = new TestBench(3 * 86_400, 3600);
    const bus = bench.add(new EventBus(bench, simNode('Bus', 'AWS::Events::EventBus', {}, { deliveryLatency: { distribution: 'constant', valueMs: 0 } })));
    const sink = bench.add(new Sink(bench, 'Cleanup', QUEUE));
    bench.connect(bus, sink, 'target', { ScheduleExpression: 'cron(0 2 * * ? *)' });
    bench.start();
    bench.run();
    expect(sink.received.map((r) => r.at)).toEqual([2 * HOUR, 26 * HOUR, 50 * HOUR]);
    expect(sink.received[1].msg.body).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event', time: '2026-01-06T02:00:00Z', resources: ['arn:aws:events:us-east-1:123456789012:rule/Bus-Cleanup'] });
    expect(bench.sum('Bus', 'TriggeredRules')).toBe(3);
    expect(bench.sum('Bus', 'Cost')).toBe(0);
  });
});
