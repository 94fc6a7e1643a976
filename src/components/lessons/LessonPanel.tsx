import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { applyLessonReference, checkLesson, closeLesson, gradeFinishedRuns, resetLesson } from '../../lessons/lessonCommands.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { runHeadless } from '../../worker/client.ts';
import { GoalChecks } from './GoalChecks.tsx';
import { makeRoomForLesson } from './makeRoomForLesson.ts';

const button =
  'inline-flex h-9 items-center justify-center rounded-md border border-slate-300 px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

/** The open lesson beside the canvas: what to watch, the goal with Check, hints one by one, the reference, reset. */
export function LessonPanel() {
  const { lesson, hintsShown, referenceShown, check, docNow, duration } = useAppStore(
    useShallow((s) => ({ lesson: s.lesson, hintsShown: s.hintsShown, referenceShown: s.referenceShown, check: s.lessonCheck, docNow: s.doc, duration: s.doc.durationSeconds })),
  );
  const id = lesson?.id;
  useEffect(() => gradeFinishedRuns(appStore), []);
  useEffect(() => {
    if (id) makeRoomForLesson(appStore, window.innerWidth);
  }, [id]);
  if (!lesson) return null;
  const s = appStore.getState();
  const graded = check.status === 'done' ? check.grade : null;
  const failing = graded ? graded.checks.filter((c) => !(c.outcome.ok && c.outcome.pass)).length : 0;
  return (
    <aside
      aria-label="Lesson"
      data-testid="lesson-panel"
      className="flex w-[19rem] shrink-0 flex-col border-r border-slate-200 bg-white max-md:max-h-[50%] max-md:w-full max-md:border-r-0 max-md:border-b 2xl:w-[22rem] dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="flex items-start gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="min-w-0 flex-1">
          <div className="text-xs font-bold tracking-wider text-sky-700 uppercase dark:text-sky-400">Lesson · {lesson.topic}</div>
          <h2 className="text-base leading-snug font-semibold text-slate-900 dark:text-slate-50" data-testid="lesson-title">
            {lesson.title}
          </h2>
        </div>
        <button type="button" aria-label="Close the lesson" data-testid="lesson-close" onClick={() => closeLesson(appStore)} className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800">
          ✕
        </button>
      </header>
      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-4 py-3">
        <section aria-label="Goal" className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <div className="mb-2 flex items-center justify-between gap-2">
            <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-50">Goal</h3>
            <button
              type="button"
              data-testid="lesson-check"
              disabled={check.status === 'checking'}
              onClick={() => void checkLesson(appStore, runHeadless)}
              className="inline-flex h-9 items-center rounded-md bg-sky-600 px-4 text-sm font-semibold text-white hover:bg-sky-700 disabled:opacity-60 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400"
            >
              {check.status === 'checking' ? 'Checking…' : 'Check'}
            </button>
          </div>
          {/* The verdict above the goal list: on a 720 px screen a list of three goals runs past the panel's fold. */}
          <div aria-live="polite" className="text-sm [&:not(:empty)]:mb-2">
            {check.status === 'checking' && <p className="text-slate-500 dark:text-slate-400">Running {duration ?? 600} simulated seconds to the end…</p>}
            {check.status === 'error' && (
              <p role="alert" className="text-red-700 dark:text-red-400">
                {check.message}
              </p>
            )}
            {check.status === 'ungraded' && (
              <p data-testid="lesson-ungraded" className="text-slate-600 dark:text-slate-300">
                {check.reason}
              </p>
            )}
            {graded && (
              <p data-testid="lesson-verdict" data-pass={graded.pass} className={`font-semibold ${graded.pass ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}`}>
                {graded.pass ? 'Goal met: every check passes.' : `Not yet: ${failing} of ${graded.checks.length} checks fail.`}
              </p>
            )}
            {check.status === 'done' && check.from === 'run' && <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="lesson-graded-run">Graded from your run on the canvas.</p>}
            {/* Check runs apart from the canvas, so the charts stay as they were: say how to see that run. */}
            {check.status === 'done' && check.from === 'check' && check.doc === docNow && (
              <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="lesson-graded-check">
                Checked with a run of its own, flat out. Press <strong>Run</strong> to watch the scenario on the charts; a run on the canvas is graded too when it ends.
              </p>
            )}
            {check.status === 'done' && check.doc !== docNow && <p className="text-xs text-amber-700 dark:text-amber-400">You changed the scenario since this check; press Check again.</p>}
          </div>
          <GoalChecks goal={lesson.goal} graded={graded?.checks ?? null} />
        </section>

        <section aria-label="What to watch">
          <h3 className="mb-1 text-sm font-semibold text-slate-900 dark:text-slate-50">What to watch</h3>
          <p className="text-sm leading-relaxed text-slate-700 dark:text-slate-300">{lesson.text}</p>
        </section>

        <section aria-label="Hints">
          {lesson.hints.slice(0, hintsShown).map((h, i) => (
            <p key={i} data-testid={`lesson-hint-${i}`} className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm [overflow-wrap:anywhere] text-slate-800 dark:bg-amber-950/40 dark:text-amber-100">
              <span className="font-semibold">Hint {i + 1}.</span> {h}
            </p>
          ))}
          {hintsShown < lesson.hints.length && (
            <button type="button" data-testid="lesson-next-hint" className={button} onClick={() => s.showNextHint()}>
              Show next hint ({hintsShown + 1} of {lesson.hints.length})
            </button>
          )}
        </section>

        <section aria-label="Reference">
          {!referenceShown ? (
            <button type="button" data-testid="lesson-show-reference" className={button} onClick={() => s.setReferenceShown(true)}>
              Show reference
            </button>
          ) : (
            <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <p className="mb-2 text-sm text-slate-700 dark:text-slate-300" data-testid="lesson-reference">
                <span className="font-semibold">Reference.</span> {lesson.reference.explanation}
              </p>
              <button type="button" data-testid="lesson-apply-reference" className={button} onClick={() => void applyLessonReference(appStore)}>
                Apply reference
              </button>
            </div>
          )}
        </section>

        <div className="border-t border-slate-200 pt-3 dark:border-slate-800">
          <button type="button" data-testid="lesson-reset" className={button} onClick={() => void resetLesson(appStore)}>
            Reset lesson
          </button>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Puts the starting scenario back; undo brings your changes back.</p>
        </div>
      </div>
    </aside>
  );
}
