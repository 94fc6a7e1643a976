import { compileDuration, type Sampler } from '../../core/distributions.ts';
import { Model, Outcome, type Edge, type Message, type Reply, type ReplyInfo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import { WeightedRouter } from '../client/routing.ts';
import { apiGatewayPrices } from './prices.ts';
import { apiGatewayBehaviour, apiGatewayProperties } from './spec.ts';
import { TokenBucket } from '../../core/tokenBucket.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';

const NO_REPLY: Reply = () => {};
const NO_INTEGRATION: ReplyInfo = Object.freeze({ reason: 'the API has no integration (no outgoing edge)' });
const THROTTLED: ReplyInfo = Object.freeze({ reason: 'Too Many Requests' });

/** An integration waiting for its backend. */
interface Pending {
  startedAt: number;
  deadline: number;
  overhead: number;
  reply: Reply;
  done: boolean;
}

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
export class ApiGatewayModel extends Model {
  private readonly stage = new TokenBucket(5000, 10_000);
  private readonly account: TokenBucket;
  private readonly router: WeightedRouter;
  private readonly overheadRng: Random;
  /** One timer serves the oldest pending integration's deadline. */
  private readonly timeoutTimer: Timer<null>;
  private sampleOverhead!: Sampler;
  private timeoutMs = 29_000;
  private stageRate = 10_000;
  private pending: Pending[] = [];
  private head = 0;
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
    for (let i = this.head; i < this.pending.length; i++) if (!this.pending[i].done) n++;
    return n;
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

  receive(msg: Message, _edge: Edge, reply: Reply | null): void {
    const ctx = this.ctx;
    const now = ctx.now;
    const metrics = ctx.metrics;
    const caller = reply ?? NO_REPLY;
    const overhead = this.sampleOverhead(this.overheadRng);
    metrics.add(this.mCount, 1);
    // Stage (method) limits apply first, then the account's (docs/aws-behaviour.md, API Gateway "throttle").
    if (!this.stage.has(now) || !this.account.take(now)) {
      metrics.add(this.m4xx, 1);
      metrics.record(this.mLatency, overhead);
      caller(Outcome.Throttled, now + overhead, THROTTLED);
      return;
    }
    this.stage.take(now);
    metrics.add(this.mCost, apiGatewayPrices.restPerRequest);
    const edge = this.router.pick();
    if (edge === null) {
      metrics.add(this.m5xx, 1);
      metrics.record(this.mLatency, overhead);
      caller(Outcome.ServerError, now + overhead, NO_INTEGRATION);
      return;
    }
    if (edge.async) {
      // An asynchronous integration (Lambda InvocationType Event): the target takes the request, the API answers at once.
      this.send(edge, msg, null);
      metrics.record(this.mIntegrationLatency, 0);
      metrics.record(this.mLatency, overhead);
      caller(Outcome.Ok, now + overhead);
      return;
    }
    const rec: Pending = { startedAt: now, deadline: now + this.timeoutMs, overhead, reply: caller, done: false };
    this.pending.push(rec);
    if (!this.timerArmed) this.armTimer(rec.deadline);
    this.send(edge, msg, (outcome, doneAt, info) => this.onIntegrationDone(rec, outcome, doneAt, info));
  }

  private onTimeout(): void {
    this.timerArmed = false;
    const now = this.ctx.now;
    const q = this.pending;
    while (this.head < q.length) {
      const rec = q[this.head];
      if (!rec.done) {
        if (rec.deadline > now) break;
        this.timeOut(rec);
      }
      this.head++;
    }
    this.compact();
    if (this.head < q.length) this.armTimer(q[this.head].deadline);
  }

  private onIntegrationDone(rec: Pending, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    if (rec.done) return; // answered 504 already; the backend's late answer is ignored
    if (doneAt > rec.deadline) {
      // The answer comes back after the timeout: the caller gets 504 at the deadline.
      this.timeOut(rec);
    } else {
      rec.done = true;
      const metrics = this.ctx.metrics;
      const mapped = mapIntegrationOutcome(outcome);
      metrics.record(this.mIntegrationLatency, doneAt - rec.startedAt);
      metrics.record(this.mLatency, doneAt - rec.startedAt + rec.overhead);
      if (mapped !== Outcome.Ok) metrics.add(mapped === Outcome.Throttled ? this.m4xx : this.m5xx, 1);
      rec.reply(mapped, doneAt + rec.overhead, info);
    }
    const q = this.pending;
    while (this.head < q.length && q[this.head].done) this.head++;
    this.compact();
  }

  private timeOut(rec: Pending): void {
    rec.done = true;
    const metrics = this.ctx.metrics;
    const waited = rec.deadline - rec.startedAt;
    metrics.record(this.mIntegrationLatency, waited);
    metrics.record(this.mLatency, waited + rec.overhead);
    metrics.add(this.m5xx, 1);
    rec.reply(Outcome.GatewayTimeout, rec.deadline + rec.overhead);
  }

  private armTimer(at: number): void {
    this.timerArmed = true;
    this.timeoutTimer.at(at, null);
  }

  private compact(): void {
    const q = this.pending;
    if (this.head === q.length) {
      q.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > q.length) {
      this.pending = q.slice(this.head);
      this.head = 0;
    }
  }

  /** A live edit of an edge's weight: the router takes the new weights from the next request. */
  override updateEdge(): void {
    this.router.build(this.out);
  }
}

export const createModel: ModelFactory = (ctx, node) => new ApiGatewayModel(ctx, node);
