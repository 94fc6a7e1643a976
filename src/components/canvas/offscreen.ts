import type { Rect, Viewport } from './readableFit.ts';

export type Side = 'left' | 'right' | 'top' | 'bottom';
export const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom'];

/** Nodes not wholly in view past one edge, and the pan (screen px, along that axis) that brings the nearest in. */
export interface Offscreen {
  count: number;
  /** Added to the viewport's x (left/right) or y (top/bottom) to show the nearest hidden node whole. */
  pan: number;
}

/** How far inside the canvas edge a node revealed by a hint lands (screen px). */
export const REVEAL_MARGIN_PX = 24;

/**
 * For each edge of the canvas, the nodes that are not wholly in view beyond it (a node cut by two edges counts
 * for both), and the pan that brings the nearest of them whole into view. What the canvas hints say ("2 more").
 */
export function offscreen(nodes: readonly Rect[], view: Viewport, canvas: { width: number; height: number }): Record<Side, Offscreen> {
  const out: Record<Side, Offscreen> = {
    left: { count: 0, pan: 0 },
    right: { count: 0, pan: 0 },
    top: { count: 0, pan: 0 },
    bottom: { count: 0, pan: 0 },
  };
  if (canvas.width <= 0 || canvas.height <= 0) return out;
  const SLACK = 1;
  for (const n of nodes) {
    const left = view.x + n.x * view.zoom;
    const top = view.y + n.y * view.zoom;
    const right = left + n.width * view.zoom;
    const bottom = top + n.height * view.zoom;
    if (left < -SLACK) note(out.left, REVEAL_MARGIN_PX - left);
    if (right > canvas.width + SLACK) note(out.right, canvas.width - REVEAL_MARGIN_PX - right);
    if (top < -SLACK) note(out.top, REVEAL_MARGIN_PX - top);
    if (bottom > canvas.height + SLACK) note(out.bottom, canvas.height - REVEAL_MARGIN_PX - bottom);
  }
  return out;
}

/** Counts a hidden node; keeps the smallest pan (the nearest node) of the side. */
function note(side: Offscreen, pan: number): void {
  side.count++;
  if (side.count === 1 || Math.abs(pan) < Math.abs(side.pan)) side.pan = pan;
}
