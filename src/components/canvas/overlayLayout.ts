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
