import { CAPTION_PX, CAPTION_READABLE_PX, FIGURE_PX, NODE_WIDTH, READABLE_PX } from '../../theme/sizes.ts';
import type { Sides } from './overlayLayout.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The smallest zoom at which node figures are still READABLE_PX on screen and captions CAPTION_READABLE_PX. */
export const READABLE_ZOOM = Math.max(READABLE_PX / FIGURE_PX, CAPTION_READABLE_PX / CAPTION_PX);

/**
 * Zoom to fit, readable first: the whole diagram when it fits at READABLE_ZOOM or more; otherwise the diagram
 * at READABLE_ZOOM, starting where traffic enters (its left edge, and vertically its first column of nodes),
 * and the user pans to the rest. `minZoom` 0 fits everything whatever the size (presenter mode sizes its text
 * against the zoom instead).
 */
export function fitViewport(
  canvas: { width: number; height: number },
  nodes: readonly Rect[],
  padding: Sides,
  limits: { minZoom: number; maxZoom: number },
): Viewport {
  if (nodes.length === 0 || canvas.width <= 0 || canvas.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const b = boundsOf(nodes);
  const room = { width: canvas.width - padding.left - padding.right, height: canvas.height - padding.top - padding.bottom };
  const whole = Math.min(room.width / b.width, room.height / b.height);
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, whole));
  const entry = boundsOf(nodes.filter((n) => n.x < b.x + NODE_WIDTH));
  const x = place(b.x, b.width, entry.x, entry.width, zoom, padding.left, room.width);
  const y = place(b.y, b.height, entry.y, entry.height, zoom, padding.top, room.height);
  return { x, y, zoom };
}

/**
 * The translation along one axis: centred in the room when the diagram fits; otherwise centred on `focus`
 * but never leaving empty room before the diagram's start or after its end.
 */
function place(start: number, size: number, focusStart: number, focusSize: number, zoom: number, pad: number, room: number): number {
  if (size * zoom <= room) return pad + (room - size * zoom) / 2 - start * zoom;
  const centred = pad + room / 2 - (focusStart + focusSize / 2) * zoom;
  const first = pad - start * zoom; // the diagram's start at the padding
  const last = pad + room - (start + size) * zoom; // its end at the far padding
  return Math.min(first, Math.max(last, centred));
}

/** The smallest rectangle holding every one of `rects`. */
export function boundsOf(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}
