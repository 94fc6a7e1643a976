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
      <button
        type="button"
        data-testid="lessons-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Lessons: guided exercises with a goal to reach"
        aria-label="Lessons"
        onClick={() => setOpen(true)}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <CapIcon />
        <span className="hidden 2xl:inline">Lessons</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <LessonsGallery onClose={close} />
        </Suspense>
      )}
    </>
  );
}
