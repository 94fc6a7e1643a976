import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangCMeanWait, erlangCWaitExceeds } from './erlang.ts';

/** Values from the published Erlang tables and from M/M/c cases with closed forms. */
describe('Erlang formulas against textbook values', () => {
  it('Erlang B: 10 Erlangs on 10 servers lose 21.46%; 2 on 5 lose 3.67%; 1 on 1 loses half', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangB(20, 15)).toBeCloseTo(0.0456, 4);
  });

  it('Erlang C: M/M/2 at 1 Erlang waits 1/3 of the time, M/M/3 at 2 Erlangs 4/9; a 10-server table value', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 4);
    // M/M/2 at 1 Erlang, mean service 1: Wq = C / (c - a) = 1/3; P(wait > t) = C e^{-(c - a) t}.
    expect(erlangCMeanWait(2, 1, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangCWaitExceeds(2, 1, 1, 1)).toBeCloseTo(Math.exp(-1) / 3, 12);
    expect(erlangCMeanWait(2, 2, 1)).toBe(Infinity);
  });

  it('refuses servers that are not whole numbers and negative loads, naming the input', () => {
    expect(() => erlangB(-1, 1)).toThrow('servers must be a whole number >= 0, got -1');
    expect(() => erlangC(0, 1)).toThrow('servers must be a whole number >= 1, got 0');
    expect(() => erlangB(3, Number.NaN)).toThrow('offered load must be >= 0 Erlangs');
  });
});
