import { raf } from '../../live/frameLoop.ts';

/** Wall ms of chart creation per animation frame, so a dashboard of many charts never blocks a frame. */
const BUDGET_MS = 8;

/** One step of a chart's mount; it may return the next step, which runs once the budget allows (a later task if spent). */
export type MountStep = () => MountStep | void;

interface Job {
  step: MountStep;
}
const queue: Job[] = [];
let scheduled = false;

function runQueue(): void {
  const start = performance.now();
  const next = (): void => {
    if (queue.length === 0 || performance.now() - start >= BUDGET_MS) {
      scheduled = false;
      schedule();
      return;
    }
    const job = queue[0];
    const more = job.step();
    // A chart finishes before the next one starts: its next step stays at the front.
    if (more) job.step = more;
    else if (queue[0] === job) queue.shift();
    // Go on after the microtasks a step queued (uPlot draws in one when it is not batched), so the budget counts
    // them too: counting only the creation once let one task create and then draw several charts.
    queueMicrotask(next);
  };
  next();
}

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  raf(() => setTimeout(runQueue, 0));
}

/**
 * Runs `mount` in a later frame, a few steps per frame (a uPlot's creation and its first drawing are each 30 to
 * 45 ms on a cold page, so they are two steps); the returned function cancels whatever has not run yet.
 */
export function enqueueMount(mount: MountStep): () => void {
  const job: Job = { step: mount };
  queue.push(job);
  schedule();
  return () => {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
  };
}
