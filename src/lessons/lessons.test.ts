import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadedModels } from '../sim/services/registry.ts';
import { applyReference } from './applyReference.ts';
import { gradeGoal, type Grade } from './gradeGoal.ts';
import { parseLesson, parseLessonIndex, type Lesson } from './lessonFormat.ts';
import { runScenarioToEnd } from './runScenario.ts';

const dir = new URL('../../public/lessons/', import.meta.url);
/** Seeds besides each lesson's own that it must grade the same with. */
const OTHER_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json');

function load(file: string): Lesson {
  const parsed = parseLesson(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
  return parsed.lesson;
}

function figures(grade: Grade): string {
  return grade.checks.map((c) => `${c.label}: ${c.outcome.ok ? `${c.outcome.pass} ${c.outcome.figures.map((f) => `${f.text}=${f.value}`).join(' ')}` : c.outcome.message}`).join('\n');
}

function grade(lesson: Lesson, doc: unknown): { grade: Grade; nodes: Record<string, string[]> } {
  const run = runScenarioToEnd(doc, loadedModels());
  if (!run.ok) throw new Error(`${lesson.id}: ${run.message}`);
  const nodes = Object.fromEntries(Object.entries(run.result.nodes).map(([id, n]) => [id, Object.keys(n.totals)]));
  return { grade: gradeGoal(lesson.goal, run.result), nodes };
}

describe('lessons', () => {
  it('has at least 14 lessons, each listed once in index.json with its own id, title, topic and summary', () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    const index = parseLessonIndex(JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')));
    if (!index.ok) throw new Error(index.message);
    const listed = index.index.lessons;
    expect(listed.map((l) => `${l.id}.json`).sort()).toEqual([...files].sort());
    for (const entry of listed) {
      const lesson = load(`${entry.id}.json`);
      expect({ id: lesson.id, title: lesson.title, topic: lesson.topic, summary: lesson.summary }).toEqual(entry);
    }
  });

  // aws-behaviour.md rows each lesson teaches are named in its text; here: the start fails, the reference passes.
  it.each(files)('%s: the starting scenario fails the goal and the reference passes it, headlessly', (file) => {
    const lesson = load(file);
    const start = grade(lesson, lesson.scenario);
    for (const c of start.grade.checks) expect(c.outcome.ok, `${file} start: ${figures(start.grade)}`).toBe(true);
    expect(start.grade.pass, `${file} start should fail:\n${figures(start.grade)}`).toBe(false);

    const applied = applyReference(lesson.scenario, lesson.reference);
    if (!applied.ok) throw new Error(`${file}: ${applied.message}`);
    const reference = grade(lesson, applied.doc);
    expect(reference.grade.pass, `${file} reference should pass:\n${figures(reference.grade)}`).toBe(true);

    for (const chart of lesson.charts) {
      const [node, ...metric] = chart.split('.');
      expect(reference.nodes[node], `${file}: chart ${chart} names no node`).toBeDefined();
      expect(reference.nodes[node], `${file}: chart ${chart} names no metric of ${node}`).toContain(metric.join('.'));
    }
  });

  // A teacher may change the seed (the inspector's Seed field): the lesson must grade the same, so no goal may hang
  // on one sample path (a reference that passes by a few requests, a threshold near the mean of a random count).
  it.each(files)('%s: the start fails and the reference passes with other seeds too', (file) => {
    const lesson = load(file);
    const applied = applyReference(lesson.scenario, lesson.reference);
    if (!applied.ok) throw new Error(`${file}: ${applied.message}`);
    for (const seed of OTHER_SEEDS) {
      const start = grade(lesson, { ...(lesson.scenario as object), seed });
      expect(start.grade.pass, `${file} start with seed ${seed} should fail:\n${figures(start.grade)}`).toBe(false);
      const reference = grade(lesson, { ...(applied.doc as object), seed });
      expect(reference.grade.pass, `${file} reference with seed ${seed} should pass:\n${figures(reference.grade)}`).toBe(true);
    }
  });
});

