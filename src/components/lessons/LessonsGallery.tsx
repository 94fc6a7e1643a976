import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { openLesson } from '../../lessons/lessonCommands.ts';
import type { LessonSummary } from '../../lessons/lessonFormat.ts';
import { lessonIndexQuery, lessonQuery } from '../../lessons/lessonSource.ts';
import { appStore } from '../../store/index.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { QueryBoundary } from '../common/QueryBoundary.tsx';

function byTopic(lessons: readonly LessonSummary[]): [string, LessonSummary[]][] {
  const groups = new Map<string, LessonSummary[]>();
  for (const l of lessons) groups.set(l.topic, [...(groups.get(l.topic) ?? []), l]);
  return [...groups];
}

/** The lessons gallery: every lesson as a card, grouped by topic, loaded when it opens (a lazy chunk). */
export function LessonsGallery({ onClose }: { onClose: () => void }) {
  return (
    <QueryBoundary>
      <LessonCards onClose={onClose} />
    </QueryBoundary>
  );
}

function LessonCards({ onClose }: { onClose: () => void }) {
  const [opening, setOpening] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const queries = useQueryClient();
  const list = useQuery(lessonIndexQuery);

  const choose = async (id: string) => {
    setOpening(id);
    setFailed(null);
    try {
      const lesson = await queries.fetchQuery(lessonQuery(id));
      if (await openLesson(appStore, lesson)) onClose();
    } catch (e) {
      setFailed(`The lesson could not be opened: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setOpening(null);
    }
  };

  return (
    <ModalDialog
      name="lessons"
      title="Lessons"
      subtitle="Each starts in a state that fails its goal: change the settings, press Check. Undo brings your own work back."
      onClose={onClose}
      panelClassName="max-h-[82vh] max-w-4xl"
    >
      <div className="overflow-y-auto px-5 py-4">
        {list.isPending && <p className="text-sm text-slate-500 dark:text-slate-400">Loading lessons…</p>}
        {(list.isError || failed) && (
          <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">
            {failed ?? `The lessons could not be loaded: ${list.error instanceof Error ? list.error.message : String(list.error)}`}
          </p>
        )}
        {list.data &&
          byTopic(list.data.lessons).map(([topic, lessons]) => (
            <section key={topic} className="mb-5 last:mb-0" aria-label={topic}>
              <h3 className="mb-2 text-xs font-bold tracking-wider text-slate-500 uppercase dark:text-slate-400">{topic}</h3>
              <ul className="grid gap-2 sm:grid-cols-2">
                {lessons.map((l) => (
                  <li key={l.id}>
                    <button
                      type="button"
                      data-testid={`lesson-card-${l.id}`}
                      disabled={opening !== null}
                      onClick={() => void choose(l.id)}
                      className="flex h-full w-full flex-col items-start gap-1 rounded-lg border border-slate-200 px-3.5 py-3 text-left hover:border-sky-400 hover:bg-sky-50 focus-visible:border-sky-500 focus-visible:outline-none disabled:opacity-60 dark:border-slate-700 dark:hover:border-sky-500 dark:hover:bg-slate-800"
                    >
                      <span className="text-[15px] font-semibold text-slate-900 dark:text-slate-50">
                        {l.title}
                        {opening === l.id && <span className="ml-2 text-sm font-normal text-slate-500">opening…</span>}
                      </span>
                      <span className="text-sm leading-snug text-slate-600 dark:text-slate-300">{l.summary}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </div>
    </ModalDialog>
  );
}
