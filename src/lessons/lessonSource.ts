/// <reference types="vite/client" />
import { parseLesson, parseLessonIndex, type Lesson, type LessonIndex } from './lessonFormat.ts';

/** Lesson files are static: public/lessons/index.json and public/lessons/<id>.json, served beside the app. */
const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type FetchText = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

function lessonsBase(): string {
  return `${import.meta.env?.BASE_URL ?? '/'}lessons/`;
}

export async function fetchLessonIndex(fetchFn: FetchText = fetch): Promise<LessonIndex> {
  const response = await fetchFn(`${lessonsBase()}index.json`);
  if (!response.ok) throw new Error(`the list of lessons could not be loaded (HTTP ${response.status})`);
  const parsed = parseLessonIndex(await response.json());
  if (!parsed.ok) throw new Error(`the list of lessons is damaged: ${parsed.message}`);
  return parsed.index;
}

/** The lesson `id`; a refusal says in words what is wrong (an unknown id, a damaged file). */
export async function fetchLesson(id: string, fetchFn: FetchText = fetch): Promise<Lesson> {
  if (!LESSON_ID.test(id)) throw new Error(`"${id.slice(0, 60)}" is not a lesson name (lower-case words joined by "-")`);
  const response = await fetchFn(`${lessonsBase()}${id}.json`);
  if (response.status === 404) throw new Error(`there is no lesson "${id}"`);
  if (!response.ok) throw new Error(`lesson "${id}" could not be loaded (HTTP ${response.status})`);
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw new Error(`there is no lesson "${id}"`); // a dev server answers unknown paths with the app's HTML
  }
  const parsed = parseLesson(value);
  if (!parsed.ok) throw new Error(`lesson "${id}" is damaged: ${parsed.message}`);
  if (parsed.lesson.id !== id) throw new Error(`lesson file "${id}" holds the lesson "${parsed.lesson.id}"`);
  return parsed.lesson;
}

/** react-query options, so the gallery and the lesson links share one cache. */
export const lessonIndexQuery = { queryKey: ['lessons'] as const, queryFn: () => fetchLessonIndex(), staleTime: Infinity };
export const lessonQuery = (id: string) => ({ queryKey: ['lesson', id] as const, queryFn: () => fetchLesson(id), staleTime: Infinity });
