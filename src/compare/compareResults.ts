import type { ScenarioDoc } from '../scenario/index.ts';
import { monthlyCostUSD, type ResultDocument } from '../sim/result.ts';
import { findServiceKind } from '../sim/services/registry.ts';
import { deadLetterArrivals, deadLetterTargets } from './deadLetterTargets.ts';

export type CompareUnit = 'ms' | 'count' | 'USD';

/** One line of the table of differences; lower is better for every figure in it. */
export interface CompareRow {
  /** The node the figure belongs to; null for the whole design (cost). */
  node: string | null;
  /** What the figure is: "Latency p99", "Throttles", "Errors", "DLQ arrivals", "Cost (run)", "Cost (monthly)". */
  figure: string;
  unit: CompareUnit;
  /** Null when the design has no such figure (the node is missing, or no request was answered). */
  a: number | null;
  b: number | null;
  /** The lower value's design; 'same' when equal; null when one side has no figure. */
  better: 'A' | 'B' | 'same' | null;
  /** (B - A) / A in percent; null when either side is missing, or A is 0 and B is not. */
  changePercent: number | null;
  /** The node's series columns behind the figure, for the chart (`Latency.p99`, `Throttles`). */
  series: string[];
  /**
   * Why the lower figure is not simply better: a latency or a cost that is lower because that design answered
   * fewer requests (a throttled request is answered in no time and costs nothing). Null otherwise.
   */
  caveat: string | null;
}

function row(node: string | null, figure: string, unit: CompareUnit, a: number | null, b: number | null, series: readonly string[] = []): CompareRow {
  const both = a !== null && b !== null;
  const better = !both ? null : a === b ? 'same' : a < b ? 'A' : 'B';
  const changePercent = !both ? null : a === 0 ? (b === 0 ? 0 : null) : ((b - a) / Math.abs(a)) * 100;
  return { node, figure, unit, a, b, better, changePercent, series: [...series], caveat: null };
}

/** Node ids of both designs: A's in its order, then those only B has. */
function unionIds(docA: ScenarioDoc, docB: ScenarioDoc, pick: (doc: ScenarioDoc) => string[]): string[] {
  return [...new Set([...pick(docA), ...pick(docB)])];
}

function typeIn(docA: ScenarioDoc, docB: ScenarioDoc, id: string): string {
  return (docA.nodes.find((n) => n.id === id) ?? docB.nodes.find((n) => n.id === id))?.type ?? '';
}

function counters(result: ResultDocument, node: string, metrics: readonly string[]): number | null {
  const totals = result.nodes[node]?.totals;
  if (!totals) return null;
  return metrics.reduce((sum, m) => sum + (totals[m]?.Sum ?? 0), 0);
}

function percentile(result: ResultDocument, node: string, metric: string, stat: 'p50' | 'p99'): number | null {
  const t = result.nodes[node]?.totals[metric];
  return t && (t.SampleCount ?? 0) > 0 ? (t[stat] ?? null) : null;
}


/**
 * The table of differences between two designs' results: per node whose kind declares compare metrics (a
 * Client, an API) its latency p50/p99, throttles and errors; per dead-letter target its arrivals; then cost.
 */
export function compareResults(a: ResultDocument, b: ResultDocument, docA: ScenarioDoc, docB: ScenarioDoc): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const id of unionIds(docA, docB, (d) => d.nodes.map((n) => n.id))) {
    const wanted = findServiceKind(typeIn(docA, docB, id))?.compare;
    if (!wanted) continue;
    if (wanted.latency) {
      const latency = wanted.latency;
      rows.push(row(id, 'Latency p50', 'ms', percentile(a, id, latency, 'p50'), percentile(b, id, latency, 'p50'), [`${latency}.p50`]));
      rows.push(row(id, 'Latency p99', 'ms', percentile(a, id, latency, 'p99'), percentile(b, id, latency, 'p99'), [`${latency}.p99`]));
    }
    if (wanted.throttles) rows.push(row(id, 'Throttles', 'count', counters(a, id, wanted.throttles), counters(b, id, wanted.throttles), wanted.throttles));
    if (wanted.errors) rows.push(row(id, 'Errors', 'count', counters(a, id, wanted.errors), counters(b, id, wanted.errors), wanted.errors));
  }
  const inA = new Set(deadLetterTargets(docA));
  const inB = new Set(deadLetterTargets(docB));
  for (const id of unionIds(docA, docB, deadLetterTargets)) {
    const arrivalsA = inA.has(id) && a.nodes[id] ? deadLetterArrivals(docA, a, id) : null;
    const arrivalsB = inB.has(id) && b.nodes[id] ? deadLetterArrivals(docB, b, id) : null;
    const kind = findServiceKind(typeIn(docA, docB, id));
    rows.push(row(id, 'DLQ arrivals', 'count', arrivalsA, arrivalsB, kind?.compare?.arrivals ?? []));
  }
  rows.push(row(null, 'Cost (run)', 'USD', a.cost.totalUSD, b.cost.totalUSD));
  rows.push(row(null, 'Cost (monthly)', 'USD', monthlyCostUSD(a), monthlyCostUSD(b)));
  markFewerAnswered(rows, { A: answered(a, docA), B: answered(b, docB) });
  return rows;
}

/** Requests the design's traffic sources saw succeed. */
function answered(result: ResultDocument, doc: ScenarioDoc): number {
  let n = 0;
  for (const node of doc.nodes) if (findServiceKind(node.type)?.category === 'Traffic') n += result.nodes[node.id]?.totals.Succeeded?.Sum ?? 0;
  return n;
}

/** A lower latency or cost from a design that answered at least 1% fewer requests gets a caveat saying so. */
function markFewerAnswered(rows: CompareRow[], served: { A: number; B: number }): void {
  for (const r of rows) {
    if (r.unit === 'count' || (r.better !== 'A' && r.better !== 'B')) continue;
    const other = r.better === 'A' ? 'B' : 'A';
    const fewer = served[other] - served[r.better];
    if (fewer > 0.01 * served[other]) {
      r.caveat = `${r.better} answered ${Math.round(fewer).toLocaleString('en-US')} fewer requests than ${other}: a refused request is answered at once and costs nothing, so this lower figure counts less work`;
    }
  }
}
