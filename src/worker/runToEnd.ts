import type { ModelRegistry } from '../sim/core/serviceKind.ts';
import { Simulation, type RunOptions, type SimScenario } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';

/**
 * Runs a scenario from 0 s to its end as fast as the engine goes, on a Simulation of its own (the live run,
 * if any, is left where it is), and returns the runner's result document. A lesson's Check and A/B compare use it
 * (compare passes the run's traffic multiplier in `options`).
 */
export function runToEnd(scenario: SimScenario, registry: ModelRegistry, options: RunOptions = {}): ResultDocument {
  const sim = new Simulation(structuredClone(scenario), registry, options);
  sim.run();
  return sim.result();
}
