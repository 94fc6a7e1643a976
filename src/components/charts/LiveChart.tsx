import { Fragment, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { compact, PALETTE, titleParts, yAxisTop } from './chartFormat.ts';
import { addDrawer } from '../../live/frameLoop.ts';
import { live } from '../../live/liveData.ts';
import type { ChartSpec } from './chartLayout.ts';
import { enqueueMount } from './mountQueue.ts';
import { SeriesData } from './seriesData.ts';
import { theoryTrack } from '../../live/theoryTrack.ts';
import { useAppStore } from '../../store/index.ts';
import type { ChartTheory } from './chartTheory.ts';
import { TheoryNote } from './TheoryNote.tsx';
import { useChartTheory } from './useChartTheory.ts';

const LIMIT_COLOR = '#DC2626';
/** Theory lines: violets apart from the Okabe-Ito series and the red limit, dashed like a reference, each its own way. */
const THEORY_STYLE = [
  { light: '#6D28D9', dark: '#C4B5FD', dash: [10, 6] },
  { light: '#A21CAF', dark: '#F0ABFC', dash: [3, 4] },
];
const HEIGHT = 170;

/**
 * One uPlot chart that redraws from the live store once per animation frame, only when data changed. It
 * publishes data-points and data-max on its element so tests and people can see it move.
 */
/** `height` is the plot's (default 170 px); `large` draws axis labels and the legend at 16 px for a projector. */
export function LiveChart({ spec, dark, height = HEIGHT, large = false }: { spec: ChartSpec; dark: boolean; height?: number; large?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const theory = useChartTheory(spec);
  const showTheory = useAppStore((s) => s.showTheory);
  // The drawer reads the overlay in force through a ref, so a settings change moves the line without a remount.
  const drawnTheory = useRef<ChartTheory | null>(null);
  const mounted = useRef<MountedChart | null>(null);
  useEffect(() => {
    drawnTheory.current = theory && showTheory && theory.overlay.broken.length === 0 ? theory : null;
    // Redraw now: after a run no new frame would.
    mounted.current?.draw();
  }, [theory, showTheory]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Two steps, each its own task when the first is slow (a cold page): create the chart, then draw it.
    const cancel = enqueueMount(() => {
      const chart = mountChart(el, spec, dark, height, large, drawnTheory);
      mounted.current = chart;
      return chart.start;
    });
    return () => {
      cancel();
      mounted.current?.destroy();
      mounted.current = null;
    };
  }, [spec, dark, height, large]);

  return (
    <figure className="live-chart-figure min-w-0 rounded-lg border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
      <figcaption className={`flex items-baseline justify-between gap-2 px-1 font-semibold text-slate-800 dark:text-slate-100 ${large ? 'text-xl' : 'text-sm'}`}>
        <span className="min-w-0 break-words" data-testid="chart-title">
          {titleParts(spec.title).map((part, i) => (
            <Fragment key={i}>
              {i > 0 && <wbr />}
              {part}
            </Fragment>
          ))}
        </span>
        <span className={`shrink-0 font-normal text-slate-500 dark:text-slate-400 ${large ? 'text-base' : 'text-xs'}`}>{spec.unit}</span>
      </figcaption>
      <div ref={box} className={`live-chart${large ? ' live-chart--large' : ''}`} style={{ minHeight: height }} data-testid={`chart-${spec.id}`} data-title={spec.title} />
      {/* On a projector the room needs the line, not why a line is missing: the canvas keeps the height. */}
      {theory && !(large && theory.overlay.broken.length > 0) && <TheoryNote theory={theory} show={showTheory} large={large} />}
    </figure>
  );
}

interface MountedChart {
  /** Lays out and draws the chart the first time, then hooks it to the live store. */
  start: () => void;
  draw: () => void;
  destroy: () => void;
}

/** Creates the uPlot chart in `el` without drawing it; `start` draws it and hooks it to the live store. */
function mountChart(el: HTMLDivElement, spec: ChartSpec, dark: boolean, height: number, large: boolean, theory: { readonly current: ChartTheory | null }): MountedChart {
  const axis = dark ? '#CBD5E1' : '#334155';
  const grid = dark ? 'rgba(148,163,184,0.15)' : 'rgba(15,23,42,0.08)';
  const palette = dark ? PALETTE.map((c) => (c === '#000000' ? '#F8FAFC' : c)) : PALETTE;
  const source = new SeriesData(spec);
  const axisPx = large ? 16 : 12;
  const axisFont = `${large ? '600 ' : ''}${axisPx}px system-ui, sans-serif`;
  // The axis labels are drawn on a canvas: their size is published for tests and people to read.
  el.dataset.axisPx = String(axisPx);
  let withLimit = source.limitValue(live) !== undefined;
  const theoryLabels = () => theory.current?.lines.map((l) => l.label) ?? [];
  let withTheory = theoryLabels();
  /** Set while the chart is created and not yet laid out (uPlot runs its init when given a function). */
  let init: (() => void) | null = null;
  const make = (deferInit: boolean) => {
    const series: uPlot.Series[] = [
      { label: 'Time', value: (_u, v) => (v == null ? '' : `${v} s`) },
      ...spec.series.map((s, i) => ({
        label: s.label,
        stroke: palette[(s.colour ?? i) % palette.length],
        width: 2,
        ...(s.dash ? { dash: [5, 4] } : {}),
        points: { show: false },
        value: (_u: uPlot, v: number | null) => (v == null ? '' : compact(v)),
      })),
    ];
    withTheory.forEach((label, i) => {
      const style = THEORY_STYLE[i % THEORY_STYLE.length];
      series.push({ label, stroke: dark ? style.dark : style.light, width: 3, dash: style.dash, points: { show: false }, value: (_u, v) => (v == null ? '' : compact(v)) });
    });
    if (withLimit) {
      series.push({ label: 'limit', stroke: LIMIT_COLOR, width: 2, dash: [8, 5], points: { show: false }, value: () => compact(source.limitValue(live) ?? 0) });
    }
    return new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height,
        scales: { x: { time: false }, y: { range: () => [0, yTop] } },
        axes: [
          { stroke: axis, font: axisFont, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, ...(large ? { size: 40 } : {}), values: (_u, vals) => vals.map((v) => `${v}s`) },
          { stroke: axis, font: axisFont, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: large ? 64 : 52, values: (_u, vals) => vals.map(compact) },
        ],
        series,
        legend: { show: true, live: true },
        cursor: { drag: { x: false, y: false } },
      },
      series.map(() => new Float64Array(0)),
      deferInit
        ? (u, runInit) => {
            el.appendChild(u.root);
            init = runInit as () => void;
          }
        : el,
    );
  };
  /** The y axis's top for the data drawn last (yAxisTop). */
  let yTop = 1;
  let chart = make(true);
  // Charts scrolled out of view skip uPlot's redraw (the costly part) and catch up when they come back.
  let visible = true;
  /** The data to draw now, with the theory lines; publishes what it holds on the element. */
  const current = () => {
    const { data, hasLimit, max } = source.build(live);
    el.dataset.points = String(live.periods);
    el.dataset.max = String(max);
    const t = theory.current;
    if (t) theoryTrack(t.node).update(live, t.overlay);
    const lines = t ? t.lines.map((l) => theoryTrack(t.node).series(l.metric)) : [];
    // What the theory lines hold, for tests and people: their labels and how many periods each predicts.
    el.dataset.theory = t ? t.lines.map((l) => l.label).join(', ') : '';
    el.dataset.theoryPoints = lines.map((values) => values.filter((v) => v !== null).length).join(',');
    const aligned = [...data.slice(0, 1 + spec.series.length), ...lines, ...data.slice(1 + spec.series.length)] as uPlot.AlignedData;
    let dataMax = max;
    for (const values of lines) for (const v of values) if (v !== null && v > dataMax) dataMax = v;
    yTop = yAxisTop(dataMax, hasLimit ? source.limitValue(live) : undefined);
    el.dataset.yTop = String(yTop);
    return { aligned, hasLimit };
  };
  /** Takes the series the chart should have now; true when they differ from the ones it was made with. */
  const reseries = (hasLimit: boolean) => {
    const labels = theoryLabels();
    if (hasLimit === withLimit && labels.join('\u0000') === withTheory.join('\u0000')) return false;
    withLimit = hasLimit;
    withTheory = labels;
    return true;
  };
  /**
   * Quiet series (SeriesSpec.quiet) keep their legend entry hidden until they have been above 0. Once seen, a series
   * stays shown until the data starts again (a new run), so each frame scans only the periods added since.
   */
  const quiet = spec.series.flatMap((s, i) => (s.quiet ? [{ index: 1 + i, seen: false, scanned: 0 }] : []));
  const quietLegend = (aligned: uPlot.AlignedData) => {
    if (quiet.length === 0) return;
    const rows = chart.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
    for (const q of quiet) {
      const values = aligned[q.index];
      if (values.length < q.scanned) {
        q.seen = false;
        q.scanned = 0;
      }
      // From the last period scanned: it may have been the open one, still growing.
      for (let k = Math.max(0, q.scanned - 1); k < values.length && !q.seen; k++) q.seen = (values[k] ?? 0) > 0;
      q.scanned = values.length;
      const row = rows[q.index];
      const display = q.seen ? '' : 'none';
      if (row && row.style.display !== display) row.style.display = display;
    }
    const none = quiet.length === spec.series.length && quiet.every((q) => !q.seen);
    el.dataset.quietNone = String(none);
  };
  const draw = () => {
    const { aligned, hasLimit } = current();
    // Off screen the redraw waits, but the legend keeps up (it is read, by people and tests, without scrolling).
    if (!visible) return quietLegend(aligned);
    if (reseries(hasLimit)) {
      chart.destroy();
      chart = make(false);
    }
    // Drawn now rather than in uPlot's microtask, so the frame loop's drawing budget counts it (frameLoop.ts).
    chart.batch(() => chart.setData(aligned));
    quietLegend(aligned);
  };
  let stop: (() => void) | null = null;
  const resize = new ResizeObserver(() => {
    const width = Math.max(200, el.clientWidth);
    // Its first call reports the size the chart was made with: a redraw then would only repeat the first one.
    if (width !== chart.width || height !== chart.height) chart.setSize({ width, height });
  });
  const seen = new IntersectionObserver(([entry]) => {
    const was = visible;
    visible = entry.isIntersecting;
    if (visible && !was) draw();
  });
  const start = () => {
    if (init === null || stop !== null) return;
    const { aligned, hasLimit } = current();
    if (reseries(hasLimit)) {
      // The theory or the limit came or went since the chart was made.
      chart.destroy();
      chart = make(true);
    }
    const runInit = init;
    init = null;
    // Laid out and drawn with the data of now, once, and now rather than in uPlot's microtask, so the mount
    // queue's budget counts it; the frame loop takes over from the next data.
    chart.batch(() => {
      runInit();
      chart.setData(aligned);
    });
    quietLegend(aligned);
    stop = addDrawer(draw, live.version);
    resize.observe(el);
    seen.observe(el);
  };
  const destroy = () => {
    stop?.();
    seen.disconnect();
    resize.disconnect();
    chart.destroy();
  };
  return {
    start,
    draw: () => {
      if (stop !== null) draw();
    },
    destroy,
  };
}
