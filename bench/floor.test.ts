import { describe, expect, it } from 'vitest';
import { erlangB } from '../src/sim/theory/erlang.ts';
import { FLOOR_SYSTEM, runFloor } from './floor.ts';

/**
 * The floor must simulate the same system as case (a), or its speed means nothing: its blocking probability
 * agrees with Erlang B (docs/aws-behaviour.md, "Queueing facts"; insensitive to the service time's distribution)
 * within sampling error, estimated from independent seeds.
 */
describe('bench floor: a bare typed-array loss system', () => {
  it('blocks the fraction of arrivals Erlang B predicts for 80 servers at 80 Erlangs', () => {
    const seeds = 8;
    const fractions: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const r = runFloor({ ...FLOOR_SYSTEM, seed });
      expect(r.requests / FLOOR_SYSTEM.durationSeconds / FLOOR_SYSTEM.ratePerSecond).toBeCloseTo(1, 1);
      fractions.push(r.blocked / r.requests);
    }
    const mean = fractions.reduce((a, b) => a + b, 0) / seeds;
    const sd = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / (seeds - 1));
    const standardError = sd / Math.sqrt(seeds);
    const want = erlangB(FLOOR_SYSTEM.servers, (FLOOR_SYSTEM.ratePerSecond * FLOOR_SYSTEM.serviceMs) / 1000);
    expect(Math.abs(mean - want), `mean ${mean}, Erlang B ${want}, standard error ${standardError}`).toBeLessThan(4 * standardError);
    expect(standardError).toBeLessThan(0.1 * want);
  });

  it('blocks nothing with a server per possible arrival, and everything with none', () => {
    const small = { ...FLOOR_SYSTEM, durationSeconds: 10 };
    expect(runFloor({ ...small, servers: 100_000 }).blocked).toBe(0);
    const none = runFloor({ ...small, servers: 0 });
    expect(none.blocked).toBe(none.requests);
  });
});
