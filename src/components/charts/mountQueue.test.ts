import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fake clock, animation frames and timers: steps "take" time by advancing the clock. */
let now = 0;
let frames: (() => void)[] = [];
let timers: (() => void)[] = [];
/** Runs one animation frame and the task it schedules; microtasks run before the next task, as in a browser. */
async function nextTask(): Promise<void> {
  const due = frames;
  frames = [];
  for (const f of due) f();
  const tasks = timers;
  timers = [];
  for (const t of tasks) {
    t();
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
  }
}

describe('chart mount queue', () => {
  beforeEach(() => {
    vi.resetModules();
    now = 0;
    frames = [];
    timers = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('setTimeout', (cb: () => void) => timers.push(cb));
    vi.spyOn(performance, 'now').mockImplementation(() => now);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  /** A chart whose creation and first drawing each take `costMs`, logging the task each ran in. */
  function chart(name: string, costMs: number, log: string[], task: { n: number }) {
    return () => {
      log.push(`${name} create @${task.n}`);
      now += costMs;
      return () => {
        log.push(`${name} draw @${task.n}`);
        now += costMs;
      };
    };
  }

  it('runs a slow chart creation and its first drawing in separate tasks, one chart at a time', async () => {
    const { enqueueMount } = await import('./mountQueue.ts');
    const log: string[] = [];
    const task = { n: 0 };
    enqueueMount(chart('a', 30, log, task));
    enqueueMount(chart('b', 30, log, task));
    for (task.n = 1; task.n <= 6; task.n++) await nextTask();
    expect(log).toEqual(['a create @1', 'a draw @2', 'b create @3', 'b draw @4']);
  });

  it('runs quick steps of several charts in one task within the budget', async () => {
    const { enqueueMount } = await import('./mountQueue.ts');
    const log: string[] = [];
    const task = { n: 0 };
    for (const name of ['a', 'b', 'c']) enqueueMount(chart(name, 1, log, task));
    task.n = 1;
    await nextTask();
    expect(log).toEqual(['a create @1', 'a draw @1', 'b create @1', 'b draw @1', 'c create @1', 'c draw @1']);
  });

  it('a chart cancelled between its creation and its drawing is never drawn', async () => {
    const { enqueueMount } = await import('./mountQueue.ts');
    const log: string[] = [];
    const task = { n: 0 };
    const cancel = enqueueMount(chart('a', 30, log, task));
    enqueueMount(chart('b', 30, log, task));
    task.n = 1;
    await nextTask();
    cancel();
    for (task.n = 2; task.n <= 5; task.n++) await nextTask();
    expect(log).toEqual(['a create @1', 'b create @2', 'b draw @3']);
  });
});
