import { useRef, type ReactNode } from 'react';
import { appStore, useAppStore } from '../../store/index.ts';

/** The resizable panel under the canvas that holds the charts (RUN's <Dashboard/>). */
export function BottomPanel({ children }: { children?: ReactNode }) {
  const height = useAppStore((s) => s.bottomPanelHeight);
  const drag = useRef<{ y: number; h: number } | null>(null);
  return (
    <>
      <div
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the charts panel"
        data-testid="panel-splitter"
        tabIndex={0}
        className="group relative h-2 shrink-0 cursor-row-resize bg-slate-100 hover:bg-sky-200 focus:bg-sky-200 focus:outline-none dark:bg-slate-800 dark:hover:bg-sky-900"
        onPointerDown={(e) => {
          drag.current = { y: e.clientY, h: appStore.getState().bottomPanelHeight };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (drag.current) appStore.getState().setBottomPanelHeight(drag.current.h + drag.current.y - e.clientY);
        }}
        onPointerUp={() => void (drag.current = null)}
        onKeyDown={(e) => {
          const s = appStore.getState();
          if (e.key === 'ArrowUp') s.setBottomPanelHeight(s.bottomPanelHeight + 24);
          if (e.key === 'ArrowDown') s.setBottomPanelHeight(s.bottomPanelHeight - 24);
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
