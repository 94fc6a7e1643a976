import type { LiveData } from '../../live/liveData.ts';
import type { ChartSpec } from './chartLayout.ts';

/**
 * Builds a chart's uPlot data from the live store without allocating per redraw: single-column series
 * are views of the live columns; summed or scaled series and the limit line reuse their own buffers.
 */
export class SeriesData {
  private buffers: Float64Array[] = [];

  constructor(private readonly spec: ChartSpec) {}

  /** [x, ...series, limit?]; `hasLimit` tells whether the last array is the limit line. */
  build(live: LiveData): { data: Float64Array[]; hasLimit: boolean; max: number } {
    const n = live.periods;
    const capacity = live.index?.maxPeriods ?? 0;
    const data: Float64Array[] = [live.x];
    let max = 0;
    this.spec.series.forEach((s, i) => {
      let values: Float64Array;
      if (s.sources.length === 1 && s.scale === undefined) {
        values = live.column(s.sources[0].node, s.sources[0].column) ?? this.buffer(i, capacity).subarray(0, n).fill(0);
      } else {
        values = this.buffer(i, capacity).subarray(0, n).fill(0);
        for (const src of s.sources) {
          const col = live.column(src.node, src.column);
          if (col) for (let p = 0; p < n; p++) values[p] += col[p];
        }
        if (s.scale !== undefined) for (let p = 0; p < n; p++) values[p] *= s.scale;
      }
      for (let p = 0; p < n; p++) if (values[p] > max) max = values[p];
      data.push(values);
    });
    const limit = this.limitValue(live);
    if (limit !== undefined) data.push(this.buffer(this.spec.series.length, capacity).subarray(0, n).fill(limit));
    return { data, hasLimit: limit !== undefined, max };
  }

  limitValue(live: LiveData): number | undefined {
    const l = this.spec.limit;
    if (!l) return undefined;
    const v = live.limits[l.node]?.[l.metric];
    if (v === undefined) return undefined;
    return l.perPeriod ? v * (live.index?.periodSeconds ?? 1) : v;
  }

  private buffer(i: number, capacity: number): Float64Array {
    if (!this.buffers[i] || this.buffers[i].length < capacity) this.buffers[i] = new Float64Array(capacity);
    return this.buffers[i];
  }
}
