/** The smallest text of the graph (counts, types, link labels) is 13 px: at this scale it is a little over 12 px on screen. */
export const MIN_READABLE_SCALE = 12.1 / 13;

interface Size {
  width: number;
  height: number;
}

/** The scale at which `content` fits in `frame` (less a margin of `margin` px), at most `max`. */
export function fitScale(content: Size, frame: Size, max: number, margin = 16): number {
  return Math.min(max, (frame.width - margin) / content.width, (frame.height - margin) / content.height);
}

/**
 * Of a graph's layouts (top to bottom, left to right), the one that fits `frame` at the largest scale, and the
 * scale to draw it at: never below MIN_READABLE_SCALE, so names and counts stay readable; `fits` says whether
 * it shows whole at that scale (otherwise the frame scrolls).
 */
export function pickLayout<T extends Size>(layouts: readonly T[], frame: Size, max = 1): { layout: T; scale: number; fits: boolean } {
  let best = layouts[0];
  let bestFit = fitScale(best, frame, max);
  for (const l of layouts.slice(1)) {
    const f = fitScale(l, frame, max);
    if (f > bestFit) [best, bestFit] = [l, f];
  }
  return { layout: best, scale: Math.max(MIN_READABLE_SCALE, bestFit), fits: bestFit >= MIN_READABLE_SCALE };
}
