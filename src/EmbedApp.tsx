import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Canvas } from './components/canvas/Canvas.tsx';
import { EmptyDashboard } from './components/charts/EmptyDashboard.tsx';
import { ErrorBoundary } from './components/common/ErrorBoundary.tsx';
import { Notice } from './components/common/Notice.tsx';
import { appStore, useAppStore } from './store/index.ts';
import { playgroundUrl } from './embedMode.ts';

const Dashboard = lazy(() => import('./components/charts/Dashboard.tsx'));

const button = 'inline-flex items-center gap-1 whitespace-nowrap rounded-md px-1.5 py-1 text-sm font-medium sm:px-2.5';

/**
 * The embedded view (`?embed` or `#embed`) for an iframe in a blog post or a course page: the diagram and the
 * charts, read-only, with Run/Pause, Reset and a link that opens the same scenario in the full playground.
 * Designed for 700x450.
 */
export function EmbedApp() {
  const { name, status, seconds } = useAppStore(useShallow((s) => ({ name: s.doc.name, status: s.run.status, seconds: s.run.seconds })));
  const s = appStore.getState();
  const running = status === 'running';
  return (
    <ReactFlowProvider>
      <div className="flex h-full flex-col bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100" data-testid="embed">
        <header className="flex h-10 shrink-0 items-center gap-1.5 border-b border-slate-200 bg-white px-2 sm:gap-2 dark:border-slate-800 dark:bg-slate-900">
          <div className="min-w-0 flex-1 truncate text-sm font-semibold" data-testid="scenario-name" title={name}>
            {name}
          </div>
          <span className="whitespace-nowrap text-xs tabular-nums text-slate-500 dark:text-slate-400" data-testid="run-clock" data-status={status} data-seconds={seconds}>
            {seconds.toFixed(1)} s
          </span>
          <button
            type="button"
            data-testid="run-toggle"
            className={`${button} text-white ${running ? 'bg-amber-600 hover:bg-amber-700' : 'bg-emerald-600 hover:bg-emerald-700'}`}
            disabled={status === 'loading'}
            onClick={() => (running ? s.pauseRun() : void s.startRun())}
          >
            {running ? '❚❚ Pause' : '▶ Run'}
          </button>
          <button type="button" data-testid="run-reset" className={`${button} border border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800`} onClick={() => void s.resetRun()}>
            Reset
          </button>
          <a
            data-testid="open-in-playground"
            href={playgroundUrl(location)}
            target="_blank"
            rel="noopener"
            aria-label="Open in the playground"
            title="Open in the playground"
            className={`${button} text-sky-700 hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-slate-800`}
          >
            <span className="hidden sm:inline">Open in the playground</span>
            <span className="sm:hidden">Open</span> ↗
          </a>
        </header>
        <div className="relative min-h-0 flex-1">
          <ErrorBoundary area="The canvas">
            <Canvas />
          </ErrorBoundary>
        </div>
        <section className="h-[45%] shrink-0 overflow-hidden border-t border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" aria-label="Charts">
          <ErrorBoundary area="The charts">
            <Suspense fallback={<EmptyDashboard />}>
              <Dashboard />
            </Suspense>
          </ErrorBoundary>
        </section>
        <Notice />
      </div>
    </ReactFlowProvider>
  );
}
