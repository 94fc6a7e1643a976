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

/** The room a hint takes on screen (px), generously: "12 more →" in the hint's type. */
export const HINT_SIZE = { width: 120, height: 36 };
/** Where along its edge a hint may sit, tried in turn: the middle, then off it (fractions of the edge's length). */
const HINT_PLACES = [0.5, 0.3, 0.7, 0.15, 0.85];

/**
 * Where along its edge the hint of `side` sits (px from the canvas's top for left and right, from its left for top
 * and bottom): the first of HINT_PLACES where the hint covers no node in view, so it never hides a node's figures
 * or handles; the middle when every place would.
 */
export function hintOffset(side: Side, nodes: readonly Rect[], view: Viewport, canvas: { width: number; height: number }): number {
  const vertical = side === 'left' || side === 'right';
  const length = vertical ? canvas.height : canvas.width;
  const along = vertical ? HINT_SIZE.height : HINT_SIZE.width;
  const across = vertical ? HINT_SIZE.width : HINT_SIZE.height;
  const screen = nodes.map((n) => ({ x: view.x + n.x * view.zoom, y: view.y + n.y * view.zoom, width: n.width * view.zoom, height: n.height * view.zoom }));
  const margin = 8;
  for (const f of HINT_PLACES) {
    const mid = Math.min(length - margin - along / 2, Math.max(margin + along / 2, f * length));
    const box = vertical
      ? { x: side === 'left' ? margin : canvas.width - margin - across, y: mid - along / 2, width: across, height: along }
      : { x: mid - along / 2, y: side === 'top' ? margin : canvas.height - margin - across, width: along, height: across };
    if (!screen.some((r) => r.x < box.x + box.width && box.x < r.x + r.width && r.y < box.y + box.height && box.y < r.y + r.height)) return mid;
  }
  return length / 2;
}
