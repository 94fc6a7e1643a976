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

/**
 * How far Run both got, for its status line: "Running design A (1 of 2) · 42%", with "· about 2 min left" once
 * the pace is known (5% done and 2 s gone), taken from the pace so far. `done` is the fraction of both runs done.
 */
export function runningText(design: 'A' | 'B', done: number, elapsedMs: number): string {
  const head = `Running design ${design} (${design === 'A' ? 1 : 2} of 2) · ${Math.floor(done * 100)}%`;
  if (!(done >= 0.05 && done < 1 && elapsedMs >= 2000)) return head;
  const left = (elapsedMs * (1 - done)) / done / 1000;
  const text = left < 55 ? `${Math.max(5, Math.round(left / 5) * 5)} s` : left < 3570 ? `${Math.round(left / 60)} min` : `${Math.round(left / 3600)} h`;
  return `${head} · about ${text} left`;
}
