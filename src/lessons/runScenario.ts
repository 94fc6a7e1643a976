import { checkForRun } from '../scenario/index.ts';
import type { ModelRegistry } from '../sim/core/serviceKind.ts';
import { Simulation } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';

/** Checks a scenario document and runs it to its end in this thread, as the worker's runToEnd does (tests, Node). */
export function runScenarioToEnd(doc: unknown, registry: ModelRegistry): { ok: true; result: ResultDocument } | { ok: false; message: string } {
  const checked = checkForRun(doc);
  if (!checked.ok) return checked;
  const sim = new Simulation(checked.sim, registry);
  sim.run();
  return { ok: true, result: sim.result() };
}
