import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';
import type { Doc } from '../store/doc.ts';
import { GRID, NODE_HEIGHT, NODE_WIDTH } from '../theme/sizes.ts';

/**
 * Left-to-right layered layout of the whole document (dagre, loaded on first use so it stays out of the
 * initial bundle). Returns the new top-left position of every node, snapped to the grid.
 */
export async function layoutPositions(doc: Doc): Promise<Map<string, { x: number; y: number }>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: 'LR', nodesep: 48, ranksep: 96, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of doc.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of doc.edges) if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const snap = (v: number) => Math.round(v / GRID) * GRID;
  const out = new Map<string, { x: number; y: number }>();
  for (const n of doc.nodes) {
    const { x, y } = g.node(n.id);
    if (x === undefined || y === undefined) throw new Error(`auto layout: dagre gave node ${n.id} no position`);
    out.set(n.id, { x: snap(x - NODE_WIDTH / 2), y: snap(y - NODE_HEIGHT / 2) });
  }
  return out;
}
