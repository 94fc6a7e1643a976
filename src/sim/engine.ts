import { choosePeriodSeconds } from './core/metrics.ts';
import type { Edge, EdgeRole, Model, SimNode, SimSettings } from './core/model.ts';
import type { ModelRegistry } from './core/serviceKind.ts';
import { SimCore } from './core/simCore.ts';
import { buildResult, type ResultDocument } from './result.ts';

export type { AdvanceReport } from './core/simCore.ts';

/** A scenario after validation and defaults (src/scenario produces it). */
export interface SimScenario {
  name: string;
  seed: number;
  durationSeconds: number;
  settings: SimSettings;
  nodes: SimNode[];
  edges: { from: string; to: string; role: EdgeRole; properties: Record<string, unknown> }[];
}

/** How to run a scenario, beside the scenario itself (never written into it). */
export interface RunOptions {
  /** The traffic multiplier at time 0 (SimCore.setTrafficScale); 1 when not given. */
  trafficScale?: number;
}

/**
 * Runs a scenario to its end and returns its result: the worker's runToEnd in the app, the engine in tests.
 * `onProgress` hears, every so often, the fraction of simulated time done (0..1).
 */
export type RunToEnd = (sim: SimScenario, options?: RunOptions, onProgress?: (fraction: number) => void) => Promise<ResultDocument>;

/**
 * A scenario's run: the shared event loop (core/simCore.ts) with one model per node, wired by the scenario's
 * edges, and the result document. The period is the smallest CloudWatch period that keeps a run within
 * 3,600 periods.
 */
export class Simulation extends SimCore {
  readonly periodSeconds: number;
  private readonly byId = new Map<string, Model>();

  /** `registry` builds the models (services/registry.ts loadModels): the engine imports no service. */
  constructor(
    readonly scenario: SimScenario,
    registry: ModelRegistry,
    options: RunOptions = {},
  ) {
    const periodSeconds = choosePeriodSeconds(scenario.durationSeconds);
    super(scenario.settings, scenario.durationSeconds * 1000, periodSeconds, scenario.seed, scenario.edges.length);
    this.periodSeconds = periodSeconds;
    if (options.trafficScale !== undefined) this.setTrafficScale(options.trafficScale);
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
    this.start();
  }

  model(id: string): Model | undefined {
    return this.byId.get(id);
  }

  /** Applies a live edit to a node: models read the new values from their next event on. */
  updateNode(node: SimNode): void {
    this.byId.get(node.id)?.update(node);
  }

  /** Applies a live edit of edge `index`'s properties (same ends and role): its source model reads them anew. */
  updateEdge(index: number, properties: Record<string, unknown>): void {
    const from = this.models.find((m) => m.out.some((e) => e.index === index));
    const edge = from?.out.find((e) => e.index === index);
    if (!from || !edge) return;
    edge.properties = properties;
    this.scenario.edges[index] = { ...this.scenario.edges[index], properties };
    from.updateEdge(edge);
  }

  result(): ResultDocument {
    return buildResult(this, this.wallMs / 1000);
  }
}
