import { EventQueue } from './core/eventQueue.ts';
import { Metrics, choosePeriodSeconds } from './core/metrics.ts';
import type { Edge, EdgeRole, Model, SimContext, SimNode, SimSettings } from './core/model.ts';
import type { ModelRegistry } from './core/serviceKind.ts';
import { Random } from './core/random.ts';
import { buildResult, type ResultDocument } from './result.ts';

/** A scenario after validation and defaults (src/scenario produces it). */
export interface SimScenario {
  name: string;
  seed: number;
  durationSeconds: number;
  settings: SimSettings;
  nodes: SimNode[];
  edges: { from: string; to: string; role: EdgeRole; properties: Record<string, unknown> }[];
}

const ENGINE = -1;
const PERIOD_END = 0;
/** The backlog budget is checked every this many events (a power of two) and at every period end. */
const BACKLOG_CHECK_MASK = (1 << 16) - 1;

export interface AdvanceReport {
  /** Simulated time reached, ms. */
  now: number;
  done: boolean;
  /** Set when the run was stopped by the event budget. */
  stopped?: string;
}

/**
 * The discrete-event engine: one event heap ordered by (time, sequence), models per node, metrics closed
 * per period. It runs to a time in slices so that a caller (the CLI, the worker) can pause, apply live
 * edits between slices, and stream the periods closed so far.
 */
export class Simulation implements SimContext {
  now = 0;
  events = 0;
  readonly settings: SimSettings;
  readonly metrics: Metrics;
  readonly durationMs: number;
  readonly periodSeconds: number;
  readonly models: Model[] = [];
  readonly warnings: string[] = [];
  stopped: string | undefined;
  readonly edgeCounts: Float64Array;

  private readonly queue = new EventQueue(4096);
  private readonly byId = new Map<string, Model>();
  private readonly sharedState = new Map<string, unknown>();
  private messageIds = 0;
  private finished = false;
  private wallMs = 0;

  /** `registry` builds the models (services/registry.ts loadModels): the engine imports no service. */
  constructor(
    readonly scenario: SimScenario,
    registry: ModelRegistry,
  ) {
    this.settings = scenario.settings;
    this.durationMs = scenario.durationSeconds * 1000;
    this.periodSeconds = choosePeriodSeconds(scenario.durationSeconds);
    this.metrics = new Metrics(this.periodSeconds, scenario.durationSeconds);
    this.edgeCounts = new Float64Array(scenario.edges.length);

    for (const node of scenario.nodes) {
      const model = registry.factory(node.type)(this, node);
      model.index = this.models.length;
      this.models.push(model);
      this.byId.set(node.id, model);
    }
    scenario.edges.forEach((e, index) => {
      const from = this.byId.get(e.from) as Model;
      const to = this.byId.get(e.to) as Model;
      const edge: Edge = { index, from, to, role: e.role, properties: e.properties, async: registry.isAsync(from.type, to.type, e.role, e.properties) };
      from.out.push(edge);
      to.in.push(edge);
    });
    for (const m of this.models) m.start();
    this.queue.pushFirst(this.metrics.periodMs, ENGINE, PERIOD_END);
  }

  // SimContext
  schedule(at: number, model: Model, kind: number, payload?: unknown): void {
    this.queue.push(at < this.now ? this.now : at, model.index, kind, payload);
  }
  scheduleUnordered(at: number, model: Model, kind: number, payload: unknown, u: number): void {
    this.queue.pushUnordered(at < this.now ? this.now : at, model.index, kind, payload, u);
  }
  random(nodeId: string, purpose: string): Random {
    return new Random(this.scenario.seed, `${nodeId}#${purpose}`);
  }
  nextMessageId(): number {
    return ++this.messageIds;
  }
  shared<T>(key: string, create: () => T): T {
    let v = this.sharedState.get(key) as T | undefined;
    if (v === undefined) {
      v = create();
      this.sharedState.set(key, v);
    }
    return v;
  }
  warn(nodeId: string, message: string): void {
    const line = `${nodeId}: ${message}`;
    if (!this.warnings.includes(line)) this.warnings.push(line);
  }

  get done(): boolean {
    return this.finished;
  }

  model(id: string): Model | undefined {
    return this.byId.get(id);
  }

  /** Runs events up to simulated time `untilMs` (capped at the scenario's end). */
  advanceTo(untilMs: number): AdvanceReport {
    if (this.finished) return { now: this.now, done: true, stopped: this.stopped };
    const started = performance.now();
    const end = Math.min(untilMs, this.durationMs);
    const queue = this.queue;
    const models = this.models;
    const maxEvents = this.settings.maxEvents;
    let events = this.events;
    while (queue.size > 0 && queue.peekTime() <= end) {
      if (events >= maxEvents) {
        this.stopped =
          `stopped after ${maxEvents.toLocaleString('en-US')} events at ${(this.now / 1000).toFixed(3)} s of ` +
          `${this.scenario.durationSeconds} s: the scenario generates more work than the event budget ` +
          `(settings.maxEvents) allows; lower the traffic or the duration, or raise settings.maxEvents`;
        break;
      }
      if ((events & BACKLOG_CHECK_MASK) === 0 && this.overBacklog()) break;
      queue.pop();
      events++;
      this.now = queue.time;
      const h = queue.handler;
      if (h === ENGINE) {
        this.onEngineEvent(queue.kind);
        if (this.stopped !== undefined) break;
      } else models[h].onEvent(queue.kind, queue.payload);
    }
    this.events = events;
    if (this.stopped === undefined) this.now = Math.max(this.now, end);
    if (this.stopped !== undefined || this.now >= this.durationMs) this.finish();
    this.wallMs += performance.now() - started;
    return { now: this.now, done: this.finished, stopped: this.stopped };
  }

  /** Runs to the end of the scenario (or until the event budget stops it). */
  run(): AdvanceReport {
    return this.advanceTo(this.durationMs);
  }

  /** Applies a live edit to a node: models read the new values from their next event on. */
  updateNode(node: SimNode): void {
    this.byId.get(node.id)?.update(node);
  }

  /** Every node's current limits (Model.limits), by node id. */
  limits(): Record<string, Readonly<Record<string, number>>> {
    const out: Record<string, Readonly<Record<string, number>>> = {};
    for (const m of this.models) {
      const l = m.limits();
      if (l) out[m.id] = l;
    }
    return out;
  }

  result(): ResultDocument {
    return buildResult(this, this.wallMs / 1000);
  }

  /**
   * Whether what the models hold waiting, plus the pending events, passed settings.maxBacklog; if so the run is
   * stopped with a message naming the node that holds the most.
   */
  private overBacklog(): boolean {
    let total = this.queue.size;
    let largest: Model | null = null;
    let most = 0;
    for (const m of this.models) {
      const b = m.backlog();
      total += b;
      if (b > most) {
        most = b;
        largest = m;
      }
    }
    const budget = this.settings.maxBacklog;
    if (total <= budget) return false;
    const fmt = (n: number) => n.toLocaleString('en-US');
    const where =
      largest !== null && most >= this.queue.size
        ? `${largest.id} holds ${fmt(most)} waiting messages or events`
        : `${fmt(this.queue.size)} timers are pending (retries and deliveries scheduled)`;
    this.stopped =
      `stopped at ${(this.now / 1000).toFixed(3)} s of ${this.scenario.durationSeconds} s: ${where}, and the ` +
      `scenario's backlog (${fmt(total)}) passed the memory budget (settings.maxBacklog = ${fmt(budget)}). ` +
      `Nothing drains it as fast as it fills: add or speed up a consumer, lower the traffic or the duration, or ` +
      `raise settings.maxBacklog. The figures up to here are kept`;
    return true;
  }

  private onEngineEvent(kind: number): void {
    if (kind === PERIOD_END) {
      if (this.overBacklog()) return;
      for (const m of this.models) m.finish();
      this.metrics.closePeriod(this.now);
      const next = this.now + this.metrics.periodMs;
      if (next <= this.durationMs + 1e-6) this.queue.pushFirst(next, ENGINE, PERIOD_END);
    }
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    // A run cut short by the budget closes the period it was in, so its partial figures are kept.
    if (this.metrics.periods * this.metrics.periodMs < this.now && this.metrics.periods < this.metrics.maxPeriods) {
      for (const m of this.models) m.finish();
      this.metrics.closePeriod(this.now);
    }
  }
}
