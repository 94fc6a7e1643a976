import { DialogButton } from '../common/ModalDialog.tsx';
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
      <DialogButton name="compare" label="Compare…" title="Compare…: copy this design as B, change it, run both on the same traffic and seed" icon={<ScalesIcon />} open={open} onOpen={() => setOpen(true)} />
      {open && (
        <Suspense fallback={null}>
          <CompareView onClose={close} />
        </Suspense>
      )}
    </>
  );
}
