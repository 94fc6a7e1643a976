import type { Trace } from '../../core/journey.ts';
import type { TraceSource } from '../../core/tracer.ts';
import { Model, Outcome, OUTCOME_NAMES, type Message, type ReplyTo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import { grownTo, SlotPool } from '../../core/slotPool.ts';
import { TimeHeap } from '../../core/timeHeap.ts';
import { ArrivalProcess } from './arrivals.ts';
import { compileBody } from './body.ts';
import { KeySampler } from './keys.ts';
import { WeightedRouter } from './routing.ts';
import { clientBehaviour, clientProperties, type ClientBehaviour, type ClientProperties } from './spec.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';



/**
 * A traffic source. Keeps ONE pending heap event: when an arrival fires it sends the request and schedules
 * the next. Each request goes over one outbound edge chosen by weight; the caller-side outcome and end-to-end
 * latency are recorded when the answer comes back. An Event (asynchronous) Lambda invocation is answered
 * 202 Accepted at once (docs/aws-behaviour.md, Lambda "async invocation"), so it counts as succeeded at once.
 */
export class ClientModel extends Model implements ReplyTo {
  private arrivals!: ArrivalProcess;
  private props!: ClientProperties;
  private keys!: KeySampler;
  private behaviour!: ClientBehaviour;
  private readonly router: WeightedRouter;
  private readonly arrivalRng: Random;
  private readonly keyRng: Random;
  private readonly poisonRng: Random;
  /** Breaks ties with other sources' arrivals at the same time (two constant-rate clients on one grid). */
  private readonly tieRng: Random;
  private readonly bodyRng: Random;
  private makeBody: ((rng: Random, key: number) => Record<string, unknown>) | null = null;
  /** Arrivals carry the generation they were scheduled in; a live edit starts a new one. */
  private readonly arrival: Timer<number>;
  /** Arrival events carry the generation they were scheduled in; a live edit starts a new one. */
  private generation = 0;
  /** Requests sent and not yet seen answered by the caller (InFlight). */
  private inFlightCount = 0;
  /** When callers will see answers already given (response-path latency). */
  private readonly answerAt = new TimeHeap();
  /** Requests awaiting their answer, by slot: when each was sent and its message id. */
  private readonly slots = new SlotPool(256, (n) => {
    this.sentAt = grownTo(this.sentAt, n);
    this.sentId = grownTo(this.sentId, n);
  });
  private sentAt = new Float64Array(256);
  private sentId = new Float64Array(256);
  /** Which requests are traced (core/tracer.ts), and the traces of those awaiting their answer, by slot. */
  private readonly traceSource: TraceSource;
  private readonly tracedSlots = new Map<number, Trace>();

  private readonly mRequests: number;
  private readonly mSucceeded: number;
  private readonly mFailed: number;
  private readonly mThrottled: number;
  private readonly mInFlight: number;
  private readonly mLatency: number;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    this.arrivalRng = ctx.random(node.id, 'arrivals');
    this.keyRng = ctx.random(node.id, 'keys');
    this.poisonRng = ctx.random(node.id, 'poison');
    this.tieRng = ctx.random(node.id, 'ties');
    this.bodyRng = ctx.random(node.id, 'body');
    this.arrival = ctx.timer((generation) => this.onArrival(generation));
    this.router = new WeightedRouter(ctx.random(node.id, 'routing'));
    this.traceSource = ctx.tracer.source(node.id);
    const m = ctx.metrics;
    this.mRequests = m.counter(node.id, 'Requests');
    this.mSucceeded = m.counter(node.id, 'Succeeded');
    this.mFailed = m.counter(node.id, 'Failed');
    this.mThrottled = m.counter(node.id, 'Throttled');
    this.mInFlight = m.level(node.id, 'InFlight');
    this.mLatency = m.distribution(node.id, 'Latency');
    this.configure(node);
  }

  /** Requests sent and not yet answered by the callee. */
  get inFlight(): number {
    return this.inFlightCount - this.answerAt.size;
  }

  /** Lowers InFlight at each answer time up to `now`, in time order. */
  private settleInFlight(now: number): void {
    const answerAt = this.answerAt;
    while (answerAt.size > 0 && answerAt.peek() <= now) {
      this.ctx.metrics.setLevel(this.mInFlight, --this.inFlightCount, answerAt.pop());
    }
  }

  override finish(): void {
    this.settleInFlight(this.ctx.now);
  }

  private configure(node: SimNode): void {
    const props = clientProperties.parse(node.properties);
    this.behaviour = clientBehaviour.parse(node.behaviour);
    this.props = props;
    this.arrivals = new ArrivalProcess(props, this.arrivalRng, this.ctx.durationMs, this.ctx.trafficScale);
    this.keys = new KeySampler(this.behaviour.keys, this.keyRng);
    this.makeBody = compileBody(this.behaviour.body);
  }

  start(): void {
    this.router.build(this.out);
    if (this.router.size === 0) {
      this.ctx.warn(this.id, 'has no outgoing edge with a weight above 0, so it sends no requests');
      return;
    }
    this.scheduleArrival(this.arrivals.first(0));
  }

  update(node: SimNode): void {
    this.configure(node);
    this.router.build(this.out);
    this.generation++;
    if (this.router.size > 0) this.scheduleArrival(this.arrivals.first(this.ctx.now));
  }

  /** The run's traffic multiplier changed: arrivals follow the scaled rate from this instant. */
  override trafficScaleChanged(): void {
    this.arrivals = new ArrivalProcess(this.props, this.arrivalRng, this.ctx.durationMs, this.ctx.trafficScale);
    this.generation++;
    if (this.router.size > 0) this.scheduleArrival(this.arrivals.first(this.ctx.now));
  }

  private onArrival(generation: number): void {
    if (generation !== this.generation) return;
    const now = this.ctx.now;
    this.settleInFlight(now);
    this.sendRequest(now);
    this.scheduleArrival(this.arrivals.next(now));
  }

  private scheduleArrival(at: number): void {
    if (at <= this.ctx.durationMs) this.arrival.atUnordered(at, this.generation, this.tieRng.next());
  }

  private sendRequest(now: number): void {
    const edge = this.router.pick();
    if (edge === null) return;
    const b = this.behaviour;
    const msg: Message = {
      id: this.ctx.nextMessageId(),
      createdAt: now,
      sizeKB: b.payloadSizeKB,
      attributes: b.attributes,
      records: null,
      key: this.keys.next(),
      poison: b.poisonRate > 0 && this.poisonRng.next() < b.poisonRate,
      trace: null,
    };
    if (this.traceSource.wants(now, msg.poison)) msg.trace = this.traceSource.start(msg.id, now, msg.poison);
    if (this.makeBody !== null) msg.body = this.makeBody(this.bodyRng, msg.key);
    const metrics = this.ctx.metrics;
    metrics.add(this.mRequests, 1);
    if (edge.async) {
      msg.trace?.hop(this.id, 'event', '202 Accepted (asynchronous)', now, now);
      this.send(edge, msg, null, -1);
      metrics.add(this.mSucceeded, 1);
      metrics.record(this.mLatency, 0);
      return;
    }
    metrics.setLevel(this.mInFlight, ++this.inFlightCount, now);
    const slot = this.slots.take();
    this.sentAt[slot] = now;
    this.sentId[slot] = msg.id;
    if (msg.trace !== null) this.tracedSlots.set(slot, msg.trace);
    this.send(edge, msg, this, slot);
  }

  /** The answer to the request in `slot`. */
  reply(slot: number, outcome: Outcome, doneAt: number): void {
    if (!this.slots.isTaken(slot)) {
      this.ctx.warn(this.id, `request ${this.sentId[slot]} was answered twice (a model broke the ReplyTo contract)`);
      return;
    }
    this.slots.give(slot);
    const createdAt = this.sentAt[slot];
    const metrics = this.ctx.metrics;
    const now = this.ctx.now;
    this.settleInFlight(now);
    // A request is in flight until the caller sees the answer, which may come after response-path latency:
    // InFlight drops at doneAt (Little's law with Latency), drained lazily instead of an event per request.
    if (doneAt > now) this.answerAt.push(doneAt);
    else metrics.setLevel(this.mInFlight, --this.inFlightCount, now);
    metrics.record(this.mLatency, doneAt - createdAt);
    if (this.tracedSlots.size > 0) this.traceAnswer(slot, outcome, createdAt, doneAt);
    if (outcome === Outcome.Ok) metrics.add(this.mSucceeded, 1);
    else {
      metrics.add(this.mFailed, 1);
      if (outcome === Outcome.Throttled) metrics.add(this.mThrottled, 1);
    }
  }

  private traceAnswer(slot: number, outcome: Outcome, createdAt: number, doneAt: number): void {
    const trace = this.tracedSlots.get(slot);
    if (trace === undefined) return;
    this.tracedSlots.delete(slot);
    trace.hop(this.id, 'span', 'request, until the answer', createdAt, doneAt, OUTCOME_NAMES[outcome], outcome !== Outcome.Ok);
    if (outcome !== Outcome.Ok) trace.fail(`${this.id} got ${OUTCOME_NAMES[outcome]}`);
  }

  /** A live edit of an edge's weight: the router takes the new weights from the next request. */
  override updateEdge(): void {
    this.router.build(this.out);
  }
}

export const createModel: ModelFactory = (ctx, node) => new ClientModel(ctx, node);
