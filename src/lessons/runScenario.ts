import { formatProblem, isError, validateScenario } from '../scenario/index.ts';
import type { ModelRegistry } from '../sim/core/serviceKind.ts';
import { Simulation } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';

/** Validates a scenario document and runs it to its end, as the headless runner does; refusals list the problems. */
export function runScenarioToEnd(doc: unknown, registry: ModelRegistry): { ok: true; result: ResultDocument } | { ok: false; message: string } {
  const checked = validateScenario(doc);
  if (!checked.ok) return { ok: false, message: checked.problems.filter(isError).slice(0, 5).map(formatProblem).join('; ') };
  const sim = new Simulation(checked.sim, registry);
  sim.run();
  return { ok: true, result: sim.result() };
}
