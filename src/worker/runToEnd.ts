import type { ModelRegistry } from '../sim/core/serviceKind.ts';
import { Simulation, type SimScenario } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';

/**
 * Runs a scenario from 0 s to its end as fast as the engine goes, on a Simulation of its own (the live run,
 * if any, is left where it is), and returns the runner's result document. A lesson's Check uses it.
 */
export function runToEnd(scenario: SimScenario, registry: ModelRegistry): ResultDocument {
  const sim = new Simulation(structuredClone(scenario), registry);
  sim.run();
  return sim.result();
}
