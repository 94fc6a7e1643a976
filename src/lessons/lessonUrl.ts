import { fragmentParams } from '../scenario/index.ts';
import type { AppStore } from '../store/index.ts';
import type { AddressBar } from '../store/shareLinks.ts';

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

/** Keeps `lesson=<id>` in the address while a lesson is open, so Copy link and a reload keep the lesson. */
export function startLessonUrlSync(store: AppStore, bar: AddressBar): () => void {
  return store.subscribe((s, prev) => {
    if (s.lesson?.id === prev.lesson?.id) return;
    bar.replaceHash(hashWithLesson(bar.hash(), s.lesson?.id ?? null));
  });
}
