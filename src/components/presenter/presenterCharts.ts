import type { MetricIndex } from '../../worker/protocol.ts';
import { headlineCharts, nodeCharts, type ChartSpec } from '../charts/chartLayout.ts';

/** At most this many charts share the screen with the canvas in presenter mode. */
export const PRESENTER_MAX_CHARTS = 3;
/** Without a lesson: what the clients see, how fast, and what was refused. */
const DEFAULT_CHARTS = ['requests', 'latency', 'throttles', 'errors', 'cost'];

/**
 * A node's chart as presenter mode shows it beside others: the node's name in the title (two functions'
 * ConcurrentExecutions side by side), series labels without the repeated metric name, so the legend fits one line.
 */
function forTheRoom(nodeId: string, chart: ChartSpec): ChartSpec {
  const prefix = `${chart.title} `;
  return {
    ...chart,
    title: `${nodeId} ${chart.title}`,
    series: chart.series.map((s) => (s.label.startsWith(prefix) ? { ...s, label: s.label.slice(prefix.length) } : s)),
  };
}

/**
 * The big charts of presenter mode from a script's chart references (PresenterScript.charts): a headline
 * chart by name (`requests`, `latency`, `throttles`, `errors`, `cost`) or a node's chart of one metric
 * (`Fn.ConcurrentExecutions`). Without references, the first of the default headline charts the scenario has.
 * References that name nothing in the running scenario are listed in `problems`, each naming what is missing.
 */
export function presenterCharts(index: MetricIndex, refs: readonly string[] | null): { charts: ChartSpec[]; problems: string[] } {
  const headline = new Map(headlineCharts(index).map((c) => [c.id.replace(/^h:/, ''), c]));
  if (!refs || refs.length === 0) {
    const charts = DEFAULT_CHARTS.flatMap((name) => headline.get(name) ?? []).slice(0, PRESENTER_MAX_CHARTS);
    return { charts, problems: [] };
  }
  const charts: ChartSpec[] = [];
  const problems: string[] = [];
  refs.forEach((ref, i) => {
    const where = `presenter chart ${i + 1} "${ref}"`;
    const dot = ref.lastIndexOf('.');
    if (dot < 0) {
      const chart = headline.get(ref.replace(/^h:/, ''));
      if (chart) charts.push(chart);
      else problems.push(`${where}: no such whole-system chart here; use one of ${[...headline.keys()].join(', ')}, or Node.Metric`);
      return;
    }
    const nodeId = ref.slice(0, dot);
    const metric = ref.slice(dot + 1);
    const node = index.nodes.find((n) => n.id === nodeId);
    if (!node) {
      problems.push(`${where}: no node "${nodeId}" in the running scenario`);
      return;
    }
    const chart = nodeCharts(node, index).find((c) => c.id.slice(nodeId.length + 1).split('+').includes(metric));
    if (chart) charts.push(forTheRoom(nodeId, chart));
    else problems.push(`${where}: ${nodeId} has no metric "${metric}" (it has ${node.metrics.map((m) => m.name).join(', ')})`);
  });
  const unique = charts.filter((c, i) => charts.findIndex((d) => d.id === c.id) === i);
  if (unique.length > PRESENTER_MAX_CHARTS) problems.push(`only the first ${PRESENTER_MAX_CHARTS} presenter charts are shown`);
  return { charts: unique.slice(0, PRESENTER_MAX_CHARTS), problems };
}
