import type { Frame, MetricIndex, NodeInfo, RunState } from '../worker/protocol.ts';

/** Snapshots of instant values kept to compute "in the last second" rates (a ring; oldest overwritten). */
export const HISTORY = 128;

/**
 * What the charts and the canvas read while a simulation runs, fed by worker frames and never by React
 * state. Series columns are sized to the run's periods (the engine keeps a run within MAX_PERIODS, 3,600),
 * so they never wrap; instant snapshots live in a small ring for recent rates.
 */
export class LiveData {
  index: MetricIndex | null = null;
  /** Periods received so far. */
  periods = 0;
  /** Bumped on every applied frame or index change: redraw when it moved. */
  version = 0;
  now = 0;
  events = 0;
  state: RunState = 'paused';
  stopped: string | undefined;
  actualSpeed = 0;
  /** Per column of the index: values of every period of the run (the first `periods` are filled). */
  private cols: Float64Array[] = [];
  /** Period end times in simulated seconds, for the charts' x axis. */
  private xs = new Float64Array(0);
  private columnIds = new Map<string, number>();
  private handles = new Map<string, number>();
  private nodeInfo = new Map<string, NodeInfo>();
  /** Limit lines per node and metric, from the engine's models (Frame.limits); counters' limits are per second. */
  limits: Record<string, Readonly<Record<string, number>>> = {};
  // Ring of instant snapshots.
  private histTime = new Float64Array(HISTORY);
  private histInstant: Float64Array[] = [];
  private histEdges: Float64Array[] = [];
  /** Messages over each edge in the newest closed period (Frame.edgePeriodCounts). */
  private edgePeriod: Float64Array = new Float64Array(0);
  private histCount = 0;
  private histHead = 0;

  setIndex(index: MetricIndex): void {
    this.index = index;
    this.periods = 0;
    this.now = 0;
    this.events = 0;
    this.state = 'paused';
    this.stopped = undefined;
    this.actualSpeed = 0;
    this.cols = index.columns.map(() => new Float64Array(index.maxPeriods));
    this.xs = Float64Array.from({ length: index.maxPeriods }, (_, i) => (i + 1) * index.periodSeconds);
    this.columnIds = new Map(index.columns.map((c, i) => [key(c.node, c.column), i]));
    this.handles = new Map(index.metrics.map((m, h) => [key(m.node, m.name), h]));
    this.nodeInfo = new Map(index.nodes.map((n) => [n.id, n]));
    this.histInstant = [];
    this.histEdges = [];
    this.histCount = 0;
    this.histHead = 0;
    this.pushHistory(0, new Float64Array(index.metrics.length), new Float64Array(index.edges.length));
    this.version++;
  }

  clear(): void {
    this.index = null;
    this.cols = [];
    this.periods = 0;
    this.histCount = 0;
    this.limits = {};
    this.version++;
  }

  /** Applies a worker frame; returns false (and ignores it) when it belongs to an earlier load. */
  apply(frame: Frame): boolean {
    const index = this.index;
    if (!index || frame.generation !== index.generation) return false;
    const n = frame.periodCount;
    if (frame.columns.length !== index.columns.length * n) {
      throw new Error(`frame has ${frame.columns.length} values, expected ${index.columns.length} columns x ${n} periods`);
    }
    if (frame.fromPeriod !== this.periods) {
      throw new Error(`frame starts at period ${frame.fromPeriod} but ${this.periods} periods were received`);
    }
    const end = Math.min(frame.fromPeriod + n, index.maxPeriods);
    for (let c = 0; c < this.cols.length; c++) {
      this.cols[c].set(frame.columns.subarray(c * n, c * n + (end - frame.fromPeriod)), frame.fromPeriod);
    }
    this.periods = end;
    this.now = frame.now;
    this.events = frame.events;
    this.state = frame.state;
    this.stopped = frame.stopped;
    this.actualSpeed = frame.actualSpeed;
    this.limits = frame.limits;
    this.pushHistory(frame.now, frame.instant, frame.edgeCounts);
    this.edgePeriod = frame.edgePeriodCounts;
    this.version++;
    return true;
  }

  node(id: string): NodeInfo | undefined {
    return this.nodeInfo.get(id);
  }

  /** The x axis: period end times (simulated seconds) of the periods received. */
  get x(): Float64Array {
    return this.xs.subarray(0, this.periods);
  }

  /** A series column (e.g. "Duration.p99") of a node over the periods received, or null if absent. */
  column(node: string, column: string): Float64Array | null {
    const c = this.columnIds.get(key(node, column));
    return c === undefined ? null : this.cols[c].subarray(0, this.periods);
  }

  /** Metric handle, or -1 when the node does not publish the metric. */
  handle(node: string, metric: string): number {
    return this.handles.get(key(node, metric)) ?? -1;
  }

  /** Latest instant value of a metric: a level's value now, a counter's running sum; NaN if absent. */
  instant(node: string, metric: string): number {
    const h = this.handle(node, metric);
    if (h < 0 || this.histCount === 0) return NaN;
    return this.histInstant[this.slot(this.histCount - 1)][h];
  }

  /** How much a counter grew over about the last `windowMs` of simulated time, per simulated second. */
  ratePerSecond(node: string, metric: string, windowMs = 1000): number {
    const h = this.handle(node, metric);
    return h < 0 ? NaN : this.rate(this.histInstant, h, windowMs);
  }

  /** Messages per simulated second over edge `edge` in about the last `windowMs`. */
  edgeRate(edge: number, windowMs = 1000): number {
    if (!this.index || edge < 0 || edge >= this.index.edges.length) return NaN;
    return this.rate(this.histEdges, edge, windowMs);
  }

  /**
   * What an edge's label shows, messages per simulated second: over about the last `windowMs` while a run plays;
   * once every period has arrived, the last period's, like the node figures (figures.ts), so the same seed shows
   * the same label however the frames happened to be timed.
   */
  edgeFigure(edge: number, windowMs: number): number {
    const index = this.index;
    if (index && this.periods > 0 && this.periods >= index.maxPeriods && edge >= 0 && edge < this.edgePeriod.length) {
      return this.edgePeriod[edge] / index.periodSeconds;
    }
    return this.edgeRate(edge, windowMs);
  }

  /** How much a counter grew over about the last `windowMs` (a count, not a rate). */
  increase(node: string, metric: string, windowMs = 1000): number {
    const h = this.handle(node, metric);
    if (h < 0) return NaN;
    const [then, now] = this.window(windowMs);
    if (then < 0) return 0;
    return this.histInstant[this.slot(now)][h] - this.histInstant[this.slot(then)][h];
  }

  private rate(values: Float64Array[], i: number, windowMs: number): number {
    const [then, now] = this.window(windowMs);
    if (then < 0) return 0;
    const dt = this.histTime[this.slot(now)] - this.histTime[this.slot(then)];
    if (dt <= 0) return 0;
    return ((values[this.slot(now)][i] - values[this.slot(then)][i]) * 1000) / dt;
  }

  /**
   * Logical positions (0 = oldest kept) of the snapshots bounding the last `windowMs`: the newest, and the
   * latest one at least `windowMs` older (or the oldest kept). [-1, -1] with fewer than two snapshots.
   */
  private window(windowMs: number): [number, number] {
    if (this.histCount < 2) return [-1, -1];
    const last = this.histCount - 1;
    const limit = this.histTime[this.slot(last)] - windowMs;
    let then = last - 1;
    while (then > 0 && this.histTime[this.slot(then)] > limit) then--;
    return [then, last];
  }

  /** Ring slot of logical position p (0 = oldest kept). */
  private slot(p: number): number {
    return (this.histHead + p) % HISTORY;
  }

  private pushHistory(time: number, instant: Float64Array, edges: Float64Array): void {
    let s: number;
    if (this.histCount < HISTORY) {
      s = this.slot(this.histCount);
      this.histCount++;
    } else {
      s = this.histHead;
      this.histHead = (this.histHead + 1) % HISTORY;
    }
    this.histTime[s] = time;
    this.histInstant[s] = instant;
    this.histEdges[s] = edges;
  }
}

function key(node: string, name: string): string {
  return `${node}\u0000${name}`;
}

/** The one live store of the app (the simulation slice feeds it; charts and canvas hooks read it). */
export const live = new LiveData();
