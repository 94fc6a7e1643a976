import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { encodeShare } from '../scenario/index.ts';
import { loadedModels } from '../sim/services/registry.ts';
import { emptyDoc } from '../store/doc.ts';
import { createAppStore, type AppStore } from '../store/index.ts';
import type { AddressBar } from '../store/shareLinks.ts';
import { runToEnd } from '../worker/runToEnd.ts';
import { applyLessonReference, checkLesson, closeLesson, openLesson, resetLesson } from './lessonCommands.ts';
import { parseLesson, type Lesson } from './lessonFormat.ts';
import { openLessonLinkAtStart, openLessonScenarioAtStart } from './lessonLinks.ts';
import { hashWithLesson, startLessonUrlSync } from './lessonUrl.ts';

function lesson(id = 'lambda-request-rate'): Lesson {
  const parsed = parseLesson(JSON.parse(readFileSync(new URL(`../../public/lessons/${id}.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.lesson;
}

/** The worker's runToEnd, called in this thread (the engine is the same). */
const engine = (sim: Parameters<typeof runToEnd>[0]) => Promise.resolve(runToEnd(sim, loadedModels()));

function storeWithOwnWork(): AppStore {
  const store = createAppStore();
  store.getState().loadDoc(emptyDoc('My own work'), { resetHistory: true });
  return store;
}

function fakeBar(hash = ''): AddressBar & { current: string } {
  const bar = { current: hash, hash: () => bar.current, replaceHash: (h: string) => void (bar.current = h), base: () => 'https://play.example/' };
  return bar;
}

describe('lesson commands', () => {
  it('opens a lesson as one undo step and shows its hints one by one', async () => {
    const store = storeWithOwnWork();
    expect(await openLesson(store, lesson())).toBe(true);
    const s = store.getState;
    expect(s().doc.name).toBe('Lesson: the request-rate quota for short functions');
    expect(s().lesson?.id).toBe('lambda-request-rate');
    expect(s().hintsShown).toBe(0);
    s().showNextHint();
    s().showNextHint();
    s().showNextHint();
    s().showNextHint();
    expect(s().hintsShown).toBe(3);
    s().undo();
    expect(s().doc.name).toBe('My own work');
  });

  it('Check fails the start with its figures, the reference is one undo step, and Check then passes', async () => {
    const store = storeWithOwnWork();
    const s = store.getState;
    await openLesson(store, lesson());
    await checkLesson(store, engine);
    const first = s().lessonCheck;
    expect(first.status).toBe('done');
    if (first.status !== 'done') return;
    expect(first.grade.pass).toBe(false);
    const throttles = first.grade.checks[0].outcome;
    expect(throttles.ok && throttles.figures[0].text).toBe('Lookup.Throttles.Sum');
    expect(throttles.ok && throttles.figures[0].value).toBeGreaterThan(1000);

    expect(await applyLessonReference(store)).toBe(true);
    expect(s().doc.nodes.find((n) => n.id === 'Lookup')?.properties?.ReservedConcurrentExecutions).toBe(50);
    expect(s().lessonCheck.status).toBe('idle');
    await checkLesson(store, engine);
    const second = s().lessonCheck;
    expect(second.status === 'done' && second.grade.pass).toBe(true);

    s().undo();
    expect(s().doc.nodes.find((n) => n.id === 'Lookup')?.properties?.ReservedConcurrentExecutions).toBe(10);
  });

  it('refuses to check a scenario with an error, naming it', async () => {
    const store = storeWithOwnWork();
    await openLesson(store, lesson());
    store.getState().setNodeField('Lookup', 'properties', 'Timeout', 5000);
    const run = vi.fn(engine);
    await checkLesson(store, run);
    expect(run).not.toHaveBeenCalled();
    expect(store.getState().lessonCheck).toEqual({ status: 'error', message: expect.stringMatching(/^Fix the scenario first: Lookup\.properties\.Timeout: must be 1\.\.900/) as string });
  });

  it('Reset lesson puts the start back as one undo step and hides hints and the last check', async () => {
    const store = storeWithOwnWork();
    const s = store.getState;
    await openLesson(store, lesson());
    await applyLessonReference(store);
    s().showNextHint();
    await resetLesson(store);
    expect(s().doc.nodes.find((n) => n.id === 'Lookup')?.properties?.ReservedConcurrentExecutions).toBe(10);
    expect(s().hintsShown).toBe(0);
    s().undo();
    expect(s().doc.nodes.find((n) => n.id === 'Lookup')?.properties?.ReservedConcurrentExecutions).toBe(50);
  });

  it('gives presenter mode the lesson script, and clears it on close', async () => {
    const store = storeWithOwnWork();
    const l = lesson();
    await openLesson(store, l);
    expect(store.getState().presenterScript).toEqual({ title: l.title, steps: l.hints, charts: l.charts });
    closeLesson(store);
    expect(store.getState().presenterScript).toBeNull();
    expect(store.getState().lesson).toBeNull();
  });
});

describe('lesson links', () => {
  it('#lesson=<id> opens the lesson with its starting scenario on top of the own work', async () => {
    const store = storeWithOwnWork();
    const load = vi.fn((id: string) => Promise.resolve(lesson(id)));
    await openLessonLinkAtStart(store, fakeBar('#lesson=hot-partition'), load);
    expect(load).toHaveBeenCalledWith('hot-partition');
    expect(store.getState().lesson?.id).toBe('hot-partition');
    expect(store.getState().doc.name).toBe('Lesson: hot partition vs high-cardinality keys');
    store.getState().undo();
    expect(store.getState().doc.name).toBe('My own work');
  });

  it('beside s=..., keeps the scenario the link opened and only opens the panel', async () => {
    const store = storeWithOwnWork();
    const value = await encodeShare({ doc: emptyDoc('A student') });
    await openLessonLinkAtStart(store, fakeBar(`#lesson=hot-partition&${value}`), (id) => Promise.resolve(lesson(id)));
    expect(store.getState().lesson?.id).toBe('hot-partition');
    expect(store.getState().doc.name).toBe('My own work');
  });

  it('embedded (no lesson panel), #lesson=<id> shows its starting scenario; beside s=... the link\'s own', async () => {
    const store = storeWithOwnWork();
    await openLessonScenarioAtStart(store, fakeBar('#lesson=hot-partition'), (id) => Promise.resolve(lesson(id)));
    expect(store.getState().doc.name).toBe('Lesson: hot partition vs high-cardinality keys');
    expect(store.getState().lesson).toBeNull();
    const kept = storeWithOwnWork();
    const value = await encodeShare({ doc: emptyDoc('A student') });
    await openLessonScenarioAtStart(kept, fakeBar(`#lesson=hot-partition&${value}`), (id) => Promise.resolve(lesson(id)));
    expect(kept.getState().doc.name).toBe('My own work');
    await openLessonScenarioAtStart(kept, fakeBar('#lesson=nope'), () => Promise.reject(new Error('there is no lesson "nope"')));
    expect(kept.getState().notice?.text).toBe('This lesson link could not be opened: there is no lesson "nope".');
  });

  it('an unknown lesson says so, opens nothing and drops the parameter', async () => {
    const store = storeWithOwnWork();
    const bar = fakeBar('#lesson=nope&embed');
    await openLessonLinkAtStart(store, bar, () => Promise.reject(new Error('there is no lesson "nope"')));
    expect(store.getState().notice?.text).toBe('This lesson link could not be opened: there is no lesson "nope".');
    expect(store.getState().lesson).toBeNull();
    expect(bar.current).toBe('#embed');
  });

  it('keeps lesson=<id> in the address while a lesson is open, beside the other parameters', async () => {
    const store = storeWithOwnWork();
    const bar = fakeBar('#s=1.abc');
    const stop = startLessonUrlSync(store, bar);
    await openLesson(store, lesson('hot-partition'));
    expect(bar.current).toBe('#lesson=hot-partition&s=1.abc');
    closeLesson(store);
    expect(bar.current).toBe('#s=1.abc');
    stop();
    expect(hashWithLesson('#embed&lesson=a', 'b')).toBe('#embed&lesson=b');
    expect(hashWithLesson('', null)).toBe('');
  });
});
