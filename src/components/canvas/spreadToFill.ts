import type { Rect } from './readableFit.ts';

/** The most presenter mode widens a diagram: past it, nodes look stretched rather than roomy. */
export const MAX_SPREAD = 1.5;

/**
 * How much wider presenter mode draws a diagram (its positions along x and its nodes' widths) so that it takes the
 * width a wide canvas has spare. A diagram fitted to the canvas's height leaves the width it does not need empty,
 * while presenter mode's big type cuts names short inside nodes of their usual width ("Shippin…"). 1 for a
 * diagram fitted to the canvas's width; never above MAX_SPREAD.
 */
export function spreadFactor(room: { width: number; height: number }, diagram: Rect): number {
  if (diagram.width <= 0 || diagram.height <= 0 || room.width <= 0 || room.height <= 0) return 1;
  const spare = room.width / diagram.width / (room.height / diagram.height);
  return Math.min(MAX_SPREAD, Math.max(1, spare));
}

/** Positions along x and widths multiplied by `k` from the diagram's left edge; heights and y unchanged. */
export function spreadRects<T extends { position: { x: number; y: number }; width?: number }>(items: readonly T[], k: number, left: number): T[] {
  if (k === 1) return items as T[];
  return items.map((n) => ({
    ...n,
    position: { x: left + (n.position.x - left) * k, y: n.position.y },
    ...(n.width !== undefined ? { width: n.width * k } : {}),
  }));
}
