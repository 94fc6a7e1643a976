/**
 * What the canvas exposes to commands that need the viewport (zoom to fit, add at the centre). The canvas
 * installs the real functions when it mounts; tests and the store run without one.
 */
export interface ViewBridge {
  fitView(): void;
  /** The flow coordinates at the centre of the visible canvas. */
  center(): { x: number; y: number };
  /** Pans (keeping the zoom) so the node is in view, if it is not wholly in view already. */
  showNode(id: string): void;
}

export const viewBridge: ViewBridge = {
  fitView: () => {},
  center: () => ({ x: 0, y: 0 }),
  showNode: () => {},
};

export function installViewBridge(bridge: ViewBridge): () => void {
  const previous = { ...viewBridge };
  Object.assign(viewBridge, bridge);
  return () => Object.assign(viewBridge, previous);
}
