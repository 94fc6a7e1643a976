import { appStore } from '../../store/index.ts';
import { useAdvice } from './useAdvice.ts';

/** AWS's own design warnings for this architecture, each with a one-click fix. */
export function AdvisorPanel() {
  const advice = useAdvice();
  if (advice.length === 0)
    return (
      <div className="p-4 text-sm text-slate-600 dark:text-slate-300" data-testid="advisor-empty">
        <div className="font-semibold text-emerald-700 dark:text-emerald-400">No warnings</div>
        <p className="mt-1">This design follows AWS's advice on timeouts, retries and dead-letter queues.</p>
      </div>
    );
  return (
    <ul className="flex flex-col gap-2 p-3" data-testid="advisor-list">
      {advice.map((a) => (
        <li
          key={a.id}
          data-testid={`advisor-item-${a.id}`}
          className={`rounded-lg border p-3 text-sm ${a.severity === 'error' ? 'border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40' : 'border-amber-300 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/30'}`}
        >
          <button
            type="button"
            className="text-left text-slate-800 hover:underline dark:text-slate-100"
            onClick={() => {
              appStore.getState().select({ nodes: [a.nodeId], edges: [] });
              appStore.getState().setSidebarTab('inspector');
            }}
            title="Select the node and show its settings"
          >
            <span className={`mr-1.5 font-semibold ${a.severity === 'error' ? 'text-red-700 dark:text-red-300' : 'text-amber-800 dark:text-amber-300'}`}>
              {a.severity === 'error' ? 'Error' : 'Warning'}
            </span>
            {a.message}
          </button>
          {a.fix && (
            <div className="mt-2">
              <button
                type="button"
                data-testid={`advisor-fix-${a.id}`}
                onClick={() => appStore.getState().edit(a.fix!)}
                className="rounded-md bg-slate-900 px-2.5 py-1 text-xs font-semibold text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"
              >
                Fix: {a.fixLabel}
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
