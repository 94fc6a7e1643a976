import { lazy, Suspense, useCallback, useState } from 'react';

const ScalesIcon = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <path d="M4 4h7v16H4zM13 8h7v12h-7z" />
  </svg>
);

// The compare view, its store, table and chart load when the button is first pressed; B is copied as it opens.
const CompareView = lazy(() => import('./CompareView.tsx').then((m) => ({ default: m.CompareView })));

/** "Compare…": design B is a copy of the current document, edited and run beside it in a dialog. */
export function CompareMenu() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        data-testid="compare-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Compare…: copy this design as B, change it, run both on the same traffic and seed"
        aria-label="Compare…"
        onClick={() => setOpen(true)}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <ScalesIcon />
        <span className="hidden 2xl:inline">Compare…</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <CompareView onClose={close} />
        </Suspense>
      )}
    </>
  );
}
