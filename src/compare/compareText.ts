import type { CompareRow, CompareUnit } from './compareResults.ts';

/** A figure of the table: `412.3 ms`, `11,896`, `$0.5400`; an em dash when the design has none. */
export function figureText(value: number | null, unit: CompareUnit): string {
  if (value === null) return '—';
  if (unit === 'USD') return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2 })}`;
  if (unit === 'ms') return `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 })} ms`;
  return Math.round(value).toLocaleString('en-US');
}

/** B against A: `−86.1%`, `+4%`, `0%`; `new` when A was 0 and B is not; an em dash when one side is missing. */
export function changeText(row: CompareRow): string {
  if (row.changePercent === null) return row.a === 0 && row.b !== null && row.b > 0 ? 'new' : '—';
  const p = row.changePercent;
  if (p === 0) return '0%';
  const digits = Math.abs(p) < 10 ? 1 : 0;
  return `${p > 0 ? '+' : '−'}${Math.abs(p).toFixed(digits)}%`;
}
