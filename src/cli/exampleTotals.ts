import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../scenario/paths.ts';
import { validateScenario } from '../scenario/validate.ts';
import { Simulation } from '../sim/engine.ts';
import type { ModelRegistry } from '../sim/core/serviceKind.ts';

/**
 * The whole-run figures of every example that src/scenario/exampleTotals.test.ts compares with the ones stored in
 * src/scenario/exampleTotals.json (written by `npm run totals:update`, so that changing them is deliberate).
 * Each example runs for its full duration: together they take a few seconds, so no duration is capped.
 */
export const EXAMPLES_DIR = join(import.meta.dirname, '..', '..', 'examples');
export const TOTALS_FILE = join(import.meta.dirname, '..', 'scenario', 'exampleTotals.json');

/** Per node, "Metric.Stat" -> value; under "(run)", the whole run's Cost.totalUSD. */
export type ExampleFigures = Record<string, Record<string, number>>;
export type StoredTotals = Record<string, ExampleFigures>;

/** How a figure may move: counts (Sum, SampleCount, Maximum of a level, cost) barely; quantiles a little more. */
export type FigureClass = 'count' | 'quantile';

/** Which statistics are compared, per metric kind. */
const KEY_STATS = { counter: ['Sum'], level: ['Maximum'], distribution: ['SampleCount', 'p50', 'p99'] } as const;

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort();
}

export function figureClass(key: string): FigureClass {
  return /\.p\d+$/.test(key) ? 'quantile' : 'count';
}

/** Runs examples/<file> headlessly and returns its key whole-run figures. */
export function exampleFigures(file: string, models: ModelRegistry): ExampleFigures {
  const r = validateScenario(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')));
  if (!r.ok) throw new Error(`examples/${file} does not validate:\n${r.problems.map(formatProblem).join('\n')}`);
  const sim = new Simulation(r.sim, models);
  sim.run();
  const res = sim.result();
  if (res.stopped) throw new Error(`examples/${file} stopped early: ${res.stopped}`);
  const figures: ExampleFigures = { '(run)': { 'Cost.totalUSD': res.cost.totalUSD } };
  sim.metrics.defs.forEach((def, h) => {
    const totals = sim.metrics.totals(h);
    const node = (figures[def.node] ??= {});
    for (const stat of KEY_STATS[def.kind]) node[`${def.name}.${stat}`] = totals[stat] ?? 0;
  });
  return figures;
}

export function allExampleFigures(models: ModelRegistry): StoredTotals {
  return Object.fromEntries(exampleFiles().map((f) => [f, exampleFigures(f, models)]));
}
