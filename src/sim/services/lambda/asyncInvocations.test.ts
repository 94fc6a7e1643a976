import { describe, expect, it } from 'vitest';
import { Outcome, type Edge, type Message, type ReplyTo } from '../../core/model.ts';
import { Simulation } from '../../engine.ts';
import { scenario, sum, total, type ScenarioBuilder } from '../../testing.ts';
import type { AsyncEvent } from './asyncQueue.ts';
import type { LambdaModel } from './model.ts';
import type { ThrottleReason } from './throttleReasons.ts';
import { loadedModels } from '../registry.ts';

const FN = 'AWS::Lambda::Function';
const QUEUE = 'AWS::SQS::Queue';
/** `n` Event invocations, one per second from t = 0. */
const events = (n: number, extra: Record<string, unknown> = {}) => ({ pattern: 'constant', ratePerSecond: 1, stopSeconds: n - 0.5, ...extra });
const eventEdge = { properties: { invocationType: 'Event' } };

/** Runs the scenario, recording the simulated time (s) of every attempt to invoke an async event. */
function runWithAttempts(b: ScenarioBuilder, fnId = 'Fn', throttleFirst = 0): { sim: Simulation; attempts: number[] } {
  const sim = new Simulation(b.build(), loadedModels());
  const fn = sim.model(fnId) as LambdaModel;
  const attempts: number[] = [];
  const start = fn.startAsync.bind(fn);
  let throttled = 0;
  fn.startAsync = (ev: AsyncEvent): ThrottleReason | null => {
    attempts.push(sim.now / 1000);
    if (throttled < throttleFirst) {
      throttled++;
      return 'ScalingRateLimitExceeded';
    }
    return start(ev);
  };
  sim.run();
  return { sim, attempts };
}

describe('Lambda async invocation: retries and destinations', () => {
  it('retries an always-failing event 60 s after the first failure and 120 s after the second, then sends one record to OnFailure', () => {
    const { sim, attempts } = runWithAttempts(
      scenario({ durationSeconds: 400 })
        .node('Users', 'Client', events(1))
        .node('Fn', FN, {}, { duration: 100, coldStartMs: 0, errorRate: 1 })
        .node('Failures', QUEUE)
        .edge('Users', 'Fn', eventEdge)
        .edge('Fn', 'Failures', { role: 'onFailure' }),
    );
    // Attempt at 0 s ends at 0.1 s; retry at 60.1 s ends at 60.2 s; retry at 180.2 s.
    expect(attempts).toEqual([0, 60.1, 180.2]);
    expect(sum(sim, 'Fn', 'Invocations')).toBe(3);
    expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(1);
    expect(sum(sim, 'Failures', 'NumberOfMessagesSent')).toBe(1);
    expect(total(sim, 'Fn', 'AsyncEventAge').Maximum).toBeCloseTo(180_200, 6);
  });

  it('makes exactly 1 + MaximumRetryAttempts attempts per event and sends each failed event once to OnFailure', () => {
    for (const retries of [0, 1, 2]) {
      const sim = scenario({ durationSeconds: 600 })
        .node('Users', 'Client', events(20))
        .node('Fn', FN, { MaximumRetryAttempts: retries }, { duration: 100, coldStartMs: 0, errorRate: 1 })
        .node('Failures', QUEUE)
        .edge('Users', 'Fn', eventEdge)
        .edge('Fn', 'Failures', { role: 'onFailure' })
        .run();
      expect(sum(sim, 'Users', 'Requests')).toBe(20);
      expect(sum(sim, 'Fn', 'AsyncEventsReceived')).toBe(20);
      expect(sum(sim, 'Fn', 'Invocations')).toBe(20 * (1 + retries));
      expect(sum(sim, 'Fn', 'Errors')).toBe(20 * (1 + retries));
      expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(20);
      expect(sum(sim, 'Failures', 'NumberOfMessagesSent')).toBe(20);
    }
  });

  it('sends failed events to the DLQ and OnFailure, and invocation records of successes only to OnSuccess', () => {
    const sim = scenario({ durationSeconds: 300 })
      .node('Good', 'Client', events(10))
      .node('Bad', 'Client', events(5, { startSeconds: 0.25 }), { poisonRate: 1 })
      .node('Fn', FN, { MaximumRetryAttempts: 1 }, { duration: 100, coldStartMs: 0 })
      .node('Dlq', QUEUE)
      .node('Failures', QUEUE)
      .node('Successes', QUEUE)
      .edge('Good', 'Fn', eventEdge)
      .edge('Bad', 'Fn', eventEdge)
      .edge('Fn', 'Dlq', { role: 'deadLetter' })
      .edge('Fn', 'Failures', { role: 'onFailure' })
      .edge('Fn', 'Successes', { role: 'onSuccess' })
      .run();
    expect(sum(sim, 'Fn', 'Invocations')).toBe(10 + 5 * 2);
    expect(sum(sim, 'Successes', 'NumberOfMessagesSent')).toBe(10);
    expect(sum(sim, 'Dlq', 'NumberOfMessagesSent')).toBe(5);
    expect(sum(sim, 'Failures', 'NumberOfMessagesSent')).toBe(5);
    expect(sum(sim, 'Fn', 'DeadLetterErrors')).toBe(0);
  });

  it('counts DeadLetterErrors when the DLQ refuses the event', () => {
    const sim = new Simulation(
      scenario({ durationSeconds: 100 })
        .node('Users', 'Client', events(4))
        .node('Fn', FN, { MaximumRetryAttempts: 0 }, { duration: 100, coldStartMs: 0, errorRate: 1 })
        .node('Dlq', QUEUE)
        .edge('Users', 'Fn', eventEdge)
        .edge('Fn', 'Dlq', { role: 'deadLetter' })
        .build(),
      loadedModels(),
    );
    // The DLQ throttles every SendMessage (as a queue over its send limit would).
    (sim.model('Dlq') as { receive(m: Message, e: Edge, r: ReplyTo | null, slot: number): void }).receive = (_m, _e, replyTo, slot) =>
      replyTo?.reply(slot, Outcome.Throttled, sim.now, { reason: 'ThrottlingException' });
    sim.run();
    expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(4);
    expect(sum(sim, 'Fn', 'DeadLetterErrors')).toBe(4);
  });

  it('with reserved concurrency 0 sends every event straight to the DLQ and OnFailure without running it', () => {
    const sim = scenario({ durationSeconds: 30 })
      .node('Users', 'Client', events(10))
      .node('Fn', FN, { ReservedConcurrentExecutions: 0 })
      .node('Dlq', 'AWS::SNS::Topic')
      .node('Failures', QUEUE)
      .edge('Users', 'Fn', eventEdge)
      .edge('Fn', 'Dlq', { role: 'deadLetter' })
      .edge('Fn', 'Failures', { role: 'onFailure' })
      .run();
    expect(sum(sim, 'Fn', 'Invocations')).toBe(0);
    expect(sum(sim, 'Fn', 'Throttles')).toBe(10);
    expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(10);
    expect(sum(sim, 'Dlq', 'NumberOfMessagesPublished')).toBe(10);
    expect(sum(sim, 'Failures', 'NumberOfMessagesSent')).toBe(10);
    expect((sim.model('Fn') as LambdaModel).asyncPath.count.rejected).toBe(10);
  });

  it('delivers invocation records to a Lambda destination as async invocations', () => {
    const sim = scenario({ durationSeconds: 60 })
      .node('Users', 'Client', events(7))
      .node('Fn', FN, {}, { duration: 100, coldStartMs: 0 })
      .node('Audit', FN, {}, { duration: 10, coldStartMs: 0 })
      .edge('Users', 'Fn', eventEdge)
      .edge('Fn', 'Audit', { role: 'onSuccess' })
      .run();
    expect(sum(sim, 'Audit', 'AsyncEventsReceived')).toBe(7);
    expect(sum(sim, 'Audit', 'Invocations')).toBe(7);
  });
});

describe('Lambda async invocation: throttles and event age', () => {
  it('backs a throttled event off 1 s, doubling, up to 5 min between attempts', () => {
    const { sim, attempts } = runWithAttempts(
      scenario({ durationSeconds: 1000 })
        .node('Users', 'Client', events(1))
        .node('Fn', FN, {}, { duration: 100, coldStartMs: 0 })
        .edge('Users', 'Fn', eventEdge),
      'Fn',
      10,
    );
    expect(attempts).toEqual([0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 811]);
    expect(sum(sim, 'Fn', 'Invocations')).toBe(1);
    expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(0);
  });

  it('drops a throttled event once it is older than MaximumEventAgeInSeconds, and sends it to the DLQ', () => {
    const { sim, attempts } = runWithAttempts(
      scenario({ durationSeconds: 200 })
        .node('Users', 'Client', events(1))
        .node('Fn', FN, { MaximumEventAgeInSeconds: 60 }, { duration: 100, coldStartMs: 0 })
        .node('Dlq', QUEUE)
        .edge('Users', 'Fn', eventEdge)
        .edge('Fn', 'Dlq', { role: 'deadLetter' }),
      'Fn',
      1000,
    );
    // Due again at 63 s, 63 s old: dropped then, not attempted.
    expect(attempts).toEqual([0, 1, 3, 7, 15, 31]);
    expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(1);
    expect(sum(sim, 'Dlq', 'NumberOfMessagesSent')).toBe(1);
    expect((sim.model('Fn') as LambdaModel).asyncPath.count.expired).toBe(1);
  });

  it('drops events that waited for concurrency past MaximumEventAgeInSeconds (reserved concurrency 1)', () => {
    const n = 100;
    const sim = scenario({ durationSeconds: 400 })
      .node('Users', 'Client', events(n))
      .node('Fn', FN, { ReservedConcurrentExecutions: 1, Timeout: 20, MaximumEventAgeInSeconds: 60 }, { duration: 10_000, coldStartMs: 0 })
      .node('Failures', QUEUE)
      .edge('Users', 'Fn', eventEdge)
      .edge('Fn', 'Failures', { role: 'onFailure' })
      .run();
    // Reference: one server, FIFO, event i queued at i s, 10 s each, skipped when more than 60 s old at its turn.
    let free = 0;
    let started = 0;
    let dropped = 0;
    for (let i = 0; i < n; i++) {
      const at = Math.max(free, i);
      if (at - i > 60) dropped++;
      else {
        started++;
        free = at + 10;
      }
    }
    expect(started).toBe(16); // events 0..6, then 10, 20, ..., 90
    expect(sum(sim, 'Fn', 'Invocations')).toBe(started);
    expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(dropped);
    expect(sum(sim, 'Failures', 'NumberOfMessagesSent')).toBe(dropped);
    expect(sum(sim, 'Fn', 'Throttles')).toBe(0); // waiting for concurrency is not a throttle
    expect(total(sim, 'Fn', 'AsyncEventAge').Maximum).toBeLessThanOrEqual(60_000);
  });

  it('accounts for every event: succeeded, dropped (to OnFailure), queued or in flight', () => {
    const sim = new Simulation(
      scenario({ durationSeconds: 900, seed: 7 })
        .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 13 })
        .node('Fn', FN, { ReservedConcurrentExecutions: 3, Timeout: 10, MaximumEventAgeInSeconds: 200 }, {
          duration: { distribution: 'exponential', meanMs: 200 },
          coldStartMs: 0,
          errorRate: 0.3,
        })
        .node('Failures', QUEUE)
        .edge('Users', 'Fn', eventEdge)
        .edge('Fn', 'Failures', { role: 'onFailure' })
        .build(),
      loadedModels(),
    );
    sim.run();
    const fn = sim.model('Fn') as LambdaModel;
    const c = fn.asyncPath.count;
    const received = sum(sim, 'Fn', 'AsyncEventsReceived');
    expect(received).toBe(sum(sim, 'Users', 'Requests'));
    expect(c.received).toBe(received);
    expect(c.expired).toBeGreaterThan(0);
    expect(c.retriesExhausted).toBeGreaterThan(0);
    expect(c.succeeded + c.retriesExhausted + c.expired + c.rejected + c.inFlight + fn.asyncPath.queued).toBe(received);
    expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(c.retriesExhausted + c.expired);
    expect(sum(sim, 'Failures', 'NumberOfMessagesSent')).toBe(c.retriesExhausted + c.expired);
    expect(c.inFlight).toBe(fn.concurrency);
  });
});
