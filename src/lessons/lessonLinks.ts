import { fragmentParams, SHARE_PARAM } from '../scenario/index.ts';
import type { AppStore } from '../store/index.ts';
import type { AddressBar } from '../store/shareLinks.ts';
import { openLesson, replaceDoc } from './lessonCommands.ts';
import type { Lesson } from './lessonFormat.ts';
import { hashWithLesson, LESSON_PARAM } from './lessonUrl.ts';

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
    notifyUnopened(store, e);
    bar.replaceHash(hashWithLesson(bar.hash(), null));
    return;
  }
  await openLesson(store, lesson, { keepDoc: params.has(SHARE_PARAM) });
}

/**
 * An embedded page (read-only, no lesson panel) given a lesson link shows the lesson's starting scenario, unless
 * the link carries a scenario of its own (`s=...`), which was opened already.
 */
export async function openLessonScenarioAtStart(store: AppStore, bar: AddressBar, load: (id: string) => Promise<Lesson>): Promise<void> {
  const params = fragmentParams(bar.hash());
  const id = params.get(LESSON_PARAM);
  if (id === undefined || params.has(SHARE_PARAM)) return;
  try {
    const refused = await replaceDoc(store, (await load(id)).scenario);
    if (refused) store.getState().notify(`The lesson's scenario could not be shown: ${refused}`, 'error');
  } catch (e) {
    notifyUnopened(store, e);
  }
}

function notifyUnopened(store: AppStore, e: unknown): void {
  store.getState().notify(`This lesson link could not be opened: ${e instanceof Error ? e.message : String(e)}.`, 'error');
}
