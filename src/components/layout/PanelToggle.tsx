import { appStore, useAppStore } from '../../store/index.ts';

/**
 * Collapses a side panel to a thin strip (and back), so the canvas can use the whole width. Hidden on phones,
 * where the panels are not shown at all.
 */
export function PanelToggle({ panel }: { panel: 'palette' | 'sidebar' }) {
  const open = useAppStore((s) => (panel === 'palette' ? s.paletteOpen : s.sidebarOpen));
  const name = panel === 'palette' ? 'services panel' : 'inspector panel';
  const pointsLeft = (panel === 'palette') === open;
  return (
    <button
      type="button"
      data-testid={`toggle-${panel}`}
      aria-label={`${open ? 'Hide' : 'Show'} the ${name}`}
      title={`${open ? 'Hide' : 'Show'} the ${name} (${panel === 'palette' ? '[' : ']'})`}
      aria-expanded={open}
      onClick={() => appStore.getState().togglePanel(panel)}
      className={`z-10 flex h-7 w-7 items-center justify-center rounded-md text-slate-500 hover:bg-slate-200 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100 ${open ? `absolute top-1.5 ${panel === 'palette' ? 'right-1.5' : 'left-1.5'}` : 'mt-1.5'}`}
    >
      <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
        <path d={pointsLeft ? 'M15 6l-6 6 6 6' : 'M9 6l6 6-6 6'} />
      </svg>
    </button>
  );
}
