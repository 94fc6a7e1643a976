import { checkForRun, type ScenarioDoc } from '../scenario/index.ts';
import type { RunToEnd, SimScenario } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';

export type Design = 'A' | 'B';


export type RunBothOutcome = { ok: true; a: ResultDocument; b: ResultDocument } | { ok: false; design: Design; message: string };

function check(design: Design, doc: ScenarioDoc): { ok: true; sim: SimScenario } | { ok: false; design: Design; message: string } {
  const ready = checkForRun(doc);
  return ready.ok ? ready : { ok: false, design, message: `Design ${design} is not valid: ${ready.message}` };
}

/**
 * Validates both designs, then runs A and B one after the other on A's seed and duration and the same traffic
 * multiplier. `onProgress` says which design is running now (fraction 0 when it starts) and, as the runner
 * reports it, the fraction of its simulated time done.
 */
export async function runBoth(
  docA: ScenarioDoc,
  docB: ScenarioDoc,
  run: RunToEnd,
  trafficScale: number,
  onProgress: (design: Design, fraction: number) => void = () => {},
): Promise<RunBothOutcome> {
  const a = check('A', docA);
  if (!a.ok) return a;
  const b = check('B', docB);
  if (!b.ok) return b;
  const simB: SimScenario = { ...b.sim, seed: a.sim.seed, durationSeconds: a.sim.durationSeconds };
  const results: Partial<Record<Design, ResultDocument>> = {};
  for (const [design, sim] of [['A', a.sim], ['B', simB]] as const) {
    onProgress(design, 0);
    try {
      results[design] = await run(sim, { trafficScale }, (fraction) => onProgress(design, fraction));
    } catch (e) {
      return { ok: false, design, message: `Design ${design} could not run: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ok: true, a: results.A as ResultDocument, b: results.B as ResultDocument };
}
