/** dataTransfer type for a service dragged from the palette to the canvas. */
export const PALETTE_MIME = 'application/x-serverless-playground-service';
