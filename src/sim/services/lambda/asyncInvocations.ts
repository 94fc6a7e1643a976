import { formatMs, type Trace } from '../../core/journey.ts';
import { Outcome, type Edge, type Message, type ReplyTo, type SimContext, type Timer } from '../../core/model.ts';
import { Deque } from '../../core/deque.ts';
import { AsyncEventPool, type AsyncEvent } from './asyncQueue.ts';
import type { ThrottleReason } from './throttleReasons.ts';

/** What the async path needs of its function (the LambdaModel). */
export interface AsyncHost {
  readonly id: string;
  readonly out: Edge[];
  readonly in: Edge[];
  /** Starts an invocation of `ev` (its end calls asyncDone), or returns the throttle reason. */
  startAsync(ev: AsyncEvent): ThrottleReason | null;
  /** Whether an invocation could get an execution now (reserved cap or the unreserved pool). */
  hasFreeConcurrency(): boolean;
  readonly reservedZero: boolean;
  sendOn(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void;
}


/**
 * Retry classes. An event waiting for a retry sits in the class of its delay; every event of a class waits the
 * same delay, so each class is a FIFO ordered by due time and needs one timer (no heap event per event).
 * docs/aws-behaviour.md, Lambda "async invocation": function errors are retried about 1 min then 2 min later;
 * throttles back off from 1 s, doubling, up to 5 min.
 */
export const FUNCTION_ERROR_RETRY_DELAYS_MS = [60_000, 120_000] as const;
export const THROTTLE_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000] as const;
const CLASS_DELAYS = [...FUNCTION_ERROR_RETRY_DELAYS_MS, ...THROTTLE_BACKOFF_MS];
const THROTTLE_CLASS = FUNCTION_ERROR_RETRY_DELAYS_MS.length;
/** The slots the DLQ's and the destinations' answers come back with. */
const DEAD_LETTER_SLOT = 0;
const DESTINATION_SLOT = 1;
/**
 * Events wait in the queue while the function has no free concurrency; its own completions wake the queue at
 * once, and this poll catches capacity freed elsewhere (the account's unreserved pool). Assumption: AWS
 * publishes no poll interval.
 */
export const ASYNC_POLL_MS = 1_000;

/** How async events ended, for conservation checks. */
export interface AsyncCounts {
  received: number;
  succeeded: number;
  /** Function errors on every attempt (1 + MaximumRetryAttempts). */
  retriesExhausted: number;
  /** Older than MaximumEventAgeInSeconds when next due. */
  expired: number;
  /** Reserved concurrency 0: sent straight to the DLQ / on-failure destination. */
  rejected: number;
  inFlight: number;
  /** Invocations started (attempts that ran). */
  started: number;
  /** Attempts throttled (reserved concurrency 0 included). */
  throttled: number;
}

/**
 * Lambda's asynchronous (Event) invocation path (docs/aws-behaviour.md, Lambda "async invocation",
 * "DLQ / destinations", "reserved concurrency"). Accepted events go to an internal FIFO queue and are invoked as
 * concurrency allows. A function error retries the event after 60 s, then 120 s (MaximumRetryAttempts 0..2); a
 * throttle returns it with a backoff of 1 s doubling to 5 min; an event older than MaximumEventAgeInSeconds
 * is dropped when next due. Dropped and failed events go to the DLQ (the event) and the OnFailure destination
 * (an invocation record); successes to the OnSuccess destination.
 */
export class AsyncInvocations implements ReplyTo {
  private readonly ready = new Deque<AsyncEvent>();
  private readonly classes = CLASS_DELAYS.map(() => new Deque<AsyncEvent>());
  private readonly armedAt = new Float64Array(CLASS_DELAYS.length).fill(Infinity);
  private readonly pool = new AsyncEventPool();
  private pollArmed = false;
  /** Events in the queue or waiting for a retry. */
  private held = 0;
  private maxRetries = 2;
  private maxAgeMs = 21_600_000;
  private deadLetter: Edge | null = null;
  private onFailure: Edge | null = null;
  private onSuccess: Edge | null = null;
  readonly count: AsyncCounts = { received: 0, succeeded: 0, retriesExhausted: 0, expired: 0, rejected: 0, inFlight: 0, started: 0, throttled: 0 };

  // Metric handles, defined only for a function that can receive async events (-1 until then).
  private mReceived = -1;
  private mAge = -1;
  private mDropped = -1;
  private mDeadLetterErrors = -1;
  private mDestinationFailures = -1;
  private mQueued = -1;

  /** The queue's poll while events wait for concurrency, and each retry class's earliest event. */
  private readonly pollTimer: Timer<null>;
  private readonly classTimer: Timer<number>;

  constructor(
    private readonly ctx: SimContext,
    private readonly host: AsyncHost,
  ) {
    this.pollTimer = ctx.timer(() => {
      this.pollArmed = false;
      this.dispatch();
    });
    this.classTimer = ctx.timer((i) => this.onClassDue(i));
  }

  /** The DLQ's or a destination's answer to a delivery. */
  reply(slot: number, outcome: Outcome): void {
    if (outcome !== Outcome.Ok) this.ctx.metrics.add(slot === DEAD_LETTER_SLOT ? this.mDeadLetterErrors : this.mDestinationFailures, 1);
  }

  private defineMetrics(): void {
    const m = this.ctx.metrics;
    const id = this.host.id;
    this.mReceived = m.counter(id, 'AsyncEventsReceived');
    this.mAge = m.distribution(id, 'AsyncEventAge');
    this.mDropped = m.counter(id, 'AsyncEventsDropped');
    this.mDeadLetterErrors = m.counter(id, 'DeadLetterErrors');
    this.mDestinationFailures = m.counter(id, 'DestinationDeliveryFailures');
    this.mQueued = m.level(id, 'AsyncEventsQueued');
  }

  configure(maxRetryAttempts: number, maxEventAgeSeconds: number): void {
    this.maxRetries = maxRetryAttempts;
    this.maxAgeMs = maxEventAgeSeconds * 1000;
  }

  /**
   * Before time starts: publishes the async metrics if any inbound edge may invoke asynchronously (so a
   * function only ever called synchronously shows no empty async charts), and finds the DLQ and destination
   * edges (the first of each role; more are reported).
   */
  wire(): void {
    if (this.host.in.some(mayInvokeAsync)) this.defineMetrics();
    for (const e of this.host.out) {
      const role = e.role;
      if (role !== 'deadLetter' && role !== 'onFailure' && role !== 'onSuccess') continue;
      const current = role === 'deadLetter' ? this.deadLetter : role === 'onFailure' ? this.onFailure : this.onSuccess;
      if (current !== null) {
        this.ctx.warn(this.host.id, `a function has one ${role} target; ${e.to.id} is ignored, ${current.to.id} is used`);
        continue;
      }
      if (role === 'deadLetter') this.deadLetter = e;
      else if (role === 'onFailure') this.onFailure = e;
      else this.onSuccess = e;
    }
  }

  /** Events held by Lambda: waiting in the queue or for a retry (not running). */
  get queued(): number {
    return this.held;
  }

  /** Whether events wait for free concurrency (the function's completions then call dispatch). */
  get waiting(): boolean {
    return this.ready.size > 0;
  }

  /** An Event invocation: the caller already has its 202. */
  accept(msg: Message): void {
    const now = this.ctx.now;
    if (this.mReceived < 0) this.defineMetrics(); // an async caller wire() did not foresee
    this.count.received++;
    this.ctx.metrics.add(this.mReceived, 1);
    const ev = this.pool.take(msg, now);
    msg.trace?.hop(this.host.id, 'event', 'queued (Event invocation)', now, now, 'the caller has its 202');
    this.ready.pushBack(ev);
    this.held++;
    this.dispatch();
  }

  /** Invokes queued events while the function has concurrency to spare. */
  dispatch(): void {
    const now = this.ctx.now;
    const q = this.ready;
    const host = this.host;
    while (q.size > 0) {
      const ev = q.peekFront();
      if (now - ev.enqueuedAt > this.maxAgeMs) {
        q.popFront();
        this.held--;
        this.count.expired++;
        this.drop(ev, `older than MaximumEventAgeInSeconds ${this.maxAgeMs / 1000}`);
        continue;
      }
      if (host.reservedZero) {
        // Reserved concurrency 0: the attempt is throttled (and counted) and the event goes straight to the DLQ / on-failure.
        q.popFront();
        this.held--;
        host.startAsync(ev);
        ev.msg?.trace?.hop(host.id, 'throttle', 'throttled', now, now, 'ReservedFunctionConcurrentInvocationLimitExceeded (reserved concurrency 0)');
        this.count.throttled++;
        this.count.rejected++;
        this.drop(ev, 'reserved concurrency 0');
        continue;
      }
      if (!host.hasFreeConcurrency()) break;
      q.popFront();
      // AsyncEventAge: time from queueing to each invocation attempt.
      this.ctx.metrics.record(this.mAge, now - ev.enqueuedAt);
      const trace = (ev.msg as Message).trace;
      if (trace !== null && now > ev.readyAt) trace.hop(host.id, 'wait', 'waits for an execution', ev.readyAt, now, 'in the async invocation queue');
      const throttled = host.startAsync(ev);
      if (throttled === null) {
        this.held--;
        this.count.inFlight++;
        this.count.started++;
        continue;
      }
      // Throttled for another reason (the scaling rate): back off, and let the pollers rest.
      this.count.throttled++;
      const k = ev.throttles < THROTTLE_BACKOFF_MS.length ? ev.throttles : THROTTLE_BACKOFF_MS.length - 1;
      ev.throttles++;
      this.toClass(ev, THROTTLE_CLASS + k, now);
      if (trace !== null) {
        trace.hop(host.id, 'throttle', 'throttled', now, now, throttled);
        trace.hop(host.id, 'retry', 'backs off after a throttle', now, ev.readyAt, `${formatMs(ev.readyAt - now)}, throttle ${ev.throttles}`);
      }
      break;
    }
    if (q.size > 0 && !this.pollArmed) {
      this.pollArmed = true;
      this.pollTimer.at(now + ASYNC_POLL_MS, null);
    }
    this.ctx.metrics.setLevel(this.mQueued, this.queued, now);
  }

  /** An invocation of `ev` ended. */
  done(ev: AsyncEvent, outcome: Outcome): void {
    const now = this.ctx.now;
    this.count.inFlight--;
    ev.throttles = 0;
    const trace = (ev.msg as Message).trace;
    if (outcome === Outcome.Ok) {
      this.count.succeeded++;
      if (this.onSuccess !== null) {
        trace?.hop(this.host.id, 'event', `OnSuccess record to ${this.onSuccess.to.id}`, now, now);
        this.deliver(this.onSuccess, this.record(ev));
      }
      this.pool.give(ev);
    } else if (ev.errors < this.maxRetries) {
      this.held++;
      // aws-behaviour Lambda "async invocation": function errors are retried about 1 min, then 2 min, later.
      this.toClass(ev, ev.errors, now);
      ev.errors++;
      trace?.hop(this.host.id, 'retry', `retry ${ev.errors} of ${this.maxRetries} waits`, now, ev.readyAt, `${formatMs(ev.readyAt - now)} after the error`);
    } else {
      this.count.retriesExhausted++;
      this.drop(ev, `failed ${ev.errors + 1} attempts (MaximumRetryAttempts ${this.maxRetries})`);
    }
    this.ctx.metrics.setLevel(this.mQueued, this.queued, now);
  }

  /** Retry class `i`'s earliest event is due. */
  private onClassDue(i: number): void {
    const c = this.classes[i];
    const now = this.ctx.now;
    this.armedAt[i] = Infinity;
    while (c.size > 0 && c.peekFront().readyAt <= now) this.ready.pushBack(c.popFront());
    if (c.size > 0) this.arm(i, c.peekFront().readyAt);
    this.dispatch();
  }

  private toClass(ev: AsyncEvent, i: number, now: number): void {
    ev.readyAt = now + CLASS_DELAYS[i];
    this.classes[i].pushBack(ev);
    if (this.armedAt[i] === Infinity) this.arm(i, ev.readyAt);
  }

  private arm(i: number, at: number): void {
    this.armedAt[i] = at;
    this.classTimer.at(at, i);
  }

  /** AsyncEventsDropped; the event to the DLQ, an invocation record to the on-failure destination. */
  private drop(ev: AsyncEvent, why: string): void {
    this.ctx.metrics.add(this.mDropped, 1);
    const trace = (ev.msg as Message).trace;
    if (trace !== null) this.traceDrop(trace, why);
    if (this.deadLetter !== null) this.host.sendOn(this.deadLetter, ev.msg as Message, this, DEAD_LETTER_SLOT);
    if (this.onFailure !== null) this.deliver(this.onFailure, this.record(ev));
    this.pool.give(ev);
  }

  private traceDrop(trace: Trace, why: string): void {
    const now = this.ctx.now;
    const id = this.host.id;
    if (this.deadLetter !== null) trace.hop(id, 'deadLetter', `to the dead-letter queue ${this.deadLetter.to.id}`, now, now, why);
    if (this.onFailure !== null) trace.hop(id, 'deadLetter', `OnFailure record to ${this.onFailure.to.id}`, now, now, why);
    if (this.deadLetter === null && this.onFailure === null) trace.hop(id, 'deadLetter', 'dropped', now, now, `${why}; no DLQ or OnFailure destination`);
    trace.fail(this.deadLetter !== null ? `sent to the dead-letter queue ${this.deadLetter.to.id}` : `dropped by ${id}`);
  }

  /** Destinations: SQS and SNS answer (a failure is a DestinationDeliveryFailures); a Lambda is invoked async. */
  private deliver(edge: Edge, msg: Message): void {
    this.host.sendOn(edge, msg, edge.async ? null : this, DESTINATION_SLOT);
  }

  /** The invocation record a destination receives: request metadata and payload, a new message. */
  private record(ev: AsyncEvent): Message {
    const msg = ev.msg as Message;
    return {
      id: this.ctx.nextMessageId(),
      createdAt: msg.createdAt,
      sizeKB: msg.sizeKB,
      attributes: null,
      records: null,
      key: msg.key,
      poison: false,
      trace: msg.trace,
    };
  }
}


/** Whether an inbound edge delivers Event invocations (the function's AcceptRule for its role says so). */
function mayInvokeAsync(edge: Edge): boolean {
  return edge.async;
}
