import { IS_MAC } from '../common/useShortcuts.ts';
import { shortcutLabel } from '../../commands/registry.ts';
import { useAppStore } from '../../store/index.ts';

/** The headline charts a run will draw, shown as empty frames before the first run. */
const PREVIEW: readonly { title: string; unit: string; what: string }[] = [
  { title: 'Client requests', unit: 'per period', what: 'Succeeded, failed and throttled requests' },
  { title: 'Client latency', unit: 'ms', what: 'p50, p90 and p99 as the clients see them' },
  { title: 'Throttles', unit: 'per period', what: 'Every service that says "slow down"' },
  { title: 'Errors', unit: 'per period', what: 'Failures, timeouts and dropped events' },
  { title: 'Cost rate', unit: 'USD per hour', what: 'What this traffic would cost on AWS' },
];

/**
 * Before the first run: the chart frames that will fill in, and how to start. Light enough to be the
 * fallback while the charts (and uPlot) load, so the panel is never a blank area.
 */
export function EmptyDashboard() {
  const run = shortcutLabel('Mod+Enter', IS_MAC);
  // An embed selects nothing, so it does not invite a click on a node.
  const readOnly = useAppStore((s) => s.readOnly);
  return (
    <div className="relative h-full overflow-y-auto p-3" data-testid="dashboard-empty">
      <div className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 className="text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Whole system</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Press <strong className="font-semibold text-slate-900 dark:text-white">Run</strong>{' '}
          <kbd className="rounded border max-md:hidden border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200">
            {run}
          </kbd>{' '}
          to see live metrics.{readOnly ? '' : ' Select a node to add its own charts.'}
        </p>
      </div>
      <div className="grid grid-cols-[repeat(auto-fill,minmax(300px,1fr))] gap-3">
        {PREVIEW.map((c) => (
          <figure key={c.title} className="min-w-0 rounded-lg border border-dashed border-slate-300 bg-slate-50/60 p-2 dark:border-slate-700 dark:bg-slate-900/60">
            <figcaption className="flex items-baseline justify-between gap-2 px-1 text-sm font-semibold text-slate-700 dark:text-slate-200">
              <span className="truncate">{c.title}</span>
              <span className="shrink-0 text-xs font-normal text-slate-500 dark:text-slate-400">{c.unit}</span>
            </figcaption>
            <div className="relative mt-1 h-[150px]">
              <svg className="absolute inset-0 h-full w-full text-slate-200 dark:text-slate-800" preserveAspectRatio="none" viewBox="0 0 100 100" aria-hidden>
                {[20, 45, 70, 95].map((y) => (
                  <line key={y} x1="0" x2="100" y1={y} y2={y} stroke="currentColor" strokeWidth="1" vectorEffect="non-scaling-stroke" />
                ))}
              </svg>
              <p className="absolute inset-0 flex items-center justify-center px-6 text-center text-sm text-slate-500 dark:text-slate-400">{c.what}</p>
            </div>
          </figure>
        ))}
      </div>
    </div>
  );
}
