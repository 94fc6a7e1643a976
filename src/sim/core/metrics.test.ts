import { describe, expect, it } from 'vitest';
import { Metrics } from './metrics.ts';

describe('Metrics distributions', () => {
  it('gives each period its own percentiles and the run the percentiles of all periods together', () => {
    const m = new Metrics(1, 2);
    const h = m.distribution('Fn', 'Duration');
    for (let v = 1; v <= 100; v++) m.record(h, v);
    m.closePeriod(1000);
    for (let v = 1001; v <= 1100; v++) m.record(h, v);
    m.closePeriod(2000);
    const series = Object.fromEntries(m.seriesOf(h));
    const near = (got: number, want: number) => expect(Math.abs(got - want) / want, `${got} vs ${want}`).toBeLessThanOrEqual(1 / 256);
    near(series['Duration.p50'][0], 50);
    near(series['Duration.p99'][0], 99);
    near(series['Duration.p50'][1], 1050);
    near(series['Duration.p90'][1], 1090);
    expect([...series['Duration.SampleCount']]).toEqual([100, 100]);
    const totals = m.totals(h);
    expect(totals.SampleCount).toBe(200);
    expect([totals.Minimum, totals.Maximum]).toEqual([1, 1100]);
    near(totals.p50, 100);
    near(totals.p90, 1080);
  });

  it('records a negative sample as 0 and answers 0 for a period without samples', () => {
    const m = new Metrics(1, 2);
    const h = m.distribution('Queue', 'AgeOfOldestMessage');
    m.record(h, -5);
    m.closePeriod(1000);
    m.closePeriod(2000);
    const series = Object.fromEntries(m.seriesOf(h));
    expect([...series['AgeOfOldestMessage.p50']]).toEqual([0, 0]);
    expect(m.totals(h).p99).toBe(0);
  });
});
