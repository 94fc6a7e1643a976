import type { ModelRegistry } from '../sim/core/serviceKind.ts';
import { Simulation, type RunOptions, type SimScenario } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';

/** How a long run to the end says how far it got: `report` with the fraction of simulated time done, 0..1. */
export interface RunProgress {
  report: (fraction: number) => void;
  /** Wall time between reports; 250 ms when not given. */
  everyMs?: number;
}

/** Wall time one slice of the run aims at, so reports come about on time without slowing the run. */
const SLICE_MS = 50;

/**
 * Runs a scenario from 0 s to its end as fast as the engine goes, on a Simulation of its own (the live run,
 * if any, is left where it is), and returns the runner's result document. A lesson's Check and A/B compare use it
 * (compare passes the run's traffic multiplier in `options`, and `progress` to show how far each design got).
 * Slicing the run changes nothing in its result: events run in the same order whatever the slices.
 */
export function runToEnd(scenario: SimScenario, registry: ModelRegistry, options: RunOptions = {}, progress?: RunProgress): ResultDocument {
  const sim = new Simulation(structuredClone(scenario), registry, options);
  if (!progress) {
    sim.run();
    return sim.result();
  }
  const everyMs = progress.everyMs ?? 250;
  const end = sim.durationMs;
  let step = Math.max(1, end / 1000);
  let reported = performance.now();
  while (!sim.done) {
    const started = performance.now();
    sim.advanceTo(Math.min(end, sim.now + step));
    const now = performance.now();
    const took = now - started;
    // Aim each slice at SLICE_MS of wall time, changing the step at most fourfold a slice.
    step = Math.max(1, took > 0 ? step * Math.min(4, Math.max(0.25, SLICE_MS / took)) : step * 4);
    if (!sim.done && now - reported >= everyMs) {
      reported = now;
      progress.report(sim.now / end);
    }
  }
  progress.report(1);
  return sim.result();
}
