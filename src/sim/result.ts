import { COST_METRIC } from './core/costMetric.ts';
import { round, type Totals } from './core/metrics.ts';
import type { Simulation } from './engine.ts';

/** The result document of docs/scenario-format.md (`--out`). */
export interface ResultDocument {
  format: 'serverless-playground/result';
  version: 1;
  scenario: string;
  seed: number;
  simulatedSeconds: number;
  events: number;
  wallSeconds: number;
  periodSeconds: number;
  /** Set when the event budget stopped the run early. */
  stopped?: string;
  /** The run's traffic multiplier at its end, when not 1 (a run option: the scenario is as written). */
  trafficScale?: number;
  warnings: string[];
  cost: { totalUSD: number; nodes: Record<string, number> };
  nodes: Record<string, NodeResult>;
}

export interface NodeResult {
  type: string;
  totals: Record<string, Totals>;
  series: Record<string, number[]>;
}

export { COST_METRIC };

export function buildResult(sim: Simulation, wallSeconds: number): ResultDocument {
  const metrics = sim.metrics;
  const nodes: Record<string, NodeResult> = {};
  for (const m of sim.models) nodes[m.id] = { type: m.type, totals: {}, series: {} };
  const costs: Record<string, number> = {};
  let total = 0;
  metrics.defs.forEach((def, h) => {
    const node = nodes[def.node];
    if (!node) return;
    node.totals[def.name] = metrics.totals(h);
    for (const [column, values] of metrics.seriesOf(h)) node.series[column] = Array.from(values, round);
    if (def.name === COST_METRIC) {
      const usd = node.totals[def.name].Sum;
      costs[def.node] = round(usd);
      total += usd;
    }
  });
  return {
    format: 'serverless-playground/result',
    version: 1,
    scenario: sim.scenario.name,
    seed: sim.scenario.seed,
    simulatedSeconds: round(sim.now / 1000),
    events: sim.events,
    wallSeconds: round(wallSeconds),
    periodSeconds: sim.periodSeconds,
    ...(sim.stopped ? { stopped: sim.stopped } : {}),
    ...(sim.trafficScale !== 1 ? { trafficScale: sim.trafficScale } : {}),
    warnings: [...sim.warnings],
    cost: { totalUSD: round(total), nodes: costs },
    nodes,
  };
}

/** A month as AWS's pricing pages count it: 730 hours. */
export const SECONDS_PER_MONTH = 730 * 3600;

/** The run's cost scaled to a month of the same traffic; null for a run that simulated no time. */
export function monthlyCostUSD(result: { simulatedSeconds: number; cost: { totalUSD: number } }): number | null {
  return result.simulatedSeconds > 0 ? (result.cost.totalUSD * SECONDS_PER_MONTH) / result.simulatedSeconds : null;
}
