import type { MetricKind } from '../../sim/core/metrics.ts';
import type { MetricIndex, NodeInfo } from '../../worker/protocol.ts';

/**
 * Which charts to draw, as data: the charts read the live store through these specs, so a new service
 * needs no chart code. A node's charts come from its ServiceKind's `metrics` and `charts` (sent in the metric
 * index); metrics its chart groups do not mention get a chart each.
 */
export interface SeriesSpec {
  label: string;
  /** Columns summed to make the series (one for a node's own metric; several for system totals). */
  sources: { node: string; column: string }[];
  /** Multiplies the summed value (e.g. a cost per period into USD per hour). */
  scale?: number;
  dash?: boolean;
  /** Its colour, an index into the chart palette (PALETTE), where its meaning calls for one; else by position. */
  colour?: number;
  /** Its legend entry shows only once the series has been above 0 (a node that has throttled): a legend of the
   * nodes that did, not of every node that could. */
  quiet?: boolean;
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  series: SeriesSpec[];
  /** A limit line: this node's metric's limit from live.limits (a counter's per-second limit is scaled to the period). */
  limit?: { node: string; metric: string; label: string; perPeriod: boolean };
  /** The node and metrics whose theory lines (ServiceKind.theory) this chart may draw. */
  theory?: { node: string; metrics: readonly string[] };
}

const COST = 'Cost';

function seriesOf(node: string, name: string, kind: MetricKind, alone: boolean): SeriesSpec[] {
  const one = (column: string, label: string, dash = false): SeriesSpec => ({ label, sources: [{ node, column }], ...(dash ? { dash } : {}) });
  if (kind === 'counter') return [one(name, name.includes(':') ? name.slice(name.indexOf(':') + 1) : name)];
  if (kind === 'level') return alone ? [one(name, `${name} avg`), one(`${name}.Maximum`, `${name} max`, true)] : [one(name, name)];
  return alone
    ? [one(`${name}.p50`, 'p50'), one(`${name}.p90`, 'p90'), one(`${name}.p99`, 'p99')]
    : [one(`${name}.p99`, `${name} p99`)];
}

/** The charts of one node, from its kind's metrics and the layout table. */
export function nodeCharts(node: NodeInfo, index: MetricIndex): ChartSpec[] {
  const published = new Set(index.metrics.filter((m) => m.node === node.id).map((m) => m.name));
  const info = new Map(node.metrics.filter((m) => published.has(m.name)).map((m) => [m.name, m]));
  for (const m of index.metrics) if (m.node === node.id && !info.has(m.name)) info.set(m.name, { ...m, help: '' });
  const groups: string[][] = [];
  const placed = new Set<string>();
  const names = [...info.keys()];
  // The kind's chart groups (ServiceKind.charts); `Prefix*` matches every metric starting with Prefix.
  for (const group of node.charts) {
    const present = group.flatMap((name) =>
      name.endsWith('*') ? names.filter((n) => n.startsWith(name.slice(0, -1)) && !placed.has(n)) : info.has(name) && !placed.has(name) ? [name] : [],
    );
    if (present.length === 0) continue;
    groups.push(present);
    present.forEach((n) => placed.add(n));
  }
  for (const name of info.keys()) if (!placed.has(name) && name !== COST) groups.push([name]);
  if (info.has(COST)) groups.push([COST]);
  const period = index.periodSeconds;
  return groups.map((group) => {
    const first = info.get(group[0])!;
    const alone = group.length === 1;
    const perPeriod = first.kind === 'counter';
    const reasons = alone ? null : reasonsOf(group);
    const series = group.flatMap((name) => seriesOf(node.id, name, info.get(name)!.kind, alone));
    return {
      id: `${node.id}:${group.join('+')}`,
      title: alone ? group[0] : reasons !== null ? `${reasons} by reason` : group.join(', '),
      unit: perPeriod ? `${first.unit} per ${period} s` : first.unit,
      // By reason: a reason enters the legend once it has happened, not all five of Lambda's from the start.
      series: reasons !== null ? series.map((s) => ({ ...s, quiet: true })) : series,
      limit: { node: node.id, metric: group[0], label: 'limit', perPeriod },
      theory: { node: node.id, metrics: group },
    };
  });
}

/** Throttles:A, Throttles:B...: one metric split by reason (the prefix), or null. */
function reasonsOf(group: string[]): string | null {
  const prefix = group[0].split(':')[0];
  return group.every((n) => n.startsWith(`${prefix}:`)) ? prefix : null;
}

/**
 * The headline charts of the whole system: what the clients see, throttles, errors and cost rate. Throttles and
 * errors have a series per node that counts them (NodeInfo.throttles / errors), named after the node, so the
 * legend says where requests are refused, the clients included (what the users saw).
 */
export function headlineCharts(index: MetricIndex): ChartSpec[] {
  const clients = index.nodes.filter((n) => n.type === 'Client').map((n) => n.id);
  const has = (node: string, name: string) => index.metrics.some((m) => m.node === node && m.name === name);
  const sum = (nodes: string[], name: string) => nodes.filter((n) => has(n, name)).map((node) => ({ node, column: name }));
  const allNodes = index.nodes.map((n) => n.id);
  const period = index.periodSeconds;
  const charts: ChartSpec[] = [];
  // Green for what succeeded, vermilion for what failed, orange for what was throttled (Okabe-Ito's colours).
  const requests = (
    [
      ['Succeeded', 2],
      ['Failed', 5],
      ['Throttled', 1],
    ] as const
  )
    .map(([name, colour]) => ({ label: name, colour, sources: sum(clients, name) }))
    .filter((s) => s.sources.length > 0);
  if (requests.length) charts.push({ id: 'h:requests', title: 'Client requests', unit: `per ${period} s`, series: requests });
  const latencyClients = clients.filter((c) => has(c, 'Latency'));
  if (latencyClients.length === 1) {
    const c = latencyClients[0];
    charts.push({ id: 'h:latency', title: 'Client latency', unit: 'ms', series: ['p50', 'p90', 'p99'].map((s) => ({ label: s, sources: [{ node: c, column: `Latency.${s}` }] })) });
  } else if (latencyClients.length > 1) {
    charts.push({ id: 'h:latency', title: 'Client latency p99', unit: 'ms', series: latencyClients.map((c) => ({ label: c, sources: [{ node: c, column: 'Latency.p99' }] })) });
  }
  const byNode = (counted: (n: NodeInfo) => readonly string[] | undefined) =>
    index.nodes.flatMap((n) => {
      const sources = (counted(n) ?? []).filter((name) => has(n.id, name)).map((column) => ({ node: n.id, column }));
      return sources.length > 0 ? [{ label: n.id, sources, quiet: true }] : [];
    });
  const throttles = byNode((n) => n.throttles);
  if (throttles.length) charts.push({ id: 'h:throttles', title: 'Throttles', unit: `per ${period} s`, series: throttles });
  const errors = byNode((n) => n.errors);
  if (errors.length) charts.push({ id: 'h:errors', title: 'Errors', unit: `per ${period} s`, series: errors });
  const cost = sum(allNodes, COST);
  if (cost.length) charts.push({ id: 'h:cost', title: 'Cost rate', unit: 'USD per hour', series: [{ label: 'USD/h', sources: cost, scale: 3600 / period }] });
  return charts;
}
