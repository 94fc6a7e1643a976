import { useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLiveIndex } from '../../live/useLiveIndex.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { Canvas } from '../canvas/Canvas.tsx';
import { LiveChart } from '../charts/LiveChart.tsx';
import { ErrorBoundary } from '../common/ErrorBoundary.tsx';
import { PresenterBar } from './PresenterBar.tsx';
import { presenterCharts } from './presenterCharts.ts';
import { presenterKey } from './presenterKeys.ts';
import './presenter.css';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The plot height of each big chart: a fifth of the window, so a 720 px projector keeps room for the canvas. */
function useChartHeight(): number {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return Math.round(Math.min(240, Math.max(120, h * 0.2)));
}

/**
 * Presenter mode: the canvas and two or three big charts (the lesson's, or the scenario's headline ones),
 * large type and high contrast, the current step of the lesson's script, and the keyboard: Space run/pause,
 * R reset, ←/→ steps, Esc leaves. The side panels are not shown. Loaded lazily, with the charts.
 */
export default function PresenterView() {
  const { name, script, step, dark } = useAppStore(
    useShallow((s) => ({ name: s.doc.name, script: s.presenterScript, step: s.presenterStep, dark: s.theme === 'dark' })),
  );
  const zoom = useFlowStore((s) => s.transform[2]);
  const index = useLiveIndex();
  const chartHeight = useChartHeight();
  const { charts, problems } = useMemo(() => (index ? presenterCharts(index, script?.charts ?? null) : { charts: [], problems: [] }), [index, script]);

  useEffect(() => {
    // Capture phase, so these keys win over the app's shortcuts and the canvas's own (Space pans there).
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      if (presenterKey(e, appStore)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const steps = script?.steps ?? [];
  return (
    <div className="presenter flex h-full flex-col bg-white text-slate-950 dark:bg-slate-950 dark:text-white" data-testid="presenter">
      <PresenterBar title={script?.title || name} />
      <div className="relative min-h-0 flex-1" style={{ '--flow-zoom': zoom } as CSSProperties}>
        <ErrorBoundary area="The canvas">
          <Canvas presenting />
        </ErrorBoundary>
      </div>
      {steps.length > 0 && (
        <section aria-label="Lesson step" className="flex items-center gap-4 border-t-2 border-slate-300 px-5 py-2 dark:border-slate-700" data-testid="presenter-step">
          <button type="button" aria-label="Previous step" className={stepButton} disabled={step === 0} onClick={() => appStore.getState().stepPresenter(-1)}>
            ←
          </button>
          <p className="min-w-0 flex-1 text-2xl leading-snug font-medium" data-testid="presenter-step-text" aria-live="polite">
            {steps[step]}
          </p>
          <span className="shrink-0 text-lg tabular-nums text-slate-700 dark:text-slate-200" data-testid="presenter-step-count">
            {step + 1} / {steps.length}
          </span>
          <button type="button" aria-label="Next step" className={stepButton} disabled={step >= steps.length - 1} onClick={() => appStore.getState().stepPresenter(1)}>
            →
          </button>
        </section>
      )}
      <section aria-label="Charts" className="shrink-0 border-t-2 border-slate-300 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-900" data-testid="presenter-charts">
        {charts.length > 0 ? (
          <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${charts.length}, minmax(0, 1fr))` }}>
            {charts.map((spec) => (
              <LiveChart key={spec.id} spec={spec} dark={dark} height={chartHeight} large />
            ))}
          </div>
        ) : (
          <p className="flex items-center justify-center text-2xl text-slate-700 dark:text-slate-200" style={{ height: chartHeight + 72 }}>
            Press <kbd className={kbd}>Space</kbd> to run: the charts fill in here.
          </p>
        )}
        {problems.length > 0 && (
          <p className="mt-2 text-base text-red-800 dark:text-red-200" data-testid="presenter-chart-problems">
            {problems.join('; ')}
          </p>
        )}
      </section>
    </div>
  );
}

const stepButton =
  'flex h-11 w-11 shrink-0 items-center justify-center rounded-lg border-2 border-slate-400 text-2xl font-semibold hover:bg-slate-100 disabled:opacity-30 dark:border-slate-500 dark:hover:bg-slate-800';
const kbd = 'mx-2 rounded-md border-2 border-slate-400 px-2 py-0.5 font-mono text-xl dark:border-slate-500';
