import { fragmentParams, SHARE_PARAM } from '../scenario/index.ts';
import type { AppStore } from '../store/index.ts';
import type { AddressBar } from '../store/shareLinks.ts';
import { openLesson } from './lessonCommands.ts';
import type { Lesson } from './lessonFormat.ts';

/** `#lesson=<id>` opens a lesson; with `s=...` beside it, the lesson opens on the link's own scenario. */
export const LESSON_PARAM = 'lesson';

/** The fragment with `lesson` set to `id` (or removed), keeping every other parameter in its place. */
export function hashWithLesson(hash: string, id: string | null): string {
  const params = fragmentParams(hash);
  const parts: string[] = [];
  let placed = false;
  for (const [k, v] of params) {
    if (k === LESSON_PARAM) {
      if (id !== null && !placed) parts.push(`${LESSON_PARAM}=${id}`);
      placed = true;
    } else parts.push(v === '' ? k : `${k}=${v}`);
  }
  if (id !== null && !placed) parts.unshift(`${LESSON_PARAM}=${id}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/**
 * At start, after the share link (if any) was opened: a `lesson` parameter opens that lesson. Alone, its
 * starting scenario goes on top of the user's work as one undo step; beside `s=...` (a student's link, or
 * this tab reloading) the scenario already open is kept and only the lesson panel opens.
 */
export async function openLessonLinkAtStart(store: AppStore, bar: AddressBar, load: (id: string) => Promise<Lesson>): Promise<void> {
  const params = fragmentParams(bar.hash());
  const id = params.get(LESSON_PARAM);
  if (id === undefined) return;
  let lesson: Lesson;
  try {
    lesson = await load(id);
  } catch (e) {
    store.getState().notify(`This lesson link could not be opened: ${e instanceof Error ? e.message : String(e)}.`, 'error');
    bar.replaceHash(hashWithLesson(bar.hash(), null));
    return;
  }
  await openLesson(store, lesson, { keepDoc: params.has(SHARE_PARAM) });
}

/** Keeps `lesson=<id>` in the address while a lesson is open, so Copy link and a reload keep the lesson. */
export function startLessonUrlSync(store: AppStore, bar: AddressBar): () => void {
  return store.subscribe((s, prev) => {
    if (s.lesson?.id === prev.lesson?.id) return;
    bar.replaceHash(hashWithLesson(bar.hash(), s.lesson?.id ?? null));
  });
}
