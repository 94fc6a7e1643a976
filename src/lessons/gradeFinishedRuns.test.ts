import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadedModels } from '../sim/services/registry.ts';
import { emptyDoc } from '../store/doc.ts';
import { createAppStore, type AppStore } from '../store/index.ts';
import { setWorkerConnector } from '../store/simulationSlice.ts';
import { inProcessPort } from '../worker/inProcessPort.ts';
import { runToEnd } from '../worker/runToEnd.ts';
import { checkLesson, closeLesson, gradeFinishedRuns, openLesson } from './lessonCommands.ts';
import { parseLesson, type Lesson } from './lessonFormat.ts';

function lesson(id = 'lambda-request-rate'): Lesson {
  const parsed = parseLesson(JSON.parse(readFileSync(new URL(`../../public/lessons/${id}.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.lesson;
}

const inProcessWorker = () => inProcessPort(loadedModels());
const engine = (sim: Parameters<typeof runToEnd>[0]) => Promise.resolve(runToEnd(sim, loadedModels()));
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('a finished run on the canvas grades the open lesson', () => {
  let store: AppStore;
  let w: ReturnType<typeof inProcessWorker>;
  let stop: () => void;
  beforeEach(async () => {
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => setTimeout(() => cb(0), 0));
    w = inProcessWorker();
    setWorkerConnector(() => Promise.resolve({ port: w.port, sink: (f) => f }));
    store = createAppStore();
    store.getState().loadDoc(emptyDoc('My own work'), { resetHistory: true });
    store.getState().setRunSpeed(Infinity);
    await openLesson(store, lesson());
    stop = gradeFinishedRuns(store);
  });
  afterEach(() => {
    stop();
    vi.unstubAllGlobals();
  });

  async function runToTheEnd(): Promise<void> {
    await store.getState().startRun();
    w.pump();
    expect(store.getState().run.status).toBe('done');
    await settle();
  }

  it('with the grade Check gives for the same document, and says where it came from', async () => {
    await runToTheEnd();
    const fromRun = store.getState().lessonCheck;
    expect(fromRun).toMatchObject({ status: 'done', from: 'run', doc: store.getState().doc });
    await checkLesson(store, engine);
    const fromCheck = store.getState().lessonCheck;
    expect(fromCheck).toMatchObject({ status: 'done', from: 'check' });
    if (fromRun.status !== 'done' || fromCheck.status !== 'done') return;
    expect(fromRun.grade.pass).toBe(false);
    expect(fromRun.grade).toEqual(fromCheck.grade);
  });

  it('not a run at a traffic multiplier, and it says why', async () => {
    store.getState().setTrafficScale(0.5);
    await runToTheEnd();
    expect(store.getState().lessonCheck).toEqual({
      status: 'ungraded',
      reason: 'Your run was not graded: it ran with traffic at 0.5×. Press Check to grade the scenario as written.',
    });
  });

  it('nothing once the lesson is closed', async () => {
    closeLesson(store);
    await runToTheEnd();
    expect(store.getState()).toMatchObject({ lesson: null, lessonCheck: { status: 'idle' } });
  });
});
