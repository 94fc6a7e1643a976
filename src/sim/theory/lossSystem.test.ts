import { describe, expect, it } from 'vitest';
import { scenario, sum, total } from '../testing.ts';
import { erlangB, erlangC, erlangCMeanWait } from './erlang.ts';

/** Erlang B from its definition (a^c / c!) / sum_k (a^k / k!), for small c. */
function erlangBDirect(c: number, a: number): number {
  let term = 1;
  let total = 1;
  for (let k = 1; k <= c; k++) {
    term *= a / k;
    total += term;
  }
  return term / total;
}

describe('Erlang formulas', () => {
  it('Erlang B matches its definition and known values, and stays finite for large c', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
    expect(erlangB(10, 5)).toBeCloseTo(0.0183846, 7);
    for (const [c, a] of [[3, 2.5], [10, 8], [40, 30], [60, 70]]) expect(erlangB(c, a)).toBeCloseTo(erlangBDirect(c, a), 12);
    expect(erlangB(0, 3)).toBe(1);
    const big = erlangB(10_000, 9_900);
    expect(Number.isFinite(big) && big > 0 && big < 0.01).toBe(true);
    expect(() => erlangB(2.5, 1)).toThrow('whole number');
  });

  it('Erlang C matches its definition and gives the M/M/c mean wait', () => {
    // C = (a^c / c!) (c / (c - a)) / (sum_{k<c} a^k / k! + (a^c / c!) (c / (c - a)))
    const direct = (c: number, a: number) => {
      let term = 1;
      let below = 0;
      for (let k = 0; k < c; k++) {
        below += term;
        term *= a / (k + 1);
      }
      const top = (term * c) / (c - a);
      return top / (below + top);
    };
    for (const [c, a] of [[1, 0.5], [2, 1], [10, 8], [50, 45]]) expect(erlangC(c, a)).toBeCloseTo(direct(c, a), 12);
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12); // M/M/1: P(wait) = rho
    expect(erlangCMeanWait(1, 0.5, 100)).toBeCloseTo(100, 9); // M/M/1: Wq = rho / (mu - lambda)
    expect(erlangC(5, 5)).toBe(1);
  });
});

describe('the synchronous Lambda path is an Erlang loss system', () => {
  // Poisson arrivals, exponential durations (mean 250 ms), no cold starts, reserved concurrency c: the throttle
  // fraction is Erlang B. Loads are near c so B is 5-12% (small relative noise), ~1.3-1.9M requests each.
  // The request rate stays far below Lambda's request-rate quota (10 x the concurrency limit). Seed fixed: the observed error is
  // about 1%, well within 3%.
  const meanMs = 250;
  const cases = [
    { c: 10, a: 8, seconds: 40_000 },
    { c: 50, a: 45, seconds: 10_000 },
    { c: 100, a: 95, seconds: 5_000 },
  ];
  for (const { c, a, seconds } of cases) {
    it(`c = ${c}, offered load ${a} Erlangs: throttle fraction within 3% of Erlang B`, () => {
      const sim = scenario({ durationSeconds: seconds, seed: 7 })
        .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: a / (meanMs / 1000) })
        .node('Fn', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: c, Timeout: 900 }, {
          duration: { distribution: 'exponential', meanMs },
          coldStartMs: 0,
        })
        .edge('Users', 'Fn')
        .run();
      const requests = sum(sim, 'Users', 'Requests');
      const throttled = sum(sim, 'Fn', 'Throttles');
      expect(requests).toBeGreaterThan(1_000_000);
      expect(sum(sim, 'Fn', 'Throttles:ReservedFunctionConcurrentInvocationLimitExceeded')).toBe(throttled);
      const b = erlangB(c, a);
      expect(Math.abs(throttled / requests / b - 1)).toBeLessThan(0.03);
      // Carried load = a (1 - B) = mean ConcurrentExecutions.
      expect(Math.abs(total(sim, 'Fn', 'ConcurrentExecutions').Average / (a * (1 - b)) - 1)).toBeLessThan(0.01);
    });
  }
});
