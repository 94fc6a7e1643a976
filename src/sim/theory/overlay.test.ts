import { describe, expect, it } from 'vitest';
import { predict, smoothRate, type TheoryOverlay } from './overlay.ts';

function overlay(o: Partial<TheoryOverlay>): TheoryOverlay {
  return { formula: 'erlangB', arrivals: ['Invocations'], servers: 10, serversWhy: 'reserved concurrency 10', meanServiceMs: 100, serviceShape: 'exponential, mean 100 ms', broken: [], assumptions: [], lines: [], ...o };
}

describe('predict: the formula for a measured arrival rate', () => {
  it('Erlang B: 100/s x 100 ms on 10 servers is 10 Erlangs, 21.5% refused, Little L = a (1 - B)', () => {
    const p = predict(overlay({}), 100);
    if (!p.ok) throw new Error(p.text);
    expect(p.figures.offered).toBeCloseTo(10, 12);
    expect(p.figures.probability).toBeCloseTo(0.2146, 4);
    expect(p.figures.inService).toBeCloseTo(10 * (1 - 0.21458), 3);
    expect(p.text).toBe('Erlang B: λ 100/s × W 100 ms = 10 Erl, c = 10 → 21.5% throttled; Little: L = λ(1−B)W = 7.85');
  });

  it('Erlang C: 80/s x 100 ms on 10 consumers waits 40.9%, Wq = C W / (c - a), Lq = λ Wq', () => {
    const p = predict(overlay({ formula: 'erlangC' }), 80);
    if (!p.ok) throw new Error(p.text);
    expect(p.figures.probability).toBeCloseTo(0.4092, 4);
    expect(p.figures.meanWaitMs).toBeCloseTo((0.40918 * 100) / 2, 2);
    expect(p.figures.waiting).toBeCloseTo(80 * (0.40918 * 0.1) / 2, 3);
    expect(p.figures.inService).toBeCloseTo(8, 12);
  });

  it('says why instead of predicting: broken assumptions, a load at or above the consumers, a rate near a cap', () => {
    expect(predict(overlay({ broken: ['a', 'b'] }), 10)).toEqual({ ok: false, text: 'Erlang B not drawn: a; b' });
    const full = predict(overlay({ formula: 'erlangC' }), 100);
    expect(full.ok).toBe(false);
    expect(full.text).toContain('the queue grows without bound');
    // A bucket of 100/s, 100 deep: Poisson 97/s empties it now and then (2 x 3 x 100 / 97 < ln 1000), 90/s hardly ever.
    const cap = { perSecond: 100, burst: 100, why: 'the quota' };
    expect(predict(overlay({ rateCap: cap }), 97)).toEqual({ ok: false, text: 'Erlang B not drawn: λ 97/s is near the quota (100/s), which refuses requests too' });
    expect(predict(overlay({ rateCap: cap }), 90).ok).toBe(true);
    expect(predict(overlay({ rateCap: { ...cap, burst: 10 } }), 90).ok).toBe(false);
    expect(predict(overlay({ rateCap: cap }), 120).ok).toBe(false);
  });
});

describe('smoothRate', () => {
  it('starts at the first sample and moves a share 1 - e^(-period / tau) towards each next one', () => {
    expect(smoothRate(undefined, 50, 1)).toBe(50);
    expect(smoothRate(50, 150, 10, 10)).toBeCloseTo(50 + 100 * (1 - Math.exp(-1)), 12);
    expect(smoothRate(50, 150, 3600, 10)).toBeCloseTo(150, 9);
  });
});
