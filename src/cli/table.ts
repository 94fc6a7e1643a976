import type { MetricInfo } from '../sim/core/serviceKind.ts';
import type { ResultDocument } from '../sim/result.ts';

/** Lays out rows as aligned columns: text left, numbers right, two spaces between columns. */
export function grid(rows: readonly (readonly string[])[], rightAligned: readonly boolean[], indent = ''): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    (indent + row.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ')).trimEnd(),
  );
}

/** 1,234,567 / 91.2 / 0.0123: thousands separators and as many decimals as the size of the number needs. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const digits = abs === 0 || Number.isInteger(v) || abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  const text = v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return text === '0' && v !== 0 ? v.toPrecision(2) : text;
}

export function formatUSD(v: number): string {
  if (v === 0) return '$0';
  if (Math.abs(v) >= 100) return `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `$${v.toLocaleString('en-US', { minimumFractionDigits: 4, maximumFractionDigits: 6 })}`;
}

const UNIT_SHORT: Record<string, string> = {
  Milliseconds: 'ms',
  Seconds: 's',
  Count: '',
  None: '',
  Percent: '%',
  Bytes: 'B',
  Kilobytes: 'KB',
  'Count/Second': '/s',
  USD: 'USD',
};

/** What the summary needs to know of a node kind: its metrics' units, and the headline figures always shown. */
export interface KindInfo {
  metrics: readonly MetricInfo[];
  figures: readonly string[];
}

/** True when a metric's totals say nothing happened (no sum, no samples, a level that stayed at 0). */
function isZero(t: Record<string, number>): boolean {
  if ('SampleCount' in t) return t.SampleCount === 0;
  if ('Maximum' in t) return t.Maximum === 0 && t.Minimum === 0;
  return (t.Sum ?? 0) === 0;
}

const HEADER = ['Metric', 'Sum', 'Average', 'p50', 'p99', 'Maximum', 'Unit'];
const RIGHT = [false, true, true, true, true, true, false];

/**
 * The runner's summary: per node its CloudWatch-style totals in one aligned grid (a counter's Sum; a level's
 * time-weighted Average and Maximum; a distribution's Average, p50, p99, Maximum), then the cost, warnings
 * and a stopped-early note. Metrics that stayed at 0 are counted, not listed, unless they are headline figures.
 */
export function summaryText(result: ResultDocument, kindOf: (type: string) => KindInfo | undefined): string {
  const rate = result.wallSeconds > 0 ? ` (${formatNumber(Math.round(result.events / result.wallSeconds))} events/s)` : '';
  const lines = [
    `${result.scenario}: ${formatNumber(result.simulatedSeconds)} s simulated, seed ${result.seed}, ` +
      `${formatNumber(result.events)} events in ${result.wallSeconds.toFixed(2)} s${rate}; period ${result.periodSeconds} s` +
      (result.trafficScale !== undefined ? `; traffic ${formatNumber(result.trafficScale)}x` : ''),
    `A counter's Average and Maximum are per period (${result.periodSeconds} s); a level's Average is time-weighted.`,
  ];
  // One grid for all nodes so the columns line up down the whole report; node names are section rows.
  const rows: string[][] = [];
  const sections = new Map<number, string>();
  for (const [id, node] of Object.entries(result.nodes)) {
    sections.set(rows.length, `${id}  ${node.type}`);
    rows.push(HEADER);
    const kind = kindOf(node.type);
    const info = new Map((kind?.metrics ?? []).map((m) => [m.name, m]));
    const headline = new Set(kind?.figures ?? []);
    let hidden = 0;
    for (const [name, totals] of Object.entries(node.totals)) {
      const unit = info.get(name)?.unit ?? '';
      // The kind's headline figures and Cost always show; other metrics only when something happened.
      if (name !== 'Cost' && !headline.has(name) && isZero(totals)) {
        hidden++;
        continue;
      }
      if (name === 'Cost') {
        rows.push([name, formatUSD(totals.Sum ?? 0), '', '', '', '', 'USD']);
        continue;
      }
      const f = (stat: string) => (totals[stat] === undefined ? '' : formatNumber(totals[stat]));
      const shortUnit = UNIT_SHORT[unit] ?? unit;
      if ('Sum' in totals && !('SampleCount' in totals)) {
        // A counter's Average and Maximum are per period, as CloudWatch graphs them: the peak second shows a
        // limit being hit (e.g. consumed WCU per second against provisioned WCU) that the run's Sum hides.
        const series = node.series[name] ?? [];
        const perPeriod = series.length > 0 && (totals.Sum ?? 0) !== 0;
        rows.push([
          name,
          f('Sum'),
          perPeriod ? formatNumber((totals.Sum ?? 0) / series.length) : '',
          '',
          '',
          perPeriod ? formatNumber(Math.max(...series)) : '',
          shortUnit,
        ]);
      }
      else if ('SampleCount' in totals) {
        rows.push(
          totals.SampleCount === 0
            ? [name, '', 'no samples', '', '', '', shortUnit]
            : [`${name} (${formatNumber(totals.SampleCount)} samples)`, '', f('Average'), f('p50'), f('p99'), f('Maximum'), shortUnit],
        );
      } else rows.push([name, '', f('Average'), '', '', f('Maximum'), shortUnit]);
    }
    if (hidden > 0) rows.push([`(${hidden} more metric${hidden === 1 ? ' was' : 's were'} 0 throughout)`]);
  }
  grid(rows, RIGHT, '  ').forEach((line, i) => {
    const section = sections.get(i);
    if (section !== undefined) lines.push('', section);
    lines.push(line);
  });
  lines.push('', `Total cost: ${formatUSD(result.cost.totalUSD)}`);
  const costly = Object.entries(result.cost.nodes).filter(([, usd]) => usd > 0);
  if (costly.length > 1) lines.push(...costly.map(([id, usd]) => `  ${id}: ${formatUSD(usd)}`));
  if (result.warnings.length) lines.push('', 'Warnings:', ...result.warnings.map((w) => `  ${w}`));
  if (result.stopped) lines.push('', `Stopped early: ${result.stopped}`);
  return lines.join('\n');
}
