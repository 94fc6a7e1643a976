import { AdvisorPanel } from '../advisor/AdvisorPanel.tsx';
import { useAdvice } from '../advisor/useAdvice.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { appStore, useAppStore } from '../../store/index.ts';
import type { SidebarTab } from '../../store/uiSlice.ts';
import { PanelToggle } from './PanelToggle.tsx';

type Tab = SidebarTab;

/** Right-hand panel: the inspector, and the design advisor with its count of warnings. */
export function Sidebar() {
  const tab = useAppStore((s) => s.sidebarTab);
  const setTab = appStore.getState().setSidebarTab;
  const advice = useAdvice();
  const errors = advice.some((a) => a.severity === 'error');
  const tabClass = (t: Tab) =>
    `flex-1 border-b-2 px-3 py-2.5 text-sm font-semibold ${tab === t ? 'border-sky-600 text-slate-900 dark:border-sky-400 dark:text-slate-50' : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200'}`;
  return (
    <aside className="relative flex w-80 shrink-0 2xl:w-[22rem] flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" aria-label="Inspector">
      <div role="tablist" className="flex border-b border-slate-200 pl-8 dark:border-slate-800">
        <PanelToggle panel="sidebar" />
        <button type="button" role="tab" aria-selected={tab === 'inspector'} data-testid="sidebar-tab-inspector" className={tabClass('inspector')} onClick={() => setTab('inspector')}>
          Inspector
        </button>
        <button type="button" role="tab" aria-selected={tab === 'advisor'} data-testid="sidebar-tab-advisor" className={tabClass('advisor')} onClick={() => setTab('advisor')}>
          Advisor
          {advice.length > 0 && (
            <span data-testid="advisor-count" className={`ml-2 rounded-full px-1.5 py-0.5 text-xs text-white ${errors ? 'bg-red-600' : 'bg-amber-500'}`}>
              {advice.length}
            </span>
          )}
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">{tab === 'inspector' ? <Inspector /> : <AdvisorPanel />}</div>
    </aside>
  );
}
