import { useRef, useSyncExternalStore, type ReactNode } from 'react';
import { appStore, useAppStore } from '../../store/index.ts';

/** Header (56 px) and splitter (8 px) above, and this much canvas always left visible. */
const CHROME_PX = 64;
const MIN_CANVAS_PX = 200;

function subscribeResize(onChange: () => void) {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The tallest the charts panel may be in this window, so the canvas is never squeezed to nothing. */
function useMaxPanelHeight(): number {
  const h = useSyncExternalStore(subscribeResize, () => window.innerHeight, () => 900);
  return Math.max(120, h - CHROME_PX - MIN_CANVAS_PX);
}

/** The resizable panel under the canvas that holds the charts (RUN's <Dashboard/>). */
export function BottomPanel({ children }: { children?: ReactNode }) {
  const max = useMaxPanelHeight();
  const height = Math.min(useAppStore((s) => s.bottomPanelHeight), max);
  const drag = useRef<{ y: number; h: number } | null>(null);
  return (
    <>
      <div
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the charts panel"
        aria-valuenow={height}
        aria-valuemin={120}
        aria-valuemax={max}
        data-testid="panel-splitter"
        tabIndex={0}
        className="group relative h-2 shrink-0 cursor-row-resize bg-slate-100 hover:bg-sky-200 focus:bg-sky-200 focus:outline-none dark:bg-slate-800 dark:hover:bg-sky-900"
        onPointerDown={(e) => {
          drag.current = { y: e.clientY, h: height };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current) appStore.getState().setBottomPanelHeight(Math.min(drag.current.h + drag.current.y - e.clientY, max));
        }}
        onPointerUp={() => void (drag.current = null)}
        onKeyDown={(e) => {
          const s = appStore.getState();
          if (e.key === 'ArrowUp') s.setBottomPanelHeight(Math.min(height + 24, max));
          if (e.key === 'ArrowDown') s.setBottomPanelHeight(height - 24);
        }}
      >
        <span className="absolute top-1/2 left-1/2 h-1 w-10 -translate-x-1/2 -translate-y-1/2 rounded-full bg-slate-300 group-hover:bg-sky-500 dark:bg-slate-600" />
      </div>
      <section className="shrink-0 overflow-hidden bg-white dark:bg-slate-900" style={{ height }} data-slot="dashboard" aria-label="Charts">
        {children ?? (
          <div className="flex h-full items-center justify-center text-sm text-slate-500 dark:text-slate-400">Run the simulation to see live charts here.</div>
        )}
      </section>
    </>
  );
}
