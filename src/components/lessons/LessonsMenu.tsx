import { DialogButton } from '../common/ModalDialog.tsx';
import { lazy, Suspense, useCallback, useState } from 'react';

const CapIcon = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <path d="M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6" />
  </svg>
);

// The gallery, the lesson format and the check language load when the button is first pressed.
const LessonsGallery = lazy(() => import('./LessonsGallery.tsx').then((m) => ({ default: m.LessonsGallery })));

/** The "Lessons" button; its gallery opens in a dialog. */
export function LessonsMenu() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <DialogButton name="lessons" label="Lessons" title="Lessons: guided exercises with a goal to reach" icon={<CapIcon />} open={open} onOpen={() => setOpen(true)} />
      {open && (
        <Suspense fallback={null}>
          <LessonsGallery onClose={close} />
        </Suspense>
      )}
    </>
  );
}
