import type { ResultDocument } from '../sim/result.ts';

/** A node's series column (`Latency.p99`, `Throttles`) that both results hold. */
export interface SeriesChoice {
  node: string;
  column: string;
}

/** Every series both results hold, in A's order: the charts' choices. */
export function commonSeries(a: ResultDocument, b: ResultDocument): SeriesChoice[] {
  const out: SeriesChoice[] = [];
  for (const [node, result] of Object.entries(a.nodes)) {
    const other = b.nodes[node];
    if (!other || other.type !== result.type) continue;
    for (const column of Object.keys(result.series)) if (Object.hasOwn(other.series, column)) out.push({ node, column });
  }
  return out;
}

/**
 * uPlot's columns for one series of both results: simulated seconds at each period's end, A's values, B's values
 * (null past the shorter run's end).
 */
export function overlayColumns(a: ResultDocument, b: ResultDocument, choice: SeriesChoice): [number[], (number | null)[], (number | null)[]] {
  const va = a.nodes[choice.node]?.series[choice.column] ?? [];
  const vb = b.nodes[choice.node]?.series[choice.column] ?? [];
  const length = Math.max(va.length, vb.length);
  const x = Array.from({ length }, (_, i) => (i + 1) * a.periodSeconds);
  const pad = (v: number[]) => Array.from({ length }, (_, i) => (i < v.length ? v[i] : null));
  return [x, pad(va), pad(vb)];
}
