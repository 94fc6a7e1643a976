import { LogHistogram } from './logHistogram.ts';
import { grownTo } from './slotPool.ts';

/**
 * CloudWatch-style metrics aggregated as they happen.
 *  - counter: a Sum per period (Invocations, Throttles, Cost in USD).
 *  - level: a quantity that holds between changes (ConcurrentExecutions, queue depth): time-weighted
 *    Average, Maximum and Minimum per period.
 *  - distribution: one sample per event (Duration, Latency): SampleCount, Sum, Average, Minimum, Maximum
 *    and p50/p90/p99 from a mergeable log-linear histogram (within 0.4% of the exact quantile; logHistogram.ts).
 * Series hold one value a period; the period is chosen from the run length so that memory stays bounded
 * however long the simulated time (see choosePeriodSeconds).
 */
export type MetricKind = 'counter' | 'level' | 'distribution';

export interface MetricDef {
  node: string;
  name: string;
  kind: MetricKind;
  unit: string;
}

/** Statistics and series columns per kind, in output order. The first column is the metric's plain name. */
export const SERIES_STATS: Record<MetricKind, readonly string[]> = {
  counter: ['Sum'],
  level: ['Average', 'Maximum', 'Minimum'],
  distribution: ['Average', 'SampleCount', 'p50', 'p90', 'p99', 'Maximum', 'Minimum'],
};

/** CloudWatch's standard periods; the smallest that keeps a run within MAX_PERIODS is used. */
const CLOUDWATCH_PERIODS = [1, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400];
export const MAX_PERIODS = 3600;

export function choosePeriodSeconds(durationSeconds: number): number {
  for (const p of CLOUDWATCH_PERIODS) if (durationSeconds / p <= MAX_PERIODS) return p;
  return CLOUDWATCH_PERIODS[CLOUDWATCH_PERIODS.length - 1];
}

/** p50, p90 and p99, in the order of the series columns. */
const PERCENTILES = [0.5, 0.9, 0.99] as const;

export type Totals = Record<string, number>;

export class Metrics {
  readonly defs: MetricDef[] = [];
  readonly periodMs: number;
  readonly maxPeriods: number;
  /** Periods whose values are final. */
  periods = 0;

  // Current-period accumulators, indexed by metric handle.
  private cur = new Float64Array(16);
  private curMax = new Float64Array(16);
  private curMin = new Float64Array(16);
  private levelValue = new Float64Array(16);
  private levelSince = new Float64Array(16);
  private periodStart = 0;
  private histograms: (LogHistogram | null)[] = [];
  private readonly quantiles = new Float64Array(3);

  // Whole-run accumulators.
  private totSum: number[] = [];
  private totCount: number[] = [];
  private totMax: number[] = [];
  private totMin: number[] = [];
  private totHistogram: (LogHistogram | null)[] = [];

  /** series[handle][statIndex] is a Float64Array of maxPeriods values. */
  private series: Float64Array[][] = [];

  constructor(periodSeconds: number, durationSeconds: number) {
    this.periodMs = periodSeconds * 1000;
    this.maxPeriods = Math.max(1, Math.ceil(durationSeconds / periodSeconds));
  }

  private define(node: string, name: string, kind: MetricKind, unit: string): number {
    const h = this.defs.length;
    this.defs.push({ node, name, kind, unit });
    if (h >= this.cur.length) this.growAccumulators();
    this.curMax[h] = -Infinity;
    this.curMin[h] = Infinity;
    this.histograms.push(kind === 'distribution' ? new LogHistogram() : null);
    this.totHistogram.push(kind === 'distribution' ? new LogHistogram() : null);
    this.totSum.push(0);
    this.totCount.push(0);
    this.totMax.push(kind === 'level' ? 0 : -Infinity);
    this.totMin.push(kind === 'level' ? 0 : Infinity);
    if (kind === 'level') {
      this.curMax[h] = 0;
      this.curMin[h] = 0;
    }
    this.series.push(SERIES_STATS[kind].map(() => new Float64Array(this.maxPeriods)));
    return h;
  }

  counter(node: string, name: string, unit = 'Count'): number {
    return this.define(node, name, 'counter', unit);
  }
  level(node: string, name: string, unit = 'Count'): number {
    return this.define(node, name, 'level', unit);
  }
  distribution(node: string, name: string, unit = 'Milliseconds'): number {
    return this.define(node, name, 'distribution', unit);
  }

  add(h: number, v: number): void {
    this.cur[h] += v;
  }

  /** Sets a level's value from time `now` (ms) on. */
  setLevel(h: number, value: number, now: number): void {
    const old = this.levelValue[h];
    if (value === old) return;
    this.cur[h] += old * (now - this.levelSince[h]);
    this.levelValue[h] = value;
    this.levelSince[h] = now;
    if (value > this.curMax[h]) this.curMax[h] = value;
    if (value < this.curMin[h]) this.curMin[h] = value;
  }

  levelOf(h: number): number {
    return this.levelValue[h];
  }

  /** Records one sample; the period's count, Minimum and Maximum are the histogram's own. */
  record(h: number, v: number): void {
    this.cur[h] += v;
    (this.histograms[h] as LogHistogram).record(v > 0 ? v : 0);
  }

  /** Closes the current period at time `end` (ms). Called by the engine on period boundaries. */
  closePeriod(end: number): void {
    const p = this.periods;
    if (p >= this.maxPeriods) return;
    const span = end - this.periodStart;
    for (let h = 0; h < this.defs.length; h++) {
      const col = this.series[h];
      const kind = this.defs[h].kind;
      if (kind === 'counter') {
        col[0][p] = this.cur[h];
        this.totSum[h] += this.cur[h];
      } else if (kind === 'level') {
        const area = this.cur[h] + this.levelValue[h] * (end - this.levelSince[h]);
        col[0][p] = span > 0 ? area / span : this.levelValue[h];
        col[1][p] = this.curMax[h];
        col[2][p] = this.curMin[h];
        this.totSum[h] += area;
        this.totMax[h] = Math.max(this.totMax[h], this.curMax[h]);
        this.totMin[h] = p === 0 ? this.curMin[h] : Math.min(this.totMin[h], this.curMin[h]);
        this.levelSince[h] = end;
        this.curMax[h] = this.levelValue[h];
        this.curMin[h] = this.levelValue[h];
      } else {
        const histogram = this.histograms[h] as LogHistogram;
        const n = histogram.count;
        const q = this.quantiles;
        histogram.valuesAtQuantiles(PERCENTILES, q);
        col[0][p] = n > 0 ? this.cur[h] / n : 0;
        col[1][p] = n;
        col[2][p] = q[0];
        col[3][p] = q[1];
        col[4][p] = q[2];
        col[5][p] = n > 0 ? histogram.max : 0;
        col[6][p] = n > 0 ? histogram.min : 0;
        if (n > 0) {
          this.totSum[h] += this.cur[h];
          this.totCount[h] += n;
          if (histogram.max > this.totMax[h]) this.totMax[h] = histogram.max;
          if (histogram.min < this.totMin[h]) this.totMin[h] = histogram.min;
          (this.totHistogram[h] as LogHistogram).merge(histogram);
          histogram.reset();
        }
      }
      this.cur[h] = 0;
    }
    this.periodStart = end;
    this.periods = p + 1;
  }

  /** Whole-run statistics of metric h over the closed periods. */
  totals(h: number): Totals {
    const kind = this.defs[h].kind;
    if (kind === 'counter') return { Sum: round(this.totSum[h]) };
    const elapsed = this.periods * this.periodMs;
    if (kind === 'level') {
      return {
        Average: round(elapsed > 0 ? this.totSum[h] / elapsed : 0),
        Maximum: round(this.totMax[h]),
        Minimum: round(this.totMin[h]),
      };
    }
    const n = this.totCount[h];
    if (n === 0) return { SampleCount: 0 };
    const histogram = this.totHistogram[h] as LogHistogram;
    const q = this.quantiles;
    histogram.valuesAtQuantiles(PERCENTILES, q);
    return {
      SampleCount: n,
      Sum: round(this.totSum[h]),
      Average: round(this.totSum[h] / n),
      Minimum: round(this.totMin[h]),
      Maximum: round(this.totMax[h]),
      p50: round(q[0]),
      p90: round(q[1]),
      p99: round(q[2]),
    };
  }

  /** The series columns of metric h, as (column name, values of the closed periods). */
  seriesOf(h: number, from = 0, to = this.periods): [string, Float64Array][] {
    const def = this.defs[h];
    return SERIES_STATS[def.kind].map((stat, i) => [
      i === 0 ? def.name : `${def.name}.${stat}`,
      this.series[h][i].subarray(from, to),
    ]);
  }

  /** Sum of a counter over the closed periods plus the open one. */
  runningSum(h: number): number {
    return this.totSum[h] + this.cur[h];
  }

  private growAccumulators(): void {
    const n = this.cur.length * 2;
    this.cur = grownTo(this.cur, n);
    this.curMax = grownTo(this.curMax, n);
    this.curMin = grownTo(this.curMin, n);
    this.levelValue = grownTo(this.levelValue, n);
    this.levelSince = grownTo(this.levelSince, n);
  }
}

/** Rounds to 6 significant decimals so results are stable and readable. */
export function round(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.round(v * 1e6) / 1e6;
}
