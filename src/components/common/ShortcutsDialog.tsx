import { useEffect } from 'react';
import { allCommands, shortcutLabel } from '../../commands/registry.ts';
import { appStore } from '../../store/index.ts';
import { PRESENTER_KEYS } from '../presenter/presenterKeys.ts';
import { IS_MAC } from './useShortcuts.ts';

/** Every command that has a keyboard shortcut, opened with "?" (the same registry the keys run); ShortcutsDialogSlot mounts it while open. */
export function ShortcutsDialog() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && appStore.getState().setShortcutsOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const close = () => appStore.getState().setShortcutsOpen(false);
  const list = allCommands().filter((c) => c.shortcut);
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-4 pt-16 dark:bg-black/60" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog" className="max-h-[80vh] w-full max-w-lg overflow-y-auto rounded-xl border border-slate-200 bg-white p-5 shadow-2xl dark:border-slate-700 dark:bg-slate-900">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="shortcuts-title" className="text-lg font-semibold">Keyboard shortcuts</h2>
          <button type="button" aria-label="Close" onClick={close} className="rounded-md px-2 py-1 text-lg text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
            ✕
          </button>
        </div>
        <table className="w-full text-sm">
          <tbody>
            {list.map((c) => (
              <tr key={c.id} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5 pr-4">{c.label}</td>
                <td className="py-1.5 text-right">
                  {c.shortcut!.split(' / ').map((one) => (
                    <kbd key={one} className="ml-1 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                      {shortcutLabel(one, IS_MAC)}
                    </kbd>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="mt-4 mb-1 text-sm font-semibold">In presenter mode</h3>
        <table className="w-full text-sm" data-testid="presenter-shortcuts">
          <tbody>
            {PRESENTER_KEYS.map((k) => (
              <tr key={k.label} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5 pr-4">{k.label}</td>
                <td className="py-1.5 text-right">
                  {k.keys.map((one) => (
                    <kbd key={one} className="ml-1 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                      {one}
                    </kbd>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
