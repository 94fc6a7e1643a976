import type { Lesson } from './lessonFormat.ts';

/** What presenter mode shows for a lesson: its title, the hints as steps, and its two or three charts. */
export interface LessonPresenterScript {
  title: string;
  steps: string[];
  charts: string[];
}

export function lessonPresenterScript(lesson: Lesson): LessonPresenterScript {
  return { title: lesson.title, steps: [...lesson.hints], charts: [...lesson.charts] };
}
