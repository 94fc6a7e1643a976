import type { StateCreator } from 'zustand';
import type { Grade } from '../lessons/gradeGoal.ts';
import type { Lesson } from '../lessons/lessonFormat.ts';
import type { Doc } from './doc.ts';
import type { AppState } from './index.ts';

/**
 * The open lesson's last grading: running, its grade (with the document it graded, and whether Check or a
 * finished run of the canvas gave it), why a finished run could not be graded, or why Check could not run.
 */
export type LessonCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; grade: Grade; doc: Doc; from: 'check' | 'run' }
  | { status: 'ungraded'; reason: string }
  | { status: 'error'; message: string };

/** The open lesson (src/lessons/, docs/lessons.md): which hints are shown, the last Check, the reference shown. */
export interface LessonSlice {
  lesson: Lesson | null;
  hintsShown: number;
  referenceShown: boolean;
  lessonCheck: LessonCheck;
  setLesson: (lesson: Lesson | null) => void;
  showNextHint: () => void;
  setReferenceShown: (shown: boolean) => void;
  setLessonCheck: (check: LessonCheck) => void;
}

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get) => ({
  lesson: null,
  hintsShown: 0,
  referenceShown: false,
  lessonCheck: { status: 'idle' },
  setLesson(lesson) {
    set({ lesson, hintsShown: 0, referenceShown: false, lessonCheck: { status: 'idle' } });
  },
  showNextHint() {
    const { lesson, hintsShown } = get();
    if (lesson && hintsShown < lesson.hints.length) set({ hintsShown: hintsShown + 1 });
  },
  setReferenceShown(referenceShown) {
    set({ referenceShown });
  },
  setLessonCheck(lessonCheck) {
    set({ lessonCheck });
  },
});
