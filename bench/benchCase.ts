import type { ResultDocument } from '../src/sim/result.ts';

/** One benchmark case: a scenario built in code, run in a fresh process per simulated duration. */
export interface BenchCase {
  /** What it measures, for the table. */
  title: string;
  /** Simulated durations to run it at (several show whether memory stays flat as time grows). */
  durationsSeconds: readonly number[];
  /** Durations `npm run bench -- --full <letter>` runs instead, where the default ones are cut short to keep the bench quick. */
  fullDurationsSeconds?: readonly number[];
  /** The child stops the run, keeping the figures so far, once its RSS passes this many MB (a cap that protects the machine). */
  rssCapMB?: number;
  /** A line of case-specific figures (bytes per waiting message, say) for the notes under the table. */
  report?(result: ResultDocument, m: Measurement): string;
  scenario(durationSeconds: number): unknown;
  /** Simulated requests in a result (what "requests per wall-second" counts). */
  requests(result: ResultDocument): number;
  /** Runs per process, best wall time reported (later runs have a warmed-up JIT); default 1. */
  repeat?: number;
  /** The budget in words, and whether a run meets it (given the bare-loop floor's requests per wall-second in the same run). */
  budget: { text: string; met(m: Measurement, floorRequestsPerSecond: number): boolean };
}

export interface Measurement {
  case: string;
  durationSeconds: number;
  wallSeconds: number;
  /** CPU time of the run: on a busy machine wall time is inflated, CPU time much less. */
  cpuSeconds: number;
  events: number;
  requests: number;
  requestsPerSecond: number;
  eventsPerSecond: number;
  peakRssMB: number;
  /** RSS just before the run started, so that peak minus this is what the run held. */
  rssBeforeMB: number;
  heapAfterMB: number;
  /** Simulated seconds reached (less than durationSeconds when stopped). */
  simulatedSeconds: number;
  /** Time in garbage collection during the reported run (PerformanceObserver 'gc' entries). */
  gcSeconds: number;
  /** The case's own report line, if it has one. */
  report?: string;
  /** Why the run stopped early (the engine's event or backlog budget, or the case's RSS cap), if it did. */
  stopped?: string;
}

/** The Client -> ... scenario skeleton every case shares. */
export function scenarioDoc(name: string, durationSeconds: number, nodes: unknown[], edges: unknown[], settings?: Record<string, unknown>): unknown {
  return { format: 'serverless-playground/scenario', version: 1, name, seed: 1, durationSeconds, nodes, edges, ...(settings ? { settings } : {}) };
}

/** Sum of a counter over the nodes of a type in a result. */
export function counterOf(result: ResultDocument, type: string, metric: string): number {
  let sum = 0;
  for (const node of Object.values(result.nodes)) if (node.type === type) sum += node.totals[metric]?.Sum ?? 0;
  return sum;
}
