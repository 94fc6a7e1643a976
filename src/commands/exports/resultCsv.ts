import type { ResultDocument } from '../../sim/result.ts';

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The run's metrics for a spreadsheet: one row per period, one column per node metric series (`Fn
 * Invocations`, `Fn Duration.p99`, ...) in the result document's order, with the period's start in seconds.
 * Values are the result document's own, so a counter's column sums to its total Sum there.
 */
export function resultCsv(result: ResultDocument): string {
  const columns: { name: string; values: readonly number[] }[] = [];
  for (const [node, r] of Object.entries(result.nodes))
    for (const [series, values] of Object.entries(r.series)) columns.push({ name: `${node} ${series}`, values });
  const periods = columns.reduce((n, c) => Math.max(n, c.values.length), 0);
  const lines = [['periodStartSeconds', ...columns.map((c) => c.name)].map(field).join(',')];
  for (let i = 0; i < periods; i++) {
    const row = [String(i * result.periodSeconds)];
    for (const c of columns) row.push(i < c.values.length && Number.isFinite(c.values[i]) ? String(c.values[i]) : '');
    lines.push(row.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
