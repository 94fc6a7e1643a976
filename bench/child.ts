import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { validateScenario, formatProblem } from '../src/scenario/index.ts';
import { Simulation } from '../src/sim/engine.ts';
import type { ResultDocument } from '../src/sim/result.ts';
import type { BenchCase, Measurement } from './benchCase.ts';
import { loadModels } from '../src/sim/services/registry.ts';

/**
 * Runs one case at one duration in this (fresh) process and prints its Measurement as JSON. The run
 * advances in slices of simulated time so the peak RSS can be sampled while it goes (and the case's RSS cap
 * enforced); with `repeat` the fastest run is reported. Garbage collection time comes from 'gc' performance
 * entries, which Node delivers once the run yields to the event loop.
 */
const gcPauses: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ['gc'] });

async function gcSecondsBetween(from: number, to: number): Promise<number> {
  await sleep(20);
  let ms = 0;
  for (const p of gcPauses) if (p.start >= from && p.start <= to) ms += p.duration;
  return ms / 1000;
}

const [caseFile, durationArg] = process.argv.slice(2);
const bench = ((await import(caseFile)) as { default: BenchCase }).default;
const models = await loadModels();
const durationSeconds = Number(durationArg);
const checked = validateScenario(bench.scenario(durationSeconds));
if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));

const rssBefore = process.memoryUsage().rss;
const capBytes = (bench.rssCapMB ?? Infinity) * 2 ** 20;
let peakRss = rssBefore;
interface Run { wall: number; cpu: number; gc: number; simulatedSeconds: number; capped?: string; result: ResultDocument }
let best: Run | undefined;
for (let run = 0; run < (bench.repeat ?? 1); run++) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const sim = new Simulation(checked.sim, models);
  const sliceMs = Math.max(1000, (durationSeconds * 1000) / 200);
  let capped: string | undefined;
  for (let t = sliceMs; !sim.done; t += sliceMs) {
    const { now } = sim.advanceTo(t);
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) peakRss = rss;
    if (rss > capBytes && !sim.done) {
      capped = `the bench stopped the run at ${(now / 1000).toFixed(0)} s of ${durationSeconds} s: RSS ${(rss / 2 ** 20).toFixed(0)} MB passed the case's cap of ${bench.rssCapMB} MB`;
      break;
    }
  }
  const result = sim.result();
  const ended = performance.now();
  const wall = (ended - started) / 1000;
  const used = process.cpuUsage(cpu);
  const gc = await gcSecondsBetween(started, ended);
  if (!best || wall < best.wall) best = { wall, cpu: (used.user + used.system) / 1e6, gc, simulatedSeconds: sim.now / 1000, capped, result };
}
const { wall: wallSeconds, cpu: cpuSeconds, gc: gcSeconds, simulatedSeconds, capped, result } = best!;
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
  rssBeforeMB: rssBefore / 2 ** 20,
  heapAfterMB: process.memoryUsage().heapUsed / 2 ** 20,
  simulatedSeconds,
  gcSeconds,
  ...(result.stopped || capped ? { stopped: result.stopped ?? capped } : {}),
};
if (bench.report) m.report = bench.report(result, m);
process.stdout.write(`${JSON.stringify(m)}\n`);
