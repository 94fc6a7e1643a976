import { useEffect, useState } from 'react';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { compareStore, useCompareStore } from '../../compare/compareStore.ts';
import { DEFAULT_DURATION_SECONDS, DEFAULT_SEED } from '../../scenario/index.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { runHeadless } from '../../worker/client.ts';
import { runningText } from '../../compare/compareText.ts';
import { CompareTable } from './CompareTable.tsx';
import { DesignBChanges } from './DesignBChanges.tsx';
import { DesignBInspector } from './DesignBInspector.tsx';
import { OverlayChart } from './OverlayChart.tsx';

function runBoth() {
  const app = appStore.getState();
  void compareStore.getState().runBoth(app.doc, runHeadless, app.run.trafficScale);
}

/**
 * A/B compare: design A is the document on the canvas, B a copy changed here. Run both runs them headlessly
 * on A's seed, duration and traffic multiplier; the table and the chart show their differences.
 */
export function CompareView({ onClose }: { onClose: () => void }) {
  // B is copied from the document as it is when the view opens; closing keeps it for the same document.
  const [docA] = useState(() => appStore.getState().doc);
  useEffect(() => {
    compareStore.getState().open(docA);
    return () => compareStore.getState().close();
  }, [docA]);

  const run = useCompareStore((s) => s.run);
  const dark = useAppStore((s) => s.theme === 'dark');
  const seed = useAppStore((s) => s.doc.seed);
  const duration = useAppStore((s) => s.doc.durationSeconds);
  const traffic = useAppStore((s) => s.run.trafficScale);
  const running = run.status === 'running';

  return (
    <ModalDialog
      name="compare"
      title="Compare designs A and B"
      subtitle={
        <>
          A is the design on the canvas; B is a copy to change here (your document and its undo history stay as they are; B is
          kept when you close this, until the canvas changes). Both run to
          their end on seed {seed ?? DEFAULT_SEED}, {(duration ?? DEFAULT_DURATION_SECONDS).toLocaleString('en-US')} s and {traffic}× traffic.
        </>
      }
      onClose={onClose}
      panelClassName="h-[88vh] max-w-7xl"
      backdropClassName="p-3 pt-10"
    >
      {/* Side by side from md up; on a phone B's settings sit above the results and the whole scrolls. */}
      <div className="flex min-h-0 flex-1 max-md:flex-col max-md:overflow-y-auto">
        <aside className="flex w-[23rem] shrink-0 flex-col border-r border-slate-200 max-md:w-full max-md:border-r-0 max-md:border-b dark:border-slate-700">
          <DesignBChanges disabled={running} onApplied={onClose} />
          <DesignBInspector disabled={running} />
        </aside>
        <section className="flex min-w-0 flex-1 flex-col gap-4 overflow-y-auto px-5 py-4 max-md:flex-none max-md:overflow-visible max-md:px-3" aria-label="Results">
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
              {run.status === 'running' && runningText(run.design, run.done, run.elapsedMs)}
              {run.status === 'done' && `Both ran ${run.a.simulatedSeconds} s${run.a.stopped || run.b.stopped ? ' (a run stopped early: see its figures with care)' : ''}.`}
            </span>
            {run.status === 'running' && (
              <span className="h-1.5 w-40 overflow-hidden rounded bg-slate-200 dark:bg-slate-700" aria-hidden data-testid="compare-progress">
                <span className="block h-full bg-sky-500 transition-[width]" style={{ width: `${run.done * 100}%` }} />
              </span>
            )}
          </div>
          {run.status === 'error' && (
            <p role="alert" data-testid="compare-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950/40 dark:text-red-300">
              {run.message}
            </p>
          )}
          {run.status === 'done' && run.stale && (
            <p data-testid="compare-stale" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
              B changed since these results: press Run both to see the new ones.
            </p>
          )}
          {run.status === 'done' && (
            <>
              <div className="shrink-0 overflow-x-auto">
                <CompareTable rows={run.rows} />
              </div>
              <OverlayChart a={run.a} b={run.b} rows={run.rows} dark={dark} />
            </>
          )}
        </section>
      </div>
    </ModalDialog>
  );
}
