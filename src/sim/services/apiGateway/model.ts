import { compileDuration, type Sampler } from '../../core/distributions.ts';
import type { Trace } from '../../core/journey.ts';
import { NumberDeque } from '../../core/deque.ts';
import { Model, Outcome, OUTCOME_NAMES, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import { WeightedRouter } from '../client/routing.ts';
import { apiGatewayPrices } from './prices.ts';
import { apiGatewayBehaviour, apiGatewayProperties } from './spec.ts';
import { grownTo, SlotPool } from '../../core/slotPool.ts';
import { TokenBucket } from '../../core/tokenBucket.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';

const NO_INTEGRATION: ReplyInfo = Object.freeze({ reason: 'the API has no integration (no outgoing edge)' });
const THROTTLED: ReplyInfo = Object.freeze({ reason: 'Too Many Requests' });
/** The HTTP status API Gateway answers with, per outcome (aws-behaviour API Gateway "responses"). */
const STATUS: Record<Outcome, string> = { ...OUTCOME_NAMES, 0: '200', 1: '429', 4: '500', 5: '502', 6: '504' };
/** Flags of a pending integration's slot. */
const CALLER_ANSWERED = 1;
const BACKEND_ANSWERED = 2;
const LEFT_LIST = 4;

/**
 * How API Gateway answers for an integration outcome (docs/aws-behaviour.md, API Gateway "responses"):
 * Lambda throttled -> 500, Lambda error or timeout -> 502; other backend failures -> 500; gateway answers
 * of a nested API pass through.
 */
export function mapIntegrationOutcome(o: Outcome): Outcome {
  switch (o) {
    case Outcome.Ok:
      return Outcome.Ok;
    case Outcome.Throttled:
    case Outcome.Failed:
      return Outcome.ServerError;
    case Outcome.FunctionError:
    case Outcome.FunctionTimeout:
      return Outcome.BadGateway;
    default:
      return o;
  }
}

/**
 * AWS::ApiGateway::RestApi: the stage token bucket, then the account's (shared by all APIs), then the
 * integration with a timeout. Pending integrations are FIFO in start time (one timeout for all), so one
 * timer for the oldest is enough: no heap event per request.
 */
export class ApiGatewayModel extends Model implements ReplyTo {
  private readonly stage = new TokenBucket(5000, 10_000);
  private readonly account: TokenBucket;
  private readonly router: WeightedRouter;
  private readonly overheadRng: Random;
  /** One timer serves the oldest pending integration's deadline. */
  private readonly timeoutTimer: Timer<null>;
  private sampleOverhead!: Sampler;
  private timeoutMs = 29_000;
  private stageRate = 10_000;
  /** Integrations waiting for their backend, by slot, in start order (so deadlines are in order too). */
  private readonly pending = new NumberDeque(256);
  private readonly slots = new SlotPool(256, (n) => this.growSlots(n));
  private startedAt = new Float64Array(256);
  private deadline = new Float64Array(256);
  private overhead = new Float64Array(256);
  /** CALLER_ANSWERED | BACKEND_ANSWERED | LEFT_LIST; the slot is free for reuse once the last two are set. */
  private state = new Uint8Array(256);
  private callerSlot = new Int32Array(256);
  private readonly caller: (ReplyTo | null)[] = [];
  /** Traces of sampled requests awaiting their integration's answer, by slot (core/journey.ts). */
  private readonly tracedSlots = new Map<number, Trace>();
  private timerArmed = false;

  private readonly mCount: number;
  private readonly m4xx: number;
  private readonly m5xx: number;
  private readonly mLatency: number;
  private readonly mIntegrationLatency: number;
  private readonly mCost: number;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    this.timeoutTimer = ctx.timer(() => this.onTimeout());
    const s = ctx.settings;
    this.account = ctx.shared('apiGateway.account', () => new TokenBucket(s.apiGatewayAccountBurstLimit, s.apiGatewayAccountRateLimit));
    this.router = new WeightedRouter(ctx.random(node.id, 'routing'));
    this.overheadRng = ctx.random(node.id, 'overhead');
    const m = ctx.metrics;
    this.mCount = m.counter(node.id, 'Count');
    this.m4xx = m.counter(node.id, '4XXError');
    this.m5xx = m.counter(node.id, '5XXError');
    this.mLatency = m.distribution(node.id, 'Latency');
    this.mIntegrationLatency = m.distribution(node.id, 'IntegrationLatency');
    this.mCost = m.counter(node.id, 'Cost', 'USD');
    this.configure(node, true);
  }

  /** Requests per second it serves at most: the stage's rate within the account's. */
  override limits(): Readonly<Record<string, number>> {
    return { Count: Math.min(this.stageRate, this.ctx.settings.apiGatewayAccountRateLimit) };
  }

  /** Integrations started and not yet answered or timed out. */
  get pendingIntegrations(): number {
    let n = 0;
    for (let i = 0; i < this.pending.size; i++) if ((this.state[this.pending.at(i)] & CALLER_ANSWERED) === 0) n++;
    return n;
  }

  private growSlots(n: number): void {
    this.startedAt = grownTo(this.startedAt, n);
    this.deadline = grownTo(this.deadline, n);
    this.overhead = grownTo(this.overhead, n);
    this.state = grownTo(this.state, n);
    this.callerSlot = grownTo(this.callerSlot, n);
  }

  private configure(node: SimNode, initial: boolean): void {
    const p = apiGatewayProperties.parse(node.properties);
    const b = apiGatewayBehaviour.parse(node.behaviour);
    if (initial) {
      this.stage.configure(p.ThrottlingBurstLimit, p.ThrottlingRateLimit, 0);
      this.stage.tokens = p.ThrottlingBurstLimit;
    } else this.stage.configure(p.ThrottlingBurstLimit, p.ThrottlingRateLimit, this.ctx.now);
    this.stageRate = p.ThrottlingRateLimit;
    // A changed timeout applies to integrations started from now on.
    this.timeoutMs = p.TimeoutInMillis;
    this.sampleOverhead = compileDuration(b.overheadMs);
  }

  start(): void {
    this.router.build(this.out);
    if (this.router.size === 0) this.ctx.warn(this.id, 'has no integration (no outgoing edge): every request gets 500');
  }

  update(node: SimNode): void {
    this.configure(node, false);
    this.router.build(this.out);
  }

  receive(msg: Message, _edge: Edge, replyTo: ReplyTo | null, callerSlot: number): void {
    const ctx = this.ctx;
    const now = ctx.now;
    const metrics = ctx.metrics;
    const overhead = this.sampleOverhead(this.overheadRng);
    metrics.add(this.mCount, 1);
    // Stage (method) limits apply first, then the account's (docs/aws-behaviour.md, API Gateway "throttle").
    if (!this.stage.has(now) || !this.account.take(now)) {
      // aws-behaviour API Gateway "throttle", "responses": 429.
      msg.trace?.hop(this.id, 'throttle', '429 Too Many Requests', now, now + overhead, this.stage.has(now) ? 'the account limit' : 'the stage limit');
      metrics.add(this.m4xx, 1);
      metrics.record(this.mLatency, overhead);
      replyTo?.reply(callerSlot, Outcome.Throttled, now + overhead, THROTTLED);
      return;
    }
    this.stage.take(now);
    metrics.add(this.mCost, apiGatewayPrices.restPerRequest);
    const edge = this.router.pick();
    if (edge === null) {
      metrics.add(this.m5xx, 1);
      metrics.record(this.mLatency, overhead);
      replyTo?.reply(callerSlot, Outcome.ServerError, now + overhead, NO_INTEGRATION);
      return;
    }
    msg.trace?.hop(this.id, 'event', 'accepted', now, now, `integration ${edge.to.id}, timeout ${this.timeoutMs} ms`);
    if (edge.async) {
      // An asynchronous integration (Lambda InvocationType Event): the target takes the request, the API answers at once.
      this.send(edge, msg, null, -1);
      metrics.record(this.mIntegrationLatency, 0);
      metrics.record(this.mLatency, overhead);
      replyTo?.reply(callerSlot, Outcome.Ok, now + overhead);
      return;
    }
    const slot = this.slots.take();
    this.startedAt[slot] = now;
    this.deadline[slot] = now + this.timeoutMs;
    this.overhead[slot] = overhead;
    this.state[slot] = 0;
    this.caller[slot] = replyTo;
    this.callerSlot[slot] = callerSlot;
    this.pending.pushBack(slot);
    if (!this.timerArmed) this.armTimer(this.deadline[slot]);
    if (msg.trace !== null) this.tracedSlots.set(slot, msg.trace);
    this.send(edge, msg, this, slot);
  }

  private onTimeout(): void {
    this.timerArmed = false;
    const now = this.ctx.now;
    const q = this.pending;
    while (q.size > 0) {
      const slot = q.peekFront();
      if ((this.state[slot] & CALLER_ANSWERED) === 0) {
        if (this.deadline[slot] > now) break;
        this.timeOut(slot);
      }
      this.leaveList(q.popFront());
    }
    if (q.size > 0) this.armTimer(this.deadline[q.peekFront()]);
  }

  /** The backend's answer to the integration in `slot`. */
  reply(slot: number, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    const state = this.state[slot] | BACKEND_ANSWERED;
    this.state[slot] = state;
    if ((state & CALLER_ANSWERED) !== 0) {
      // Answered 504 already; the backend's late answer is ignored, and the slot may be reused from now on.
      if ((state & LEFT_LIST) !== 0) this.release(slot);
      return;
    }
    if (doneAt > this.deadline[slot]) {
      // The answer comes back after the timeout: the caller gets 504 at the deadline.
      this.timeOut(slot);
    } else {
      this.state[slot] |= CALLER_ANSWERED;
      const metrics = this.ctx.metrics;
      const mapped = mapIntegrationOutcome(outcome);
      const waited = doneAt - this.startedAt[slot];
      metrics.record(this.mIntegrationLatency, waited);
      metrics.record(this.mLatency, waited + this.overhead[slot]);
      if (mapped !== Outcome.Ok) metrics.add(mapped === Outcome.Throttled ? this.m4xx : this.m5xx, 1);
      if (this.tracedSlots.size > 0) this.traceAnswer(slot, doneAt, mapped, info?.reason);
      this.caller[slot]?.reply(this.callerSlot[slot], mapped, doneAt + this.overhead[slot], info);
    }
    const q = this.pending;
    while (q.size > 0 && (this.state[q.peekFront()] & CALLER_ANSWERED) !== 0) this.leaveList(q.popFront());
  }

  /**
   * A slot is reused only once it has left the pending list (from its front) and its backend has answered, so
   * a backend's answer after a 504 never lands on a newer integration.
   */
  private leaveList(slot: number): void {
    const state = this.state[slot] | LEFT_LIST;
    this.state[slot] = state;
    if ((state & BACKEND_ANSWERED) !== 0) this.release(slot);
  }

  private release(slot: number): void {
    this.caller[slot] = null;
    this.slots.give(slot);
  }

  private timeOut(slot: number): void {
    this.state[slot] |= CALLER_ANSWERED;
    const metrics = this.ctx.metrics;
    const waited = this.deadline[slot] - this.startedAt[slot];
    metrics.record(this.mIntegrationLatency, waited);
    metrics.record(this.mLatency, waited + this.overhead[slot]);
    metrics.add(this.m5xx, 1);
    if (this.tracedSlots.size > 0) this.traceAnswer(slot, this.deadline[slot], Outcome.GatewayTimeout, `integration timeout ${this.timeoutMs} ms`);
    this.caller[slot]?.reply(this.callerSlot[slot], Outcome.GatewayTimeout, this.deadline[slot] + this.overhead[slot]);
  }

  /** The integration of a sampled request, as API Gateway saw it, and the status it answers with. */
  private traceAnswer(slot: number, doneAt: number, outcome: Outcome, reason: string | undefined): void {
    const trace = this.tracedSlots.get(slot);
    if (trace === undefined) return;
    this.tracedSlots.delete(slot);
    const detail = `${STATUS[outcome]}${reason !== undefined ? ` · ${reason}` : ''}`;
    trace.hop(this.id, 'span', 'integration, until its answer', this.startedAt[slot], doneAt, detail, outcome !== Outcome.Ok);
  }

  private armTimer(at: number): void {
    this.timerArmed = true;
    this.timeoutTimer.at(at, null);
  }

  /** A live edit of an edge's weight: the router takes the new weights from the next request. */
  override updateEdge(): void {
    this.router.build(this.out);
  }
}

export const createModel: ModelFactory = (ctx, node) => new ApiGatewayModel(ctx, node);
