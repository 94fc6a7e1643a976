/**
 * Queueing formulas the simulation must agree with (docs/aws-behaviour.md, "Queueing facts").
 * Offered load `a` is in Erlangs: arrival rate x mean holding time.
 */

/**
 * Erlang B: the fraction of arrivals lost by c servers with no queue (a loss system, e.g. a synchronous
 * Lambda path with a concurrency limit c). Stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)).
 */
export function erlangB(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 0) throw new Error(`erlangB: servers must be a whole number >= 0, got ${c}`);
  if (!(a >= 0)) throw new Error(`erlangB: offered load must be >= 0 Erlangs, got ${a}`);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival waits, for c servers with an unbounded FIFO queue (M/M/c).
 * Computed from Erlang B: C = c B / (c - a (1 - B)). Requires a < c (otherwise the queue grows forever: 1).
 */
export function erlangC(c: number, a: number): number {
  if (!Number.isInteger(c) || c < 1) throw new Error(`erlangC: servers must be a whole number >= 1, got ${c}`);
  if (!(a >= 0)) throw new Error(`erlangC: offered load must be >= 0 Erlangs, got ${a}`);
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c mean waiting time in the queue (same unit as meanService): C / (c mu - lambda). */
export function erlangCMeanWait(c: number, a: number, meanService: number): number {
  if (a >= c) return Infinity;
  return (erlangC(c, a) * meanService) / (c - a);
}

/** M/M/c: probability that the wait exceeds t (same unit as meanService): C exp(-(c - a) t / meanService). */
export function erlangCWaitExceeds(c: number, a: number, meanService: number, t: number): number {
  if (a >= c) return 1;
  return erlangC(c, a) * Math.exp((-(c - a) * t) / meanService);
}
