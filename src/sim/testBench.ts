import { Model, Outcome, type Edge, type EdgeRole, type Message, type ReplyInfo, type ReplyTo, type SimContext, type SimNode, type Timer } from './core/model.ts';
import { SimCore, type AdvanceReport } from './core/simCore.ts';
import { grownTo, SlotPool } from './core/slotPool.ts';
import { loadedModels } from './services/registry.ts';
import { defaultSettings } from './settings.ts';

/**
 * The engine's own loop (core/simCore.ts) for unit tests of one model: models and edges are added by hand, so
 * a test can put a Driver (sends messages on a schedule) and Sinks (record what arrives and answer with a
 * chosen outcome) around the model under test without building a scenario.
 */
export class TestBench extends SimCore {
  private edgeIndex = 0;

  constructor(durationSeconds: number, periodSeconds = 1, seed = 1) {
    super(defaultSettings(), durationSeconds * 1000, periodSeconds, seed, 256);
  }

  add<M extends Model>(model: M): M {
    model.index = this.models.length;
    this.models.push(model);
    return model;
  }

  connect(from: Model, to: Model, role: EdgeRole, properties: Record<string, unknown> = {}): Edge {
    const async = loadedModels().isAsync(from.type, to.type, role, properties);
    const edge: Edge = { index: this.edgeIndex++, from, to, role, properties, async };
    from.out.push(edge);
    to.in.push(edge);
    return edge;
  }

  /** Runs events up to `untilMs` (default: the end), closing metric periods on the way; levels are brought up to date. */
  override run(untilMs = this.durationMs): AdvanceReport {
    const report = this.advanceTo(untilMs);
    for (const m of this.models) m.finish();
    return report;
  }

  private handle(node: string, name: string): number {
    const h = this.metrics.defs.findIndex((d) => d.node === node && d.name === name);
    if (h < 0) throw new Error(`no metric ${name} on ${node}`);
    return h;
  }
  /** A counter's sum so far (closed periods plus the open one). */
  sum(node: string, name: string): number {
    return this.metrics.runningSum(this.handle(node, name));
  }
  /** A metric's series column (default: its first) over the closed periods. */
  series(node: string, name: string, column = 0): number[] {
    return Array.from(this.metrics.seriesOf(this.handle(node, name))[column][1]);
  }
  /** Whole-run totals of a metric over the closed periods, e.g. total('Q', 'NumberOfMessagesSent').Sum. */
  total(node: string, name: string): Record<string, number> {
    return this.metrics.totals(this.handle(node, name));
  }
  level(node: string, name: string): number {
    return this.metrics.levelOf(this.handle(node, name));
  }
}

export function simNode(id: string, type: string, properties: Record<string, unknown> = {}, behaviour: Record<string, unknown> = {}): SimNode {
  return { id, type, properties, behaviour };
}

export function message(ctx: SimContext, init: Partial<Message> = {}): Message {
  return { id: ctx.nextMessageId(), createdAt: ctx.now, sizeKB: 1, attributes: null, records: null, key: -1, poison: false, trace: null, ...init };
}

/** What a Driver saw come back for one call. */
export interface CallResult {
  sentAt: number;
  doneAt: number;
  outcome: Outcome;
  reason?: string;
}

/**
 * Sends on its first outbound edge: at explicit times (at) or at an even rate over a window (every).
 * Replies are kept in `results`; `outcomes[o]` counts them.
 */
export class Driver extends Model implements ReplyTo {
  readonly results: CallResult[] = [];
  readonly outcomes = new Float64Array(8);
  keepResults = true;
  private readonly plans: { make: (ctx: SimContext) => Message; sync: boolean; gap: number; until: number }[] = [];
  private readonly tick: Timer<number>;
  /** When each unanswered call was sent, by slot. */
  private readonly slots = new SlotPool(64, (n) => (this.sentAt = grownTo(this.sentAt, n)));
  private sentAt = new Float64Array(64);

  constructor(ctx: SimContext, id = 'Driver') {
    super(ctx, simNode(id, 'Client'));
    this.tick = ctx.timer((plan) => this.send1(plan));
  }

  at(timeMs: number, make: (ctx: SimContext) => Message = (c) => message(c), sync = true): this {
    this.plans.push({ make, sync, gap: 0, until: 0 });
    this.tick.at(timeMs, this.plans.length - 1);
    return this;
  }

  /** `ratePerSecond` evenly spaced sends in [fromMs, toMs). */
  every(ratePerSecond: number, fromMs: number, toMs: number, make: (ctx: SimContext) => Message = (c) => message(c)): this {
    this.plans.push({ make, sync: true, gap: 1000 / ratePerSecond, until: toMs });
    this.tick.at(fromMs, this.plans.length - 1);
    return this;
  }

  private send1(kind: number): void {
    const plan = this.plans[kind];
    const msg = plan.make(this.ctx);
    const sentAt = this.ctx.now;
    if (plan.sync) {
      const slot = this.slots.take();
      this.sentAt[slot] = sentAt;
      this.send(this.out[0], msg, this, slot);
    } else this.send(this.out[0], msg, null, -1);
    if (plan.gap > 0 && sentAt + plan.gap < plan.until - 1e-9) this.tick.at(sentAt + plan.gap, kind);
  }

  reply(slot: number, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    this.slots.give(slot);
    this.outcomes[outcome]++;
    if (this.keepResults) this.results.push({ sentAt: this.sentAt[slot], doneAt, outcome, reason: info?.reason });
  }
}

/** Records what arrives; answers a synchronous call with `answer(attempt number at this sink)`. */
export class Sink extends Model {
  readonly received: { at: number; msg: Message; sync: boolean }[] = [];
  answer: (n: number) => Outcome = () => Outcome.Ok;

  constructor(ctx: SimContext, id: string, type: string) {
    super(ctx, simNode(id, type));
  }

  override receive(msg: Message, _edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    this.received.push({ at: this.ctx.now, msg, sync: replyTo !== null });
    replyTo?.reply(slot, this.answer(this.received.length), this.ctx.now);
  }
}
