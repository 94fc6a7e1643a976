import type { ResultDocument } from '../src/sim/result.ts';

/** One benchmark case: a scenario built in code, run in a fresh process per simulated duration. */
export interface BenchCase {
  /** What it measures, for the table. */
  title: string;
  /** Simulated durations to run it at (several show whether memory stays flat as time grows). */
  durationsSeconds: readonly number[];
  scenario(durationSeconds: number): unknown;
  /** Simulated requests in a result (what "requests per wall-second" counts). */
  requests(result: ResultDocument): number;
  /** Runs per process, best wall time reported (later runs have a warmed-up JIT); default 1. */
  repeat?: number;
  /** The budget in words, and whether a run meets it. */
  budget: { text: string; met(m: Measurement): boolean };
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
  heapAfterMB: number;
  /** Why the engine stopped early (event or backlog budget), if it did. */
  stopped?: string;
}

/** The Client -> ... scenario skeleton every case shares. */
export function scenarioDoc(name: string, durationSeconds: number, nodes: unknown[], edges: unknown[]): unknown {
  return { format: 'serverless-playground/scenario', version: 1, name, seed: 1, durationSeconds, nodes, edges };
}

/** Sum of a counter over the nodes of a type in a result. */
export function counterOf(result: ResultDocument, type: string, metric: string): number {
  let sum = 0;
  for (const node of Object.values(result.nodes)) if (node.type === type) sum += node.totals[metric]?.Sum ?? 0;
  return sum;
}
