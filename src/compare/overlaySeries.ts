import type { ResultDocument } from '../sim/result.ts';
import type { CompareRow } from './compareResults.ts';

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

/** The chart to open on: the series behind the first row of the table where A and B differ, else the first series. */
export function firstChoice(choices: readonly SeriesChoice[], rows: readonly CompareRow[]): SeriesChoice | undefined {
  for (const r of rows) {
    if (r.better !== 'A' && r.better !== 'B') continue;
    const found = choices.find((c) => c.node === r.node && r.series.includes(c.column));
    if (found) return found;
  }
  return choices[0];
}
