import { validateScenario, formatProblem } from '../src/scenario/index.ts';
import { Simulation } from '../src/sim/engine.ts';
import type { ResultDocument } from '../src/sim/result.ts';
import type { BenchCase, Measurement } from './benchCase.ts';
import { loadModels } from '../src/sim/services/registry.ts';

/**
 * Runs one case at one duration in this (fresh) process and prints its Measurement as JSON. The run
 * advances in slices of simulated time so the peak RSS can be sampled while it goes; with `repeat` the
 * fastest run is reported.
 */
const [caseFile, durationArg] = process.argv.slice(2);
const bench = ((await import(caseFile)) as { default: BenchCase }).default;
const models = await loadModels();
const durationSeconds = Number(durationArg);
const checked = validateScenario(bench.scenario(durationSeconds));
if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));

let peakRss = process.memoryUsage().rss;
let best: { wall: number; cpu: number; result: ResultDocument } | undefined;
for (let run = 0; run < (bench.repeat ?? 1); run++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const sim = new Simulation(checked.sim, models);
  const sliceMs = Math.max(1000, (durationSeconds * 1000) / 200);
  for (let t = sliceMs; !sim.done; t += sliceMs) {
    sim.advanceTo(t);
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) peakRss = rss;
  }
  const result = sim.result();
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (!best || wall < best.wall) best = { wall, cpu: (used.user + used.system) / 1e6, result };
}
const { wall: wallSeconds, cpu: cpuSeconds, result } = best!;
(globalThis as { gc?: () => void }).gc?.();
const requests = bench.requests(result);
const m: Measurement = {
  case: bench.title,
  durationSeconds,
  wallSeconds,
  cpuSeconds,
  events: result.events,
  requests,
  requestsPerSecond: requests / wallSeconds,
  eventsPerSecond: result.events / wallSeconds,
  peakRssMB: peakRss / 2 ** 20,
  heapAfterMB: process.memoryUsage().heapUsed / 2 ** 20,
  ...(result.stopped ? { stopped: result.stopped } : {}),
};
process.stdout.write(`${JSON.stringify(m)}\n`);
