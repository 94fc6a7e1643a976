import { EventQueue } from './eventQueue.ts';
import { Metrics } from './metrics.ts';
import type { Model, SimContext, SimSettings, Timer } from './model.ts';
import { Random } from './random.ts';
import { checkTrafficScale } from './trafficScale.ts';
import type { SampledRun } from './sampledRun.ts';
import { Tracer } from './tracer.ts';
import type { Journey } from './journey.ts';

const PERIOD_END = -1;
/** The backlog budget is checked every this many events (a power of two) and at every period end. */
const BACKLOG_CHECK_MASK = (1 << 16) - 1;

export interface AdvanceReport {
  /** Simulated time reached, ms. */
  now: number;
  done: boolean;
  /** Set when the run was stopped by the event or backlog budget. */
  stopped?: string;
}

/**
 * The event loop every host shares (the Simulation, the models' test bench): one heap of events ordered by
 * (time, sequence), typed timers that models create once and fire many times, metrics closed per period,
 * the event and backlog budgets. It runs to a time in slices so a caller can pause, edit live and stream.
 */
export class SimCore implements SimContext {
  now = 0;
  events = 0;
  readonly metrics: Metrics;
  readonly models: Model[] = [];
  readonly warnings: string[] = [];
  stopped: string | undefined;
  edgeCounts: Float64Array;
  /** Messages sent over each edge in the newest closed metrics period (a finished run's edge rates). */
  readonly edgePeriodCounts: Float64Array;
  private readonly edgeCountsAtPeriod: Float64Array;
  /** SimContext.trafficScale: set it with setTrafficScale. */
  trafficScale = 1;
  readonly tracer: Tracer;

  private readonly queue = new EventQueue(4096);
  private readonly fire: ((payload: unknown) => void)[] = [];
  private readonly sharedState = new Map<string, unknown>();
  private messageIds = 0;
  private finished = false;
  private started = false;
  // -0, not 0: a double from the start. Its first fractional value would otherwise change the field from a small
  // integer to a double after the first advanceTo, changing the object's shape and deoptimizing every optimized
  // function that reads the simulation (bench (f): about 40 functions recompiled, 0.1 to 0.2 CPU s).
  protected wallMs = -0;

  constructor(
    readonly settings: SimSettings,
    readonly durationMs: number,
    periodSeconds: number,
    readonly seed: number,
    edges: number,
  ) {
    this.metrics = new Metrics(periodSeconds, durationMs / 1000);
    this.edgeCounts = new Float64Array(edges);
    this.edgePeriodCounts = new Float64Array(edges);
    this.edgeCountsAtPeriod = new Float64Array(edges);
    this.tracer = new Tracer(durationMs);
  }

  // SimContext
  timer<P>(fire: (payload: P) => void): Timer<P> {
    const id = this.fire.length;
    this.fire.push(fire as (payload: unknown) => void);
    const queue = this.queue;
    return {
      at: (time: number, payload: P) => queue.push(time < this.now ? this.now : time, id, 0, payload),
      atUnordered: (time: number, payload: P, u: number) => queue.pushUnordered(time < this.now ? this.now : time, id, 0, payload, u),
    };
  }
  random(nodeId: string, purpose: string): Random {
    return new Random(this.seed, `${nodeId}#${purpose}`);
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

  /**
   * Multiplies every traffic source's rate by `scale` (TRAFFIC_SCALE_MIN..TRAFFIC_SCALE_MAX) from now on: the
   * "what if 5x the traffic?" control. The scenario is not changed.
   */
  setTrafficScale(scale: number): void {
    checkTrafficScale(scale);
    if (scale === this.trafficScale) return;
    this.trafficScale = scale;
    if (this.started && !this.finished) for (const m of this.models) m.trafficScaleChanged();
  }

  get done(): boolean {
    return this.finished;
  }

  /** Calls start() on every model and arms the first period's end; advanceTo() does it if not done yet. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const m of this.models) m.start();
    this.queue.pushFirst(this.metrics.periodMs, PERIOD_END, 0);
  }

  /** Runs events up to simulated time `untilMs` (capped at the run's end). */
  advanceTo(untilMs: number): AdvanceReport {
    if (this.finished) return { now: this.now, done: true, stopped: this.stopped };
    this.start();
    const started = performance.now();
    const end = Math.min(untilMs, this.durationMs);
    const queue = this.queue;
    const fire = this.fire;
    const maxEvents = this.settings.maxEvents;
    let events = this.events;
    while (queue.size > 0 && queue.peekTime() <= end) {
      if (events >= maxEvents) {
        this.stopped =
          `stopped after ${maxEvents.toLocaleString('en-US')} events at ${(this.now / 1000).toFixed(3)} s of ` +
          `${this.durationMs / 1000} s: the scenario generates more work than the event budget ` +
          `(settings.maxEvents) allows; lower the traffic or the duration, or raise settings.maxEvents`;
        break;
      }
      if ((events & BACKLOG_CHECK_MASK) === 0 && this.overBacklog()) break;
      queue.pop();
      events++;
      this.now = queue.time;
      const h = queue.handler;
      if (h === PERIOD_END) {
        this.closePeriod();
        if (this.stopped !== undefined) break;
      } else fire[h](queue.payload);
    }
    this.events = events;
    if (this.stopped === undefined) this.now = Math.max(this.now, end);
    if (this.stopped !== undefined || this.now >= this.durationMs) this.finish();
    this.wallMs += performance.now() - started;
    return { now: this.now, done: this.finished, stopped: this.stopped };
  }

  /** Runs to the end (or until a budget stops it). */
  run(): AdvanceReport {
    return this.advanceTo(this.durationMs);
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

  /** A node's sampled runs (Model.sampledRuns); null when the node keeps none or is not in the run. */
  sampledRuns(nodeId: string): SampledRun[] | null {
    return this.models.find((m) => m.id === nodeId)?.sampledRuns() ?? null;
  }

  /** The journeys of the sampled requests so far (core/tracer.ts), in the order they started. */
  journeys(): Journey[] {
    return this.tracer.journeys();
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
      `stopped at ${(this.now / 1000).toFixed(3)} s of ${this.durationMs / 1000} s: ${where}, and the ` +
      `scenario's backlog (${fmt(total)}) passed the memory budget (settings.maxBacklog = ${fmt(budget)}). ` +
      `Nothing drains it as fast as it fills: add or speed up a consumer, lower the traffic or the duration, or ` +
      `raise settings.maxBacklog. The figures up to here are kept`;
    return true;
  }

  private closePeriod(): void {
    if (this.overBacklog()) return;
    for (const m of this.models) m.finish();
    this.closeMetricsPeriod();
    const next = this.now + this.metrics.periodMs;
    if (next <= this.durationMs + 1e-6) this.queue.pushFirst(next, PERIOD_END, 0);
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    // A run cut short by a budget closes the period it was in, so its partial figures are kept.
    if (this.metrics.periods * this.metrics.periodMs < this.now && this.metrics.periods < this.metrics.maxPeriods) {
      for (const m of this.models) m.finish();
      this.closeMetricsPeriod();
    }
  }

  /** Closes the metrics' period, and the edges' counts for it. */
  private closeMetricsPeriod(): void {
    this.metrics.closePeriod(this.now);
    const counts = this.edgeCounts;
    const at = this.edgeCountsAtPeriod;
    for (let i = 0; i < counts.length; i++) {
      this.edgePeriodCounts[i] = counts[i] - at[i];
      at[i] = counts[i];
    }
  }
}
