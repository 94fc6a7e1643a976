import { useAppStore, appStore } from '../../store/index.ts';
import { Inspector } from '../inspector/Inspector.tsx';

/**
 * On a phone the side panel does not fit: tapping a node or a connection opens its settings in a sheet over the
 * lower part of the screen (the inspector's own fields), and Done closes it. Not in an embed, which is read-only.
 */
export function PhoneSettingsSheet() {
  // One node or one connection: what the inspector edits (several selected are for copy and delete, not here).
  const label = useAppStore(({ selection: { nodes, edges } }) => {
    if (nodes.length + edges.length !== 1) return null;
    return nodes.length === 1 ? nodes[0] : 'Connection';
  });
  if (label === null) return null;
  return (
    <section
      aria-label={`Settings of ${label}`}
      data-testid="phone-settings"
      className="fixed inset-x-0 bottom-0 z-30 flex max-h-[55%] flex-col rounded-t-xl border-t border-slate-200 bg-white shadow-[0_-8px_24px_rgba(15,23,42,0.18)] dark:border-slate-700 dark:bg-slate-900"
    >
      <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h2 className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900 dark:text-slate-50">Settings · {label}</h2>
        <button
          type="button"
          data-testid="phone-settings-done"
          onClick={() => appStore.getState().clearSelection()}
          className="inline-flex h-9 items-center rounded-md bg-sky-600 px-4 text-sm font-semibold text-white hover:bg-sky-700 dark:bg-sky-500 dark:text-slate-950"
        >
          Done
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        <Inspector />
      </div>
    </section>
  );
}
