import { checkForRun, restoreScenario } from '../scenario/index.ts';
import type { RunToEnd } from '../sim/engine.ts';
import { spreadOut } from '../store/docOps.ts';
import type { AppStore } from '../store/index.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../theme/sizes.ts';
import { applyReference } from './applyReference.ts';
import { gradeGoal } from './gradeGoal.ts';
import type { Lesson } from './lessonFormat.ts';
import { lessonPresenterScript } from './lessonPresenterScript.ts';

/** Puts a document on the canvas as one undo step, zoomed to fit, with a loaded run reset to 0 s. */
export async function replaceDoc(store: AppStore, value: unknown): Promise<string | null> {
  const s = store.getState;
  const r = restoreScenario({ value });
  if (!r.ok) return r.message;
  const wasLoaded = s().run.status !== 'idle';
  s().pauseRun();
  s().loadDoc(spreadOut(r.doc, { width: NODE_WIDTH, height: NODE_HEIGHT }, 72));
  s().requestFit();
  if (wasLoaded) await s().resetRun();
  return null;
}

/**
 * Opens a lesson: its starting scenario replaces the canvas as one undo step (unless `keepDoc`, for a link
 * that carries its own scenario), the panel shows its text, and presenter mode gets its script.
 */
export async function openLesson(store: AppStore, lesson: Lesson, options: { keepDoc?: boolean } = {}): Promise<boolean> {
  const s = store.getState;
  if (!options.keepDoc) {
    const refused = await replaceDoc(store, lesson.scenario);
    if (refused) {
      s().notify(`The lesson "${lesson.title}" could not be opened: ${refused}`, 'error');
      return false;
    }
  }
  s().setLesson(lesson);
  s().setPresenterScript(lessonPresenterScript(lesson));
  return true;
}

export function closeLesson(store: AppStore): void {
  store.getState().setLesson(null);
  store.getState().setPresenterScript(null);
}

/** Puts the lesson's starting scenario back (one undo step) and hides the hints and the last check. */
export async function resetLesson(store: AppStore): Promise<void> {
  const s = store.getState;
  const lesson = s().lesson;
  if (!lesson) return;
  const refused = await replaceDoc(store, lesson.scenario);
  if (refused) s().notify(`The lesson could not be reset: ${refused}`, 'error');
  else {
    s().setLesson(lesson);
    s().notify(`The lesson "${lesson.title}" is back at its start (undo brings your changes back)`);
  }
}

/** Applies the lesson's reference to the current document as one undo step. */
export async function applyLessonReference(store: AppStore): Promise<boolean> {
  const s = store.getState;
  const lesson = s().lesson;
  if (!lesson) return false;
  const applied = applyReference(s().doc, lesson.reference);
  const refused = applied.ok ? await replaceDoc(store, applied.doc) : applied.message;
  if (refused) {
    s().notify(`The reference was not applied: ${refused}`, 'error');
    return false;
  }
  s().setLessonCheck({ status: 'idle' });
  s().notify('Applied the reference settings (undo takes them back). Press Check to see the goal pass.');
  return true;
}

/** Check: runs the current document to its end headlessly and grades the goal; the result goes to the panel. */
export async function checkLesson(store: AppStore, runToEnd: RunToEnd): Promise<void> {
  const s = store.getState;
  const lesson = s().lesson;
  if (!lesson || s().lessonCheck.status === 'checking') return;
  const doc = s().doc;
  const checked = checkForRun(doc);
  if (!checked.ok) {
    s().setLessonCheck({ status: 'error', message: `Fix the scenario first: ${checked.message}` });
    return;
  }
  s().setLessonCheck({ status: 'checking' });
  try {
    const result = await runToEnd(checked.sim);
    if (s().lesson !== lesson) return;
    s().setLessonCheck({ status: 'done', grade: gradeGoal(lesson.goal, result), doc, from: 'check' });
  } catch (e) {
    if (s().lesson !== lesson) return;
    s().setLessonCheck({ status: 'error', message: `The check could not run: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/**
 * Grades the open lesson's goal each time a run on the canvas finishes, as Check would: a run of the document as
 * written (no live edit, traffic x1) gives the same figures as Check's headless run of it. A run that was edited
 * live or scaled is not graded, and the panel says why. Returns the unsubscribe.
 */
export function gradeFinishedRuns(store: AppStore): () => void {
  return store.subscribe((now, before) => {
    if (now.run.status !== 'done' || before.run.status === 'done') return;
    const lesson = now.lesson;
    const doc = now.run.runDoc;
    if (!lesson || doc === null || now.lessonCheck.status === 'checking') return;
    if (now.run.notAsWritten !== null) {
      const reason = `Your run was not graded: it ran with ${now.run.notAsWritten}. Press Check to grade the scenario as written.`;
      store.getState().setLessonCheck({ status: 'ungraded', reason });
      return;
    }
    void store.getState().runResult().then((result) => {
      const s = store.getState();
      if (result === null || s.lesson !== lesson || s.run.runDoc !== doc || s.lessonCheck.status === 'checking') return;
      s.setLessonCheck({ status: 'done', grade: gradeGoal(lesson.goal, result), doc, from: 'run' });
    });
  });
}
