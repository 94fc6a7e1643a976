import { Outcome, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type Timer } from '../../core/model.ts';
import { SlotPool } from '../../core/slotPool.ts';
import type { Random } from '../../core/random.ts';
import { afterFailure, DEFAULT_BACKOFF, retryDelayMs, type RetryPolicy } from '../../core/targetRetry/targetRetry.ts';

/**
 * Delivery of events to rule targets and schedule targets, with EventBridge's retry policy (docs/aws-behaviour.md
 * "EventBridge: retries", "EventBridge: non-retriable errors", "EventBridge: quotas"; timing in core/targetRetry):
 * - each attempt first takes a slot of the account's target-invocation quota (settings.eventBridgeInvocationsPerSecond);
 *   without one it waits for the next second (a throttled invocation is delayed, not dropped);
 * - a target that answers Throttled is tried again after a backoff that does not use up MaximumRetryAttempts,
 *   still bounded by MaximumEventAgeInSeconds;
 * - a failed attempt is retried per the policy; an error naming a missing target or a missing permission
 *   (ResourceNotFound, AccessDenied) goes straight to the DLQ; an event whose retries end goes to the target's
 *   DLQ edge if it has one, else it is dropped;
 * - asynchronous targets (Lambda) take the event at once: they answer nothing, so their attempt succeeds.
 */

/** Metric names a kind publishes for its deliveries (its own CloudWatch names); undefined: not published. */
export interface DeliveryMetricNames {
  attempts: string;
  /** Events whose delivery ended: delivered, or failed for good (AWS's Invocations). */
  invocations?: string;
  retryAttempts?: string;
  successes?: string;
  failedAttempts?: string;
  /** Events whose delivery failed for good (retries ended, or not retriable). */
  failed: string;
  /** Attempts delayed by the invocation quota. */
  throttled: string;
  /** Attempts the target answered with a throttle. */
  targetThrottled?: string;
  deadLettered: string;
  deadLetterFailed: string;
  /** Distribution of ingestion to first invocation start (ms). */
  latency?: string;
}

export interface DeliveryTarget {
  edge: Edge;
  policy: RetryPolicy;
  dlq: Edge | null;
  input: (event: Record<string, unknown>) => unknown;
}

/** Exact counts, for tests and conservation: every event handed over ends delivered, failed or in flight. */
export interface DeliveryCounts {
  events: number;
  attempts: number;
  delivered: number;
  failed: number;
  deadLettered: number;
  deadLetterFailed: number;
  quotaDelayed: number;
  targetThrottled: number;
}

const NON_RETRIABLE = /ResourceNotFound|AccessDenied|NotFound|Forbidden/;

class Pending {
  attempts = 0;
  throttles = 0;
  toDlq = false;
  started = false;
  constructor(
    readonly target: DeliveryTarget,
    readonly msg: Message,
    readonly ingestedAt: number,
  ) {}
}

type Handle = number;
const NONE: Handle = -1;

export class TargetDeliveries implements ReplyTo {
  readonly count: DeliveryCounts = { events: 0, attempts: 0, delivered: 0, failed: 0, deadLettered: 0, deadLetterFailed: 0, quotaDelayed: 0, targetThrottled: 0 };
  private readonly timer: Timer<Pending>;
  private readonly h: Record<keyof DeliveryMetricNames, Handle>;
  private readonly quota: { second: number; used: number };
  private readonly perSecond: number;
  private inFlight = 0;
  /** Attempts waiting for the target's (or the DLQ's) answer, by slot. */
  private readonly slots = new SlotPool(64);
  private readonly awaiting: (Pending | null)[] = [];

  constructor(
    private readonly ctx: SimContext,
    nodeId: string,
    private readonly send: (edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number) => void,
    names: DeliveryMetricNames,
    private readonly rng: Random,
    /** The account's target-invocation quota a second (settings.eventBridgeInvocationsPerSecond by default). */
    perSecond?: number,
  ) {
    this.timer = ctx.timer((p) => this.attempt(p));
    const m = ctx.metrics;
    const counter = (n: string | undefined) => (n === undefined ? NONE : m.counter(nodeId, n));
    this.h = {
      attempts: counter(names.attempts),
      invocations: counter(names.invocations),
      retryAttempts: counter(names.retryAttempts),
      successes: counter(names.successes),
      failedAttempts: counter(names.failedAttempts),
      failed: counter(names.failed),
      throttled: counter(names.throttled),
      targetThrottled: counter(names.targetThrottled),
      deadLettered: counter(names.deadLettered),
      deadLetterFailed: counter(names.deadLetterFailed),
      latency: names.latency === undefined ? NONE : m.distribution(nodeId, names.latency),
    };
    this.quota = ctx.shared('eventBridge/targetInvocations', () => ({ second: -1, used: 0 }));
    this.perSecond = perSecond ?? Number(ctx.settings.eventBridgeInvocationsPerSecond ?? 18_750);
  }

  /** Events waiting for an attempt or an answer. */
  backlog(): number {
    return this.inFlight;
  }

  /** Hands one event to a target: the first attempt starts at `at`. */
  deliver(target: DeliveryTarget, event: Record<string, unknown>, template: Message, ingestedAt: number, at: number): void {
    const msg: Message = { ...template, id: this.ctx.nextMessageId(), records: null, body: target.input(event) };
    this.count.events++;
    this.inFlight++;
    this.timer.at(at, new Pending(target, msg, ingestedAt));
  }

  private add(h: Handle, v = 1): void {
    if (h !== NONE) this.ctx.metrics.add(h, v);
  }

  private takeQuotaSlot(now: number): boolean {
    const second = Math.floor(now / 1000);
    if (second !== this.quota.second) {
      this.quota.second = second;
      this.quota.used = 0;
    }
    if (this.quota.used >= this.perSecond) return false;
    this.quota.used++;
    return true;
  }

  private attempt(p: Pending): void {
    const now = this.ctx.now;
    if (p.toDlq) {
      this.sendAwaiting(p.target.dlq as Edge, p);
      return;
    }
    if (!this.takeQuotaSlot(now)) {
      this.count.quotaDelayed++;
      this.add(this.h.throttled);
      this.timer.atUnordered((Math.floor(now / 1000) + 1) * 1000, p, this.rng.next());
      return;
    }
    p.attempts++;
    this.count.attempts++;
    this.add(this.h.attempts);
    if (p.attempts > 1) this.add(this.h.retryAttempts);
    if (!p.started) {
      p.started = true;
      if (this.h.latency !== NONE) this.ctx.metrics.record(this.h.latency, now - p.ingestedAt);
    }
    if (p.target.edge.async) {
      this.send(p.target.edge, p.msg, null, -1);
      this.delivered();
    } else this.sendAwaiting(p.target.edge, p);
  }

  /** Sends an attempt whose answer comes back through reply() with a slot that names the event. */
  private sendAwaiting(edge: Edge, p: Pending): void {
    const slot = this.slots.take();
    this.awaiting[slot] = p;
    this.send(edge, p.msg, this, slot);
  }

  /** A target's (or a DLQ's) answer to one attempt. */
  reply(slot: number, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    const p = this.awaiting[slot] as Pending;
    this.awaiting[slot] = null;
    this.slots.give(slot);
    this.onReply(p, outcome, doneAt, info);
  }

  private onReply(p: Pending, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    if (p.toDlq) {
      this.inFlight--;
      if (outcome === Outcome.Ok) {
        this.count.deadLettered++;
        this.add(this.h.deadLettered);
      } else {
        this.count.deadLetterFailed++;
        this.add(this.h.deadLetterFailed);
      }
      return;
    }
    if (outcome === Outcome.Ok) {
      this.delivered();
      return;
    }
    const policy = p.target.policy;
    if (outcome === Outcome.Throttled) {
      p.throttles++;
      this.count.targetThrottled++;
      this.add(this.h.targetThrottled);
      const retryAt = doneAt + retryDelayMs(p.throttles, DEFAULT_BACKOFF, this.rng);
      if (retryAt - p.ingestedAt <= policy.MaximumEventAgeInSeconds * 1000) {
        this.timer.at(retryAt, p);
        return;
      }
      this.giveUp(p, doneAt);
      return;
    }
    this.add(this.h.failedAttempts);
    const retriable = !NON_RETRIABLE.test(info?.reason ?? '');
    const decision = afterFailure(policy, p.attempts, p.ingestedAt, doneAt, this.rng, DEFAULT_BACKOFF, retriable);
    if ('retryAt' in decision) this.timer.at(decision.retryAt, p);
    else this.giveUp(p, doneAt);
  }

  private giveUp(p: Pending, at: number): void {
    this.count.failed++;
    this.add(this.h.failed);
    this.add(this.h.invocations);
    if (p.target.dlq === null) {
      this.inFlight--;
      return;
    }
    p.toDlq = true;
    this.timer.at(at, p);
  }

  private delivered(): void {
    this.inFlight--;
    this.count.delivered++;
    this.add(this.h.successes);
    this.add(this.h.invocations);
  }
}
