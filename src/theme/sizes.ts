/** Canvas node size in px: generous, so names and figures read on a projector. */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 108;
export const GRID = 16;
