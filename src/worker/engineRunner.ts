import { SERIES_STATS } from '../sim/core/metrics.ts';
import type { SimNode } from '../sim/core/model.ts';
import type { SampledRun } from '../sim/core/sampledRun.ts';
import type { Journey } from '../sim/core/journey.ts';
import type { ModelRegistry } from '../sim/core/serviceKind.ts';
import { checkTrafficScale } from '../sim/core/trafficScale.ts';
import { Simulation, type SimScenario } from '../sim/engine.ts';
import { buildResult, type ResultDocument } from '../sim/result.ts';
import type { ColumnInfo, Frame, MetricIndex, NodeInfo, RunState } from './protocol.ts';

/** Wall milliseconds of engine work per slice, so pause and live edits get through between slices. */
export const SLICE_BUDGET_MS = 8;
/** Wall milliseconds one engine call aims at, so a slice ends close to its budget. */
const CALL_TARGET_MS = 2;
/** At a finite speed, wait this long (ms) between slices once the engine has caught up with the clock. */
export const PACED_DELAY_MS = 16;

/**
 * Drives a Simulation in slices sized to the speed and a wall-time budget, and packs what changed into
 * frames. Pure TypeScript: the worker (simWorker.ts) adds comlink and timers; tests drive it directly.
 */
export class EngineRunner {
  private scenario: SimScenario | null = null;
  private sim: Simulation | null = null;
  private index: MetricIndex | null = null;
  private generation = 0;
  private sentPeriods = 0;
  private sentNow = -1;
  private sentState: RunState | null = null;
  state: RunState = 'paused';
  speed = Infinity;
  /** The traffic multiplier, kept across loads and resets (a run option, like the speed). */
  trafficScale = 1;
  /** Simulated ms one engine call covers; adapted so a call costs about CALL_TARGET_MS of wall time. */
  private chunkMs = 100;
  private stepTarget: number | null = null;
  /** Wall ms the engine has worked on this run (the result document's wallSeconds). */
  private wallMs = 0;
  // Real-time pacing: simulated time `anchorSim` corresponds to wall time `anchorWall`.
  private anchorWall = 0;
  private anchorSim = 0;
  // Achieved speed over the last wall second.
  private speedWall = 0;
  private speedSim = 0;
  private actualSpeed = 0;

  constructor(
    private readonly registry: ModelRegistry,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get simulation(): Simulation | null {
    return this.sim;
  }

  load(scenario: SimScenario): MetricIndex {
    this.scenario = structuredClone(scenario);
    return this.rebuild();
  }

  reset(seed?: number): MetricIndex {
    if (!this.scenario) throw new Error('reset: no scenario loaded');
    if (seed !== undefined) {
      if (!Number.isInteger(seed) || seed < 0) throw new Error(`reset: seed must be a whole number >= 0, got ${seed}`);
      this.scenario.seed = seed;
    }
    return this.rebuild();
  }

  updateNode(node: SimNode): void {
    if (!this.scenario || !this.sim) return;
    const i = this.scenario.nodes.findIndex((n) => n.id === node.id);
    if (i < 0) throw new Error(`updateNode: no node "${node.id}" in the running scenario; reload it instead`);
    if (this.scenario.nodes[i].type !== node.type) {
      throw new Error(`updateNode: node "${node.id}" changed type; reload the scenario instead`);
    }
    this.scenario.nodes[i] = structuredClone(node);
    this.sim.updateNode(this.scenario.nodes[i]);
  }

  /** A live edit of one edge's properties (its ends and role unchanged). */
  updateEdge(index: number, properties: Record<string, unknown>): void {
    if (!this.scenario || !this.sim) return;
    if (index < 0 || index >= this.scenario.edges.length) throw new Error(`updateEdge: no edge ${index} in the running scenario; reload it instead`);
    this.scenario.edges[index] = { ...this.scenario.edges[index], properties: structuredClone(properties) };
    this.sim.updateEdge(index, structuredClone(properties));
  }

  /** Multiplies every traffic source's rate from now on (and in later loads and resets); the scenario is not changed. */
  setTrafficScale(scale: number): void {
    checkTrafficScale(scale);
    this.trafficScale = scale;
    this.sim?.setTrafficScale(scale);
  }

  run(): void {
    if (!this.sim || this.state === 'done') return;
    this.stepTarget = null;
    this.startClock();
    this.state = 'running';
  }

  pause(): void {
    if (this.state === 'running') this.state = 'paused';
    this.stepTarget = null;
  }

  step(seconds: number): void {
    if (!this.sim || this.state === 'done') return;
    if (!(seconds > 0) || !Number.isFinite(seconds)) throw new Error(`step: seconds must be above 0, got ${seconds}`);
    this.stepTarget = this.sim.now + seconds * 1000;
    this.startClock();
    this.state = 'running';
  }

  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new Error(`setSpeed: speed must be above 0 (Infinity = as fast as possible), got ${speed}`);
    this.speed = speed;
    this.startClock();
  }

  /**
   * Advances the engine for at most `budgetMs` of wall time. Returns how long to wait before the next
   * tick: 0 = at once, a positive delay when paced to real time, -1 when there is nothing to do.
   */
  tick(budgetMs = SLICE_BUDGET_MS): number {
    const sim = this.sim;
    if (!sim || this.state !== 'running') return -1;
    const start = this.clock();
    const paced = this.stepTarget === null && Number.isFinite(this.speed);
    let wanted = paced ? this.anchorSim + (start - this.anchorWall) * this.speed : Infinity;
    if (this.stepTarget !== null) wanted = Math.min(wanted, this.stepTarget);
    wanted = Math.min(wanted, sim.durationMs);
    let now = start;
    while (sim.now < wanted && !sim.done) {
      const t0 = now;
      sim.advanceTo(Math.min(wanted, sim.now + this.chunkMs));
      now = this.clock();
      const spent = now - t0;
      // At most one metric period per call: a quiet stretch must not grow the chunk so far that a sudden
      // burst of traffic (a spike) makes one call run for hundreds of ms.
      this.chunkMs = clamp(this.chunkMs * (spent > 0 ? clamp(CALL_TARGET_MS / spent, 0.5, 2) : 2), 1, sim.metrics.periodMs);
      if (now - start >= budgetMs) break;
    }
    this.measureSpeed(now, sim.now);
    this.wallMs += now - start;
    if (sim.done) {
      this.state = 'done';
      this.stepTarget = null;
      return -1;
    }
    if (this.stepTarget !== null && sim.now >= this.stepTarget) {
      this.state = 'paused';
      this.stepTarget = null;
      return -1;
    }
    if (!paced) return 0;
    // Falling more than a second behind the clock: the engine cannot keep up, so run flat out from here
    // rather than try to catch up with a burst later.
    if (wanted - sim.now > 1000 * this.speed) this.anchorAt(now, sim.now);
    return sim.now >= wanted ? PACED_DELAY_MS : 0;
  }

  /** The result document of the run so far (the runner's --out format); null before a load. */
  result(): ResultDocument | null {
    return this.sim ? buildResult(this.sim, this.wallMs / 1000) : null;
  }

  /** A node's sampled runs so far (Model.sampledRuns); null before a load or when the node keeps none. */
  sampledRuns(nodeId: string): SampledRun[] | null {
    return this.sim?.sampledRuns(nodeId) ?? null;
  }

  /** The sampled requests' journeys so far (core/tracer.ts); null before a load. */
  journeys(): Journey[] | null {
    return this.sim?.journeys() ?? null;
  }

  /** A frame with what changed since the last one, or null when nothing did. */
  takeFrame(): Frame | null {
    const sim = this.sim;
    const index = this.index;
    if (!sim || !index) return null;
    const m = sim.metrics;
    const to = m.periods;
    if (to === this.sentPeriods && sim.now === this.sentNow && this.state === this.sentState) return null;
    const from = this.sentPeriods;
    const count = to - from;
    const columns = new Float64Array(index.columns.length * count);
    let c = 0;
    for (let h = 0; h < index.metrics.length; h++) {
      for (const [, values] of m.seriesOf(h, from, to)) columns.set(values, count * c++);
    }
    const instant = new Float64Array(index.metrics.length);
    for (let h = 0; h < instant.length; h++) {
      const kind = index.metrics[h].kind;
      instant[h] = kind === 'level' ? m.levelOf(h) : kind === 'counter' ? m.runningSum(h) : NaN;
    }
    this.sentPeriods = to;
    this.sentNow = sim.now;
    this.sentState = this.state;
    return {
      generation: index.generation,
      fromPeriod: from,
      periodCount: count,
      columns,
      instant,
      edgeCounts: sim.edgeCounts.slice(),
      edgePeriodCounts: sim.edgePeriodCounts.slice(),
      limits: sim.limits(),
      now: sim.now,
      events: sim.events,
      state: this.state,
      ...(sim.stopped ? { stopped: sim.stopped } : {}),
      actualSpeed: this.actualSpeed,
    };
  }

  private rebuild(): MetricIndex {
    const scenario = this.scenario as SimScenario;
    this.sim = new Simulation(structuredClone(scenario), this.registry, { trafficScale: this.trafficScale });
    this.state = 'paused';
    this.stepTarget = null;
    this.sentPeriods = 0;
    this.sentNow = -1;
    this.sentState = null;
    this.actualSpeed = 0;
    this.wallMs = 0;
    this.index = buildIndex(this.sim, ++this.generation, this.registry);
    return this.index;
  }

  private startClock(): void {
    const now = this.clock();
    this.anchorAt(now, this.sim?.now ?? 0);
    this.speedWall = now;
    this.speedSim = this.sim?.now ?? 0;
  }

  private anchorAt(wall: number, sim: number): void {
    this.anchorWall = wall;
    this.anchorSim = sim;
  }

  private measureSpeed(wall: number, sim: number): void {
    const elapsed = wall - this.speedWall;
    if (elapsed < 1000) return;
    this.actualSpeed = (sim - this.speedSim) / elapsed;
    this.speedWall = wall;
    this.speedSim = sim;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** The metric index of a freshly built simulation: every series column, and each node's kind info. */
export function buildIndex(sim: Simulation, generation: number, registry: ModelRegistry): MetricIndex {
  const defs = sim.metrics.defs;
  const columns: ColumnInfo[] = [];
  defs.forEach((d, handle) => {
    SERIES_STATS[d.kind].forEach((stat, i) => {
      columns.push({ node: d.node, metric: d.name, kind: d.kind, unit: d.unit, column: i === 0 ? d.name : `${d.name}.${stat}`, handle });
    });
  });
  const nodes: NodeInfo[] = sim.scenario.nodes.map((n) => {
    const kind = registry.kind(n.type);
    return {
      id: n.id,
      type: n.type,
      label: kind.label,
      figures: [...kind.figures],
      charts: kind.charts.map((group) => [...group]),
      metrics: kind.metrics.map((m) => ({ name: m.name, kind: m.kind, unit: m.unit, help: m.help })),
      throttles: [...(kind.compare?.throttles ?? [])],
      errors: [...(kind.compare?.errors ?? [])],
    };
  });
  return {
    generation,
    scenario: sim.scenario.name,
    seed: sim.scenario.seed,
    durationSeconds: sim.scenario.durationSeconds,
    periodSeconds: sim.periodSeconds,
    maxPeriods: sim.metrics.maxPeriods,
    metrics: defs.map((d) => ({ node: d.node, name: d.name, kind: d.kind, unit: d.unit })),
    columns,
    nodes,
    edges: sim.scenario.edges.map((e) => ({ from: e.from, to: e.to })),
  };
}
