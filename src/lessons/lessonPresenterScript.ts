import type { PresenterScript } from '../store/presenterSlice.ts';
import type { Lesson } from './lessonFormat.ts';

/** What presenter mode shows for a lesson: its title, the hints as steps, and its two or three charts. */
export function lessonPresenterScript(lesson: Lesson): PresenterScript {
  return { title: lesson.title, steps: [...lesson.hints], charts: [...lesson.charts] };
}
