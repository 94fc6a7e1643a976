import type { Frame } from '../worker/protocol.ts';
import { live } from './liveData.ts';
import { tickNow } from './ticker.ts';

/**
 * One requestAnimationFrame loop for everything that draws live data (charts): each drawer runs at an animation
 * frame when the live data changed since it last drew. Drawing has a budget per frame: once it is spent, the
 * drawers not yet brought up to date wait for the next frame, taken in turn from where the last frame stopped,
 * so that many charts redrawing at Max speed lower each chart's redraw rate instead of making one long task
 * (bench:browser counted several 50 to 110 ms frames while a run's charts redrew). Frames from the worker are
 * applied here too: the sink resolves at the next animation frame, so the worker sends at most one frame per
 * display frame.
 */
type Drawer = (version: number) => void;

/** Wall ms of drawing per animation frame; a drawer that starts within it finishes. */
export const DRAW_BUDGET_MS = 10;

// Typed here so the module also typechecks (and is testable) under Node's libs.
export const raf = (cb: () => void): number =>
  (globalThis as unknown as { requestAnimationFrame(cb: () => void): number }).requestAnimationFrame(cb);

interface Entry {
  draw: Drawer;
  /** The live data version this drawer last drew (-1: not yet). */
  drawn: number;
}
const entries: Entry[] = [];
/** Where the next frame starts looking for drawers to bring up to date. */
let turn = 0;
let rafId = 0;
let waiting: (() => void)[] = [];

function onAnimationFrame(): void {
  rafId = 0;
  const ready = waiting;
  waiting = [];
  for (const r of ready) r();
  drawWithinBudget(live.version);
  if (entries.length > 0 || waiting.length > 0) rafId = raf(onAnimationFrame);
}

function drawWithinBudget(version: number): void {
  const n = entries.length;
  const start = performance.now();
  for (let k = 0; k < n; k++) {
    const i = (turn + k) % n;
    const entry = entries[i];
    if (entry.drawn === version) continue;
    entry.drawn = version;
    entry.draw(version);
    if (performance.now() - start >= DRAW_BUDGET_MS) {
      turn = (i + 1) % n;
      return;
    }
  }
}

function ensureLoop(): void {
  if (rafId === 0) rafId = raf(onAnimationFrame);
}

/** Adds a drawer; `drawn` is the live data version it has drawn already (-1: none). */
export function addDrawer(draw: Drawer, drawn = -1): () => void {
  const entry: Entry = { draw, drawn };
  entries.push(entry);
  ensureLoop();
  return () => {
    const i = entries.indexOf(entry);
    if (i < 0) return;
    entries.splice(i, 1);
    if (turn > i) turn--;
    if (turn >= entries.length) turn = 0;
  };
}

/** Resolves at the next animation frame. */
export function nextAnimationFrame(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    ensureLoop();
  });
}

/** The worker's frame sink: store the frame, then ask for the next one at the next animation frame. */
export function receiveFrame(frame: Frame, onApplied?: (frame: Frame) => void): Promise<void> {
  if (live.apply(frame)) {
    onApplied?.(frame);
    if (frame.state !== 'running') tickNow();
  }
  return nextAnimationFrame();
}
