import { isError, validateScenario, type Problem, type ScenarioDoc } from '../scenario/index.ts';
import type { RunOptions, SimScenario } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';

export type Design = 'A' | 'B';

/** Runs a scenario to its end with run options: the worker's runToEnd in the app, the engine in tests. */
export type RunToEndWith = (sim: SimScenario, options: RunOptions) => Promise<ResultDocument>;

export type RunBothOutcome = { ok: true; a: ResultDocument; b: ResultDocument } | { ok: false; design: Design; message: string };

/** A problem's path with the node named instead of numbered: `Search.properties.Timeout` for `nodes[2].properties.Timeout`. */
export function problemWhere(doc: ScenarioDoc, problem: Problem): string {
  const m = /^nodes\[(\d+)\](.*)$/.exec(problem.path);
  const node = m ? doc.nodes[Number(m[1])] : undefined;
  const path = node && m ? `${node.id}${m[2]}` : problem.path || '(document)';
  return `${path}: ${problem.message}`;
}

function check(design: Design, doc: ScenarioDoc): { ok: true; sim: SimScenario } | { ok: false; design: Design; message: string } {
  const checked = validateScenario(doc);
  if (checked.ok) return { ok: true, sim: checked.sim };
  const errors = checked.problems.filter(isError);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { ok: false, design, message: `Design ${design} is not valid: ${errors.length > 0 ? problemWhere(doc, errors[0]) : 'it cannot be read'}${more}` };
}

/**
 * Validates both designs, then runs A and B one after the other on A's seed and duration and the same traffic
 * multiplier. `onRunning` says which design is running now.
 */
export async function runBoth(
  docA: ScenarioDoc,
  docB: ScenarioDoc,
  run: RunToEndWith,
  trafficScale: number,
  onRunning: (design: Design) => void = () => {},
): Promise<RunBothOutcome> {
  const a = check('A', docA);
  if (!a.ok) return a;
  const b = check('B', docB);
  if (!b.ok) return b;
  const simB: SimScenario = { ...b.sim, seed: a.sim.seed, durationSeconds: a.sim.durationSeconds };
  const results: Partial<Record<Design, ResultDocument>> = {};
  for (const [design, sim] of [['A', a.sim], ['B', simB]] as const) {
    onRunning(design);
    try {
      results[design] = await run(sim, { trafficScale });
    } catch (e) {
      return { ok: false, design, message: `Design ${design} could not run: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ok: true, a: results.A as ResultDocument, b: results.B as ResultDocument };
}
