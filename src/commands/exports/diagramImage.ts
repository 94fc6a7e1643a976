import { getViewportForBounds } from '@xyflow/react';
import type { Doc } from '../../store/doc.ts';
import { positionOf } from '../../store/doc.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../theme/sizes.ts';

const PADDING = 40;
/** Larger diagrams are drawn smaller rather than as images too big to open. */
const MAX_SIDE = 4096;

/** The box (flow coordinates) holding every node, with room around it. */
export function diagramBounds(doc: Doc): { x: number; y: number; width: number; height: number } {
  if (doc.nodes.length === 0) return { x: 0, y: 0, width: 400, height: 200 };
  const ps = doc.nodes.map(positionOf);
  const x = Math.min(...ps.map((p) => p.x));
  const y = Math.min(...ps.map((p) => p.y));
  const right = Math.max(...ps.map((p) => p.x + NODE_WIDTH));
  const bottom = Math.max(...ps.map((p) => p.y + NODE_HEIGHT));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * The diagram as an image: the canvas's own drawing (nodes, edges, labels, icons and fonts), fitted to all
 * nodes at 1:1 scale whatever the current pan and zoom. html-to-image loads only when first used.
 */
export async function diagramImage(viewportEl: HTMLElement, doc: Doc, format: 'png' | 'svg', background: string): Promise<string> {
  const b = diagramBounds(doc);
  const scale = Math.min(1, MAX_SIDE / (b.width + 2 * PADDING), MAX_SIDE / (b.height + 2 * PADDING));
  const width = Math.ceil((b.width + 2 * PADDING) * scale);
  const height = Math.ceil((b.height + 2 * PADDING) * scale);
  const v = getViewportForBounds(b, width, height, scale, scale, 0);
  const { toPng, toSvg } = await import('html-to-image');
  const restore = inlineEdgeStrokes(viewportEl);
  try {
  const options = {
    backgroundColor: background,
    width,
    height,
    pixelRatio: format === 'png' ? 2 : 1,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})` },
  };
    return await (format === 'png' ? toPng(viewportEl, options) : toSvg(viewportEl, options));
  } finally {
    restore();
  }
}

/**
 * html-to-image copies computed styles onto HTML elements but clones SVG content as it is, so edge paths
 * (stroked by a stylesheet rule) would come out invisible: their stroke is written inline for the capture.
 */
function inlineEdgeStrokes(root: HTMLElement): () => void {
  const paths = [...root.querySelectorAll<SVGPathElement>('.react-flow__edge-path')];
  const before = paths.map((p) => p.getAttribute('style'));
  for (const p of paths) {
    const cs = getComputedStyle(p);
    p.style.stroke = cs.stroke;
    p.style.strokeWidth = cs.strokeWidth;
    p.style.strokeDasharray = cs.strokeDasharray;
  }
  return () =>
    paths.forEach((p, i) => {
      if (before[i] === null) p.removeAttribute('style');
      else p.setAttribute('style', before[i]);
    });
}
