import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../charts/charts.css';
import type { CompareRow } from '../../compare/compareResults.ts';
import { commonSeries, firstChoice, overlayColumns, type SeriesChoice } from '../../compare/overlaySeries.ts';
import type { ResultDocument } from '../../sim/result.ts';
import { compact, PALETTE } from '../charts/chartFormat.ts';

const HEIGHT = 220;
const key = (c: SeriesChoice) => `${c.node}\u0000${c.column}`;

/** One node metric of both designs on one uPlot chart, A and B in two colours, picked from the series both hold. */
export function OverlayChart({ a, b, rows, dark }: { a: ResultDocument; b: ResultDocument; rows: CompareRow[]; dark: boolean }) {
  const choices = useMemo(() => commonSeries(a, b), [a, b]);
  const [picked, setPicked] = useState<string | null>(null);
  const choice = choices.find((c) => key(c) === picked) ?? firstChoice(choices, rows);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el || !choice) return;
    const axis = dark ? '#CBD5E1' : '#334155';
    const grid = dark ? 'rgba(148,163,184,0.15)' : 'rgba(15,23,42,0.08)';
    const font = '12px system-ui, sans-serif';
    const [x, ya, yb] = overlayColumns(a, b, choice);
    el.dataset.points = String(x.length);
    const value = (_u: uPlot, v: number | null) => (v == null ? '' : compact(v));
    const chart = new uPlot(
      {
        width: Math.max(240, el.clientWidth),
        height: HEIGHT,
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [
          { stroke: axis, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, vals) => vals.map((v) => `${v}s`) },
          { stroke: axis, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 52, values: (_u, vals) => vals.map(compact) },
        ],
        series: [
          { label: 'Time', value: (_u, v) => (v == null ? '' : `${v} s`) },
          { label: 'A', stroke: PALETTE[0], width: 2, points: { show: false }, value },
          { label: 'B', stroke: PALETTE[1], width: 2, dash: [6, 3], points: { show: false }, value },
        ],
        legend: { show: true, live: true },
        cursor: { drag: { x: false, y: false } },
      },
      [x, ya, yb] as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(240, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [a, b, choice, dark]);

  if (!choice) return <p className="text-sm text-slate-500 dark:text-slate-400">The designs share no node metric to draw.</p>;
  return (
    <figure className="min-w-0 shrink-0 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 px-1 pb-1 text-sm font-semibold text-slate-800 dark:text-slate-100">
        <label className="flex min-w-0 items-center gap-2">
          <span>Metric</span>
          <select
            data-testid="compare-metric"
            value={key(choice)}
            onChange={(e) => setPicked(e.target.value)}
            className="max-w-72 min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-normal dark:border-slate-600 dark:bg-slate-800"
          >
            {choices.map((c) => (
              <option key={key(c)} value={key(c)}>
                {c.node} · {c.column}
              </option>
            ))}
          </select>
        </label>
        <span className="text-xs font-normal text-slate-500 dark:text-slate-400">A solid, B dashed · per {a.periodSeconds} s period</span>
      </figcaption>
      <div ref={box} className="live-chart" style={{ minHeight: HEIGHT }} data-testid="compare-chart" />
    </figure>
  );
}
