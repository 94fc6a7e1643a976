import { z } from 'zod';

/**
 * A lesson (docs/lessons.md): a scenario that starts in a failing state, a short text on what to watch,
 * hints revealed one by one, a goal written as checks over the run's result, and a reference that passes.
 * Lessons are static files in public/lessons/ listed by public/lessons/index.json.
 */
const LESSON_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().min(1).max(max);

export const goalCheckSchema = z.strictObject({
  /** What the check means in words: "no request is throttled". */
  label: text(200),
  /** An expression of the check language (src/lessons/check/): `Users.Throttled.Sum == 0`. */
  check: text(2000),
});

/** Node settings to merge into the starting scenario (JSON merge patch: null removes a key). */
const nodePatchSchema = z.strictObject({
  properties: z.record(z.string(), z.unknown()).optional(),
  behaviour: z.record(z.string(), z.unknown()).optional(),
});

export const referenceSchema = z.union([
  z.strictObject({
    /** What the reference changes, in words, shown with "Show reference". */
    explanation: text(1000),
    patch: z.strictObject({
      settings: z.record(z.string(), z.unknown()).optional(),
      /** By node id. */
      nodes: z.record(z.string(), nodePatchSchema).optional(),
      /** By `From->To` (the edge's ends); only its properties. */
      edges: z.record(z.string(), z.strictObject({ properties: z.record(z.string(), z.unknown()) })).optional(),
    }),
  }),
  z.strictObject({
    explanation: text(1000),
    /** A whole scenario document, for a reference that adds or removes nodes. */
    scenario: z.record(z.string(), z.unknown()),
  }),
]);

export const lessonSchema = z.strictObject({
  id: z.string().regex(LESSON_ID, 'must be lower-case words joined by "-", e.g. "reserved-concurrency"'),
  title: text(120),
  topic: text(60),
  summary: text(300),
  /** What to watch, a paragraph or two. */
  text: text(3000),
  hints: z.array(text(600)).min(1).max(8),
  goal: z.array(goalCheckSchema).min(1).max(8),
  /** The starting scenario (docs/scenario-format.md); validated by the scenario validator, not here. */
  scenario: z.record(z.string(), z.unknown()),
  reference: referenceSchema,
  /** Charts presenter mode shows: `Node.Metric`, e.g. `Users.Throttled`. */
  charts: z.array(z.string().regex(/^[A-Za-z0-9_-]+\..+$/, 'must be Node.Metric, e.g. Users.Throttled')).min(1).max(3),
});

export type Lesson = z.infer<typeof lessonSchema>;
export type LessonReference = z.infer<typeof referenceSchema>;
export type GoalCheck = z.infer<typeof goalCheckSchema>;

export const lessonIndexSchema = z.strictObject({
  lessons: z.array(
    z.strictObject({
      id: z.string().regex(LESSON_ID),
      title: text(120),
      topic: text(60),
      summary: text(300),
    }),
  ),
});

export type LessonIndex = z.infer<typeof lessonIndexSchema>;
export type LessonSummary = LessonIndex['lessons'][number];

/** Parses a lesson file; a refusal names each problem by its path: `hints[2]: ...`. */
export function parseLesson(value: unknown): { ok: true; lesson: Lesson } | { ok: false; message: string } {
  const parsed = lessonSchema.safeParse(value);
  if (parsed.success) return { ok: true, lesson: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(lesson)'}: ${i.message}`).join('; ') };
}

export function parseLessonIndex(value: unknown): { ok: true; index: LessonIndex } | { ok: false; message: string } {
  const parsed = lessonIndexSchema.safeParse(value);
  if (parsed.success) return { ok: true, index: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(index)'}: ${i.message}`).join('; ') };
}
