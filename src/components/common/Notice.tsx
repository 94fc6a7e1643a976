import { useEffect } from 'react';
import { appStore, useAppStore } from '../../store/index.ts';

/** A short message at the bottom of the screen: a refused connection, an import result. */
export function Notice() {
  const notice = useAppStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => appStore.getState().dismissNotice(), notice.tone === 'error' ? 7000 : 3500);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex justify-center px-4">
      <div
        role={notice.tone === 'error' ? 'alert' : 'status'}
        data-testid="notice"
        className={`pointer-events-auto flex max-w-2xl items-start gap-3 rounded-lg px-4 py-2.5 text-sm shadow-lg ${notice.tone === 'error' ? 'bg-red-600 text-white' : 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'}`}
      >
        <span>{notice.text}</span>
        <button type="button" aria-label="Dismiss" className="opacity-70 hover:opacity-100" onClick={() => appStore.getState().dismissNotice()}>
          ✕
        </button>
      </div>
    </div>
  );
}
