import { useCallback, useSyncExternalStore } from 'react';
import { theoryTrack } from '../../live/theoryTrack.ts';
import { TICK_MS } from '../../live/ticker.ts';
import { FORMULA_NAMES, predict } from '../../sim/theory/overlay.ts';
import { useAppStore } from '../../store/index.ts';
import type { ChartTheory } from './chartTheory.ts';

/**
 * The line under a chart with a theory overlay: a toggle, the formula with its inputs and prediction (lambda,
 * service time, servers -> prediction, refreshed at most 4 times a second), or why it is not drawn, and the
 * assumptions it makes.
 */
export function TheoryNote({ theory, show, large }: { theory: ChartTheory; show: boolean; large: boolean }) {
  const setShowTheory = useAppStore((s) => s.setShowTheory);
  const text = useTheoryText(theory);
  const { overlay } = theory;
  const size = large ? 'text-base' : 'text-xs';
  return (
    <div className={`mt-1 flex flex-col gap-1 px-1 ${size} text-slate-700 dark:text-slate-200`} data-testid="theory-note">
      <div className="flex items-start gap-2">
        <button
          type="button"
          aria-pressed={show}
          title={show ? 'Hide the theory overlays' : 'Show the theory overlays'}
          onClick={() => setShowTheory(!show)}
          className={`shrink-0 rounded-full border px-2 font-medium ${show ? 'border-violet-700 bg-violet-700 text-white dark:border-violet-300 dark:bg-violet-300 dark:text-slate-900' : 'border-slate-400 text-slate-600 dark:border-slate-500 dark:text-slate-300'}`}
        >
          Theory
        </button>
        {show && (
          // On a projector the canvas needs the height: two lines at most, the whole text on hover.
          <span className={`min-w-0${large ? ' line-clamp-2' : ''}`} title={text} data-testid="theory-text">
            {text}
          </span>
        )}
      </div>
      {show && !large && (
        <details className="text-slate-600 dark:text-slate-300">
          <summary className="cursor-pointer select-none">Assumptions</summary>
          <ul className="ml-4 list-disc">
            <li>
              {FORMULA_NAMES[overlay.formula]} with c = {overlay.servers} ({overlay.serversWhy}), service time {overlay.serviceShape}
            </li>
            {overlay.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** The newest prediction's text, or the overlay's inputs before a run has measured a rate. */
function useTheoryText({ node, overlay }: ChartTheory): string {
  // The track tells when it computed new periods; the text follows at most every TICK_MS.
  const subscribe = useCallback(
    (changed: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const off = theoryTrack(node).subscribe(() => {
        timer ??= setTimeout(() => {
          timer = undefined;
          changed();
        }, TICK_MS);
      });
      return () => {
        off();
        clearTimeout(timer);
      };
    },
    [node],
  );
  const read = useCallback(() => {
    if (overlay.broken.length > 0) return predict(overlay, 0).text;
    const text = theoryTrack(node).text(overlay);
    if (text !== null) return text;
    return `${FORMULA_NAMES[overlay.formula]}: c = ${overlay.servers} (${overlay.serversWhy}), W = ${overlay.serviceShape}; λ is measured once the run starts`;
  }, [node, overlay]);
  return useSyncExternalStore(subscribe, read, read);
}
