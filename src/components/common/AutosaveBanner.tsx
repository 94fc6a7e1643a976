import { appStore, useAppStore } from '../../store/index.ts';

/**
 * Autosave problems the user must know about, shown until resolved: a save that failed (storage full), or
 * another tab that saved different work (this tab stops saving until the user picks a version).
 */
export function AutosaveBanner() {
  const status = useAppStore((s) => s.autosave);
  if (status.state === 'ok') return null;
  const button = 'rounded-md px-3 py-1.5 text-sm font-medium';
  return (
    <div className="fixed inset-x-0 top-16 z-50 flex justify-center px-4">
      <div role="alert" data-testid="autosave-banner" className="flex max-w-3xl flex-wrap items-center gap-3 rounded-lg bg-amber-100 px-4 py-3 text-sm text-amber-950 shadow-lg ring-1 ring-amber-300 dark:bg-amber-950 dark:text-amber-50 dark:ring-amber-700">
        {status.state === 'failed' ? (
          <>
            <span className="min-w-0 flex-1">{status.message}</span>
            <button type="button" className={`${button} bg-amber-700 text-white hover:bg-amber-800`} onClick={() => appStore.getState().setAutosave({ state: 'ok' })}>
              Dismiss
            </button>
          </>
        ) : (
          <>
            <span className="min-w-0 flex-1">
              Another tab saved different work (“{status.theirs.name}”, {status.theirs.nodes.length} services) over this scenario. This tab stopped
              autosaving until you choose which version to keep.
            </span>
            <button type="button" data-testid="autosave-keep-mine" className={`${button} bg-amber-700 text-white hover:bg-amber-800`} onClick={status.keepMine}>
              Keep this tab’s
            </button>
            <button type="button" data-testid="autosave-use-theirs" className={`${button} ring-1 ring-amber-600 hover:bg-amber-200 dark:hover:bg-amber-900`} onClick={status.useTheirs}>
              Open the other tab’s
            </button>
          </>
        )}
      </div>
    </div>
  );
}
