import type { MetricKind } from '../sim/core/metrics.ts';

/**
 * What the simulation worker sends the main thread. The index is sent once per load (and after a reset);
 * frames follow, at most one per animation frame, with their typed arrays transferred (not copied).
 */

/** One series column: a metric's statistic (e.g. Duration.p99) for one node. */
export interface ColumnInfo {
  node: string;
  metric: string;
  kind: MetricKind;
  unit: string;
  /** Column name as in the result document: `Invocations`, `Duration.p99`, ... */
  column: string;
  /** The metric handle in the engine (index into `metrics` and into Frame.instant). */
  handle: number;
}

/** A metric the engine defined, in handle order. */
export interface MetricEntry {
  node: string;
  name: string;
  kind: MetricKind;
  unit: string;
}

/** A node as the UI needs it to pick charts and figures, from its ServiceKind. */
export interface NodeInfo {
  id: string;
  type: string;
  label: string;
  /** Metrics shown on the canvas node (ServiceKind.figures). */
  figures: string[];
  /** The node's chart groups (ServiceKind.charts). */
  charts: string[][];
  /** The kind's published metrics in the kind's order, with their help lines. */
  metrics: { name: string; kind: MetricKind; unit: string; help: string }[];
  /** Counters of requests the node refused by a throttle, and of those it answered with an error (ServiceKind.compare). */
  throttles?: string[];
  errors?: string[];
}

export interface MetricIndex {
  /** Increases with every load/reset so stale frames can be recognised. */
  generation: number;
  scenario: string;
  seed: number;
  durationSeconds: number;
  periodSeconds: number;
  /** Periods of the whole run (the length every column will reach). */
  maxPeriods: number;
  metrics: MetricEntry[];
  columns: ColumnInfo[];
  nodes: NodeInfo[];
  edges: { from: string; to: string }[];
}

export interface Frame {
  generation: number;
  /** First period this frame carries, and how many. */
  fromPeriod: number;
  periodCount: number;
  /** Column-major: columns[c * periodCount + i] is column c of period fromPeriod + i. */
  columns: Float64Array;
  /**
   * One value per metric handle, as of `now`: a level's current value, a counter's running sum (closed
   * periods plus the open one), NaN for distributions.
   */
  instant: Float64Array;
  /** Messages sent over each edge so far (Simulation.edgeCounts). */
  edgeCounts: Float64Array;
  /** Messages sent over each edge in the newest closed period (Simulation.edgePeriodCounts). */
  edgePeriodCounts: Float64Array;
  /** Each node's current limits by metric (Simulation.limits): limit lines and "x / limit" figures. */
  limits: Record<string, Readonly<Record<string, number>>>;
  /** Simulated time, ms. */
  now: number;
  events: number;
  state: RunState;
  /** Set when the event budget stopped the run. */
  stopped?: string;
  /** Simulated ms per wall ms achieved over the last second of running. */
  actualSpeed: number;
}

export type RunState = 'paused' | 'running' | 'done';

/** The API the worker exposes through comlink. */
export interface SimWorkerApi {
  /** Loads a validated scenario (paused at time 0) and returns its metric index (a promise on the main thread). */
  load(sim: import('../sim/engine.ts').SimScenario, onFrame: FrameSink): Promise<MetricIndex>;
  run(): void;
  pause(): void;
  /** Advances `seconds` of simulated time, then pauses. */
  step(seconds: number): void;
  /** 1 = real time; Infinity = as fast as possible. */
  setSpeed(speed: number): void;
  /** The traffic multiplier (0.1..100): every Client's rate from the engine's next event, and in later resets. */
  setTrafficScale(scale: number): Promise<void>;
  /** Rebuilds the run from time 0 with `seed` (or the current seed); returns the new index. */
  reset(seed?: number): MetricIndex;
  /** A live edit of one node, applied from the engine's next event. */
  updateNode(node: import('../sim/core/model.ts').SimNode): void;
  updateEdge(index: number, properties: Record<string, unknown>): void;
  /** The run so far as the headless runner's result document; null before a load. */
  result(): import('../sim/result.ts').ResultDocument | null;
  /**
   * Runs `sim` from 0 s to its end on a Simulation of its own, flat out, and returns its result (a lesson's Check,
   * A/B compare); `onProgress` (a Comlink proxy) hears the fraction of simulated time done every quarter second.
   */
  runToEnd(
    sim: import('../sim/engine.ts').SimScenario,
    options?: import('../sim/engine.ts').RunOptions,
    onProgress?: (fraction: number) => void,
  ): Promise<import('../sim/result.ts').ResultDocument>;
  /** A node's sampled runs so far (a state machine's sampled execution histories), newest first; null when it keeps none. */
  sampledRuns(nodeId: string): import('../sim/core/sampledRun.ts').SampledRun[] | null;
  /** The journeys of the requests sampled so far (core/tracer.ts), in the order they started; null before a load. */
  journeys(): import('../sim/core/journey.ts').Journey[] | null;
  /**
   * A node's lazily loaded checks (ServiceKind.checkLazily, e.g. a state machine's definition through asl-validator),
   * run here so their libraries load and compile off the main thread; [] for a kind that has none.
   */
  checkLazily(node: import('../sim/core/model.ts').SimNode): Promise<[string, string][]>;
}

/** The main thread's frame receiver; the returned promise resolves when it is ready for the next frame. */
export type FrameSink = (frame: Frame) => Promise<void> | void;
