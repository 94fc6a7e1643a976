/** Wall ms of chart creation per animation frame, so a dashboard of many charts never blocks a frame. */
const BUDGET_MS = 8;
const queue: (() => void)[] = [];
let scheduled = false;

function runQueue(): void {
  const start = performance.now();
  const next = (): void => {
    if (queue.length === 0 || performance.now() - start >= BUDGET_MS) {
      scheduled = false;
      schedule();
      return;
    }
    queue.shift()!();
    // A uPlot chart draws in a microtask it queued while being created: go on after that microtask, so the
    // budget counts the drawing too (counting only the creation let one task create and then draw several charts).
    queueMicrotask(next);
  };
  next();
}

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  requestAnimationFrame(() => setTimeout(runQueue, 0));
}

/** Runs `mount` in a later frame, a few per frame; the returned function cancels it if still waiting. */
export function enqueueMount(mount: () => void): () => void {
  queue.push(mount);
  schedule();
  return () => {
    const i = queue.indexOf(mount);
    if (i >= 0) queue.splice(i, 1);
  };
}
