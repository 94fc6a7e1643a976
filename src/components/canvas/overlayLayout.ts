/**
 * Which canvas overlays fit. The zoom controls sit bottom-left and the minimap bottom-right (React Flow's
 * panels, 15 px from the edges); the minimap is shown only when it leaves room for both the controls beside
 * it and some canvas above it, so nothing overlaps at any panel size.
 */
export const MINIMAP = { width: 168, height: 112 };
const MARGIN = 15;
const CONTROLS = { width: 32, height: 92 };
/** Canvas left free above the minimap, so it never covers most of a short canvas. */
const FREE_ABOVE = 160;
const GAP = 24;

export function minimapFits(canvas: { width: number; height: number }): boolean {
  const wide = canvas.width >= MARGIN + CONTROLS.width + GAP + MINIMAP.width + MARGIN;
  const tall = canvas.height >= MINIMAP.height + 2 * MARGIN + FREE_ABOVE;
  return wide && tall;
}

/** Whether the zoom controls fit inside the canvas with their margins. */
export function controlsFit(canvas: { width: number; height: number }): boolean {
  return canvas.height >= CONTROLS.height + 2 * MARGIN;
}

export interface Sides {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Room around a fitted diagram: the zoom controls are on the left. */
export const FIT_PADDING: Sides = { top: 28, right: 28, bottom: 28, left: 64 };

/**
 * Padding for zoom-to-fit that keeps the diagram out from under the minimap when it is shown: room for it on
 * the right or at the bottom, whichever leaves the diagram the larger zoom (a wide diagram on a wide canvas
 * gives up a little height, a tall one a little width). A diagram that the minimap's room would make too small
 * to read (below `minZoom`) gets the whole canvas instead, and the minimap waits (hasMinimapRoom) until the
 * user pans or zooms; and when such a diagram, centred vertically, passes above the zoom controls (bottom
 * left), it need not keep clear of them on the left either: three nodes that just fit a projector's canvas
 * are shown whole rather than cut off at the right.
 */
export function fitPadding(canvas: { width: number; height: number }, diagram: { width: number; height: number }, minZoom = 0): Sides {
  if (diagram.width <= 0 || diagram.height <= 0) return FIT_PADDING;
  const zoom = (p: Sides) => Math.min((canvas.width - p.left - p.right) / diagram.width, (canvas.height - p.top - p.bottom) / diagram.height);
  if (minimapFits(canvas)) {
    const right = { ...FIT_PADDING, right: MINIMAP.width + 2 * MARGIN };
    const bottom = { ...FIT_PADDING, bottom: MINIMAP.height + 2 * MARGIN };
    if (Math.max(zoom(right), zoom(bottom)) >= minZoom) return zoom(right) >= zoom(bottom) ? right : bottom;
  }
  if (zoom(FIT_PADDING) >= minZoom) return FIT_PADDING;
  const narrow = { ...FIT_PADDING, left: FIT_PADDING.right };
  const height = diagram.height * Math.max(minZoom, zoom(narrow));
  const below = (canvas.height - height) / 2;
  return below >= CONTROLS.height + 2 * MARGIN ? narrow : FIT_PADDING;
}

/** Whether a fit with `padding` left the minimap room of its own. */
export function hasMinimapRoom(padding: Sides): boolean {
  return padding.right > FIT_PADDING.right || padding.bottom > FIT_PADDING.bottom;
}

/** Whether a diagram of `diagram`'s size at `zoom` is larger than the canvas's room inside `padding`. */
export function overflows(diagram: { width: number; height: number }, zoom: number, canvas: { width: number; height: number }, padding: Sides): boolean {
  const SLACK = 1;
  return diagram.width * zoom > canvas.width - padding.left - padding.right + SLACK || diagram.height * zoom > canvas.height - padding.top - padding.bottom + SLACK;
}
