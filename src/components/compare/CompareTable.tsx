import type { CompareRow } from '../../compare/compareResults.ts';
import { changeText, figureText } from '../../compare/compareText.ts';

function Cell({ row, design }: { row: CompareRow; design: 'A' | 'B' }) {
  const value = design === 'A' ? row.a : row.b;
  const lower = row.better === design;
  const caveat = lower ? row.caveat : null;
  const better = lower && caveat === null;
  return (
    <td
      data-better={better || undefined}
      data-caveat={caveat !== null || undefined}
      title={caveat ?? undefined}
      className={`px-3 py-1.5 text-right tabular-nums ${better ? 'bg-emerald-50 font-semibold text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300' : caveat !== null ? 'bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200' : 'text-slate-700 dark:text-slate-200'}`}
    >
      {figureText(value, row.unit)}
      {better && <span className="ml-1.5" aria-label="better" title="better (lower)">✓</span>}
      {caveat !== null && <span className="ml-1.5" aria-label={`lower, but ${caveat}`}>⚠</span>}
    </td>
  );
}

/** The table of differences: each figure of A and B, the lower one marked, and B's change against A. */
export function CompareTable({ rows }: { rows: CompareRow[] }) {
  return (
    <table className="w-full border-collapse text-sm" data-testid="compare-table">
      <caption className="pb-2 text-left text-xs text-slate-500 dark:text-slate-400">Lower is better for every figure; ✓ marks the better design, ⚠ a lower latency or cost from a design that answered fewer requests (hover it).</caption>
      <thead>
        <tr className="border-b border-slate-200 text-xs tracking-wide text-slate-500 uppercase dark:border-slate-700 dark:text-slate-400">
          <th scope="col" className="px-3 py-1.5 text-left font-semibold">Node</th>
          <th scope="col" className="px-3 py-1.5 text-left font-semibold">Figure</th>
          <th scope="col" className="px-3 py-1.5 text-right font-semibold">A</th>
          <th scope="col" className="px-3 py-1.5 text-right font-semibold">B</th>
          <th scope="col" className="px-3 py-1.5 text-right font-semibold">B vs A</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.node ?? ''}:${r.figure}`} data-testid={`compare-row-${r.node ?? 'design'}-${r.figure}`} data-better={r.better ?? ''} className="border-b border-slate-100 dark:border-slate-800">
            <td className="px-3 py-1.5 font-medium text-slate-900 dark:text-slate-100">{r.node ?? 'Whole design'}</td>
            <td className="px-3 py-1.5 text-slate-600 dark:text-slate-300">{r.figure}</td>
            <Cell row={r} design="A" />
            <Cell row={r} design="B" />
            <td className="px-3 py-1.5 text-right text-slate-600 tabular-nums dark:text-slate-300">{changeText(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
