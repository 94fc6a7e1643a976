import { lazy, Suspense, useCallback, useState } from 'react';
import { DialogButton } from '../common/ModalDialog.tsx';

const BookIcon = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2zM4 21V5M8 7h7" />
  </svg>
);

// The dialog and react-query load when the button is first pressed.
const ExamplesDialog = lazy(() => import('./ExamplesDialog.tsx').then((m) => ({ default: m.ExamplesDialog })));

/** The "Examples" button and its dialog. */
export function ExamplesMenu() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <DialogButton name="examples" label="Examples" title="Examples: open a ready-made architecture" icon={<BookIcon />} open={open} onOpen={() => setOpen(true)} />
      {open && (
        <Suspense fallback={null}>
          <ExamplesDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
