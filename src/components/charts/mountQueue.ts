/** Wall ms of chart creation per animation frame, so a dashboard of many charts never blocks a frame. */
const BUDGET_MS = 8;
const queue: (() => void)[] = [];
let scheduled = false;

function runQueue(): void {
  scheduled = false;
  const start = performance.now();
  while (queue.length > 0 && performance.now() - start < BUDGET_MS) queue.shift()!();
  schedule();
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
