import { useCallback, useEffect, useRef, useState } from 'react';
import { compareStore, useCompareStore } from '../../compare/compareStore.ts';
import { DEFAULT_DURATION_SECONDS, DEFAULT_SEED } from '../../scenario/index.ts';
import type { RunOptions, SimScenario } from '../../sim/engine.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { simWorker } from '../../worker/client.ts';
import { CompareTable } from './CompareTable.tsx';
import { DesignBInspector } from './DesignBInspector.tsx';
import { OverlayChart } from './OverlayChart.tsx';

function runHeadless(sim: SimScenario, options: RunOptions) {
  return simWorker().runToEnd(sim, options);
}

function runBoth() {
  const app = appStore.getState();
  void compareStore.getState().runBoth(app.doc, runHeadless, app.run.trafficScale);
}

/**
 * A/B compare: design A is the document on the canvas, B a copy changed here. Run both runs them headlessly
 * on A's seed, duration and traffic multiplier; the table and the chart show their differences.
 */
export function CompareView({ onClose }: { onClose: () => void }) {
  // B is copied from the document as it is when the view opens, and dropped when it closes.
  useState(() => compareStore.getState().open(appStore.getState().doc));
  const close = useCallback(() => {
    compareStore.getState().close();
    onClose();
  }, [onClose]);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  const run = useCompareStore((s) => s.run);
  const dark = useAppStore((s) => s.theme === 'dark');
  const seed = useAppStore((s) => s.doc.seed);
  const duration = useAppStore((s) => s.doc.durationSeconds);
  const traffic = useAppStore((s) => s.run.trafficScale);
  const running = run.status === 'running';

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-3 pt-10 dark:bg-black/60" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby="compare-title"
        tabIndex={-1}
        data-testid="compare-dialog"
        className="flex h-[88vh] w-full max-w-7xl flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl outline-none dark:border-slate-700 dark:bg-slate-900"
      >
        <header className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3 dark:border-slate-700">
          <div>
            <h2 id="compare-title" className="text-lg font-semibold text-slate-900 dark:text-slate-50">
              Compare designs A and B
            </h2>
            <p className="text-sm text-slate-500 dark:text-slate-400">
              A is the design on the canvas; B is a copy to change here (your document and its undo history stay as they are). Both run to
              their end on seed {seed ?? DEFAULT_SEED}, {(duration ?? DEFAULT_DURATION_SECONDS).toLocaleString('en-US')} s and {traffic}× traffic.
            </p>
          </div>
          <button type="button" aria-label="Close" onClick={close} className="rounded-md px-2 py-1 text-lg text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800">
            ✕
          </button>
        </header>
        <div className="flex min-h-0 flex-1">
          <aside className="flex w-[23rem] shrink-0 flex-col border-r border-slate-200 dark:border-slate-700">
            <DesignBInspector disabled={running} />
          </aside>
          <section className="flex min-w-0 flex-1 flex-col gap-4 overflow-y-auto px-5 py-4" aria-label="Results">
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                data-testid="compare-run"
                onClick={runBoth}
                disabled={running}
                className="inline-flex h-9 items-center rounded-md bg-sky-600 px-4 text-sm font-semibold text-white hover:bg-sky-700 disabled:opacity-60"
              >
                {running ? 'Running…' : 'Run both'}
              </button>
              <span role="status" data-testid="compare-status" className="text-sm text-slate-600 dark:text-slate-300">
                {run.status === 'idle' && 'Change a setting of B, then run both designs.'}
                {run.status === 'running' && `Running design ${run.design} to its end…`}
                {run.status === 'done' && `Both ran ${run.a.simulatedSeconds} s${run.a.stopped || run.b.stopped ? ' (a run stopped early: see its figures with care)' : ''}.`}
              </span>
            </div>
            {run.status === 'error' && (
              <p role="alert" data-testid="compare-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
                {run.message}
              </p>
            )}
            {run.status === 'done' && (
              <>
                <CompareTable rows={run.rows} />
                <OverlayChart a={run.a} b={run.b} rows={run.rows} dark={dark} />
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
