import type { Frame } from '../worker/protocol.ts';
import { live } from './liveData.ts';

/**
 * One requestAnimationFrame loop for everything that draws live data (charts): each drawer runs once per
 * animation frame, only when the live data changed. Frames from the worker are applied here too: the
 * sink resolves at the next animation frame, so the worker sends at most one frame per display frame.
 */
type Drawer = (version: number) => void;
// Typed here so the module also typechecks (and is testable) under Node's libs.
const raf = (cb: () => void): number =>
  (globalThis as unknown as { requestAnimationFrame(cb: () => void): number }).requestAnimationFrame(cb);
const drawers = new Set<Drawer>();
let drawn = -1;
let rafId = 0;
let waiting: (() => void)[] = [];

function onAnimationFrame(): void {
  rafId = 0;
  const ready = waiting;
  waiting = [];
  for (const r of ready) r();
  if (live.version !== drawn) {
    drawn = live.version;
    for (const d of drawers) d(drawn);
  }
  if (drawers.size > 0 || waiting.length > 0) rafId = raf(onAnimationFrame);
}

function ensureLoop(): void {
  if (rafId === 0) rafId = raf(onAnimationFrame);
}

export function addDrawer(d: Drawer): () => void {
  drawers.add(d);
  drawn = -1;
  ensureLoop();
  return () => drawers.delete(d);
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
  if (live.apply(frame)) onApplied?.(frame);
  return nextAnimationFrame();
}
