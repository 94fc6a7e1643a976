/** Canvas node size in px: generous, so names and figures read on a projector. */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 108;
export const GRID = 16;
/** A node figure's type size in canvas px (ServiceNode's `service-node__figure`, text-[15px]). */
export const FIGURE_PX = 15;
/** The smallest on-screen size a figure may have after zoom to fit (issue 10: 12 px at 1280x720). */
export const READABLE_PX = 12;
/**
 * The type size of the small text on the canvas in canvas px: a figure's caption (`service-node__label`), a
 * node's kind, its badges and the edges' rate labels (all text-xs).
 */
export const CAPTION_PX = 12;
/** The smallest on-screen size a caption may have after zoom to fit: a step below the figures, still legible. */
export const CAPTION_READABLE_PX = 11;
