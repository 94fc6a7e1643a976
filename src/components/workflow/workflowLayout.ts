import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';
import type { WorkflowGraph, WorkflowLink, WorkflowStep } from '../../sim/core/workflowView.ts';

/** A step box is at least this wide, and wider for a long name (up to STEP_MAX_WIDTH), so the name shows whole. */
export const STEP_WIDTH = 220;
const STEP_MAX_WIDTH = 360;
export const STEP_HEIGHT = 64;
/** Width per character of a step's name (15 px semibold) and of its type and p99 figure (13 px). */
const NAME_CHAR_PX = 8.6;
const SMALL_CHAR_PX = 7.2;
const MARKER_SIZE = 28;
const JOIN_HEIGHT = 24;
/** Link labels are cut to this many characters, about this wide each at the 13 px font. */
export const LABEL_MAX_CHARS = 32;
const LABEL_CHAR_PX = 7.2;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WorkflowLayout {
  width: number;
  height: number;
  steps: (Box & { step: WorkflowStep })[];
  groups: (Box & { id: string; label: string; depth: number })[];
  /** Each link's route, and where its label (if any) goes: dagre keeps that spot free. */
  links: { link: WorkflowLink; points: { x: number; y: number }[]; label?: { x: number; y: number } }[];
}

function stepSize(step: WorkflowStep): [number, number] {
  if (step.role === 'start' || step.role === 'end') return [MARKER_SIZE * 2.2, MARKER_SIZE];
  if (step.role === 'join') return [STEP_WIDTH * 0.7, JOIN_HEIGHT];
  // Name, type, a p99 figure ("12.3 s") and the padding between them.
  const wanted = step.label.length * NAME_CHAR_PX + (step.type.length + 7) * SMALL_CHAR_PX + 36;
  return [Math.round(Math.min(STEP_MAX_WIDTH, Math.max(STEP_WIDTH, wanted))), STEP_HEIGHT];
}

/**
 * Lays a workflow graph out top to bottom (or left to right, for a wide panel) with dagre (loaded on first use, outside the initial bundle):
 * groups are dagre clusters, so a Parallel's branches sit side by side inside its frame. Boxes are top-left
 * based; the layout is shifted so everything starts at (0, 0).
 */
export async function layoutWorkflow(graph: WorkflowGraph, direction: 'TB' | 'LR' = 'TB'): Promise<WorkflowLayout> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ compound: true, multigraph: true });
  g.setGraph({ rankdir: direction, nodesep: 28, ranksep: 36, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const group of graph.groups) g.setNode(group.id, { width: 0, height: 0 });
  for (const group of graph.groups) if (group.parent) g.setParent(group.id, group.parent);
  for (const step of graph.steps) {
    const [width, height] = stepSize(step);
    g.setNode(step.id, { width, height });
    if (step.group) g.setParent(step.id, step.group);
  }
  graph.links.forEach((link, i) => {
    const label = link.label ? { width: Math.min(LABEL_MAX_CHARS, link.label.length) * LABEL_CHAR_PX, height: 18, labelpos: 'c' as const } : {};
    g.setEdge(link.from, link.to, { minlen: 1, weight: link.kind === 'catch' ? 1 : 2, ...label }, String(i));
  });
  dagre.layout(g);

  const groupIds = new Set(graph.groups.map((x) => x.id));
  const depthOf = (id: string): number => {
    const parent = graph.groups.find((x) => x.id === id)?.parent;
    return parent ? 1 + depthOf(parent) : 0;
  };
  const box = (id: string): Box => {
    const n = g.node(id);
    if (n?.x === undefined || n.y === undefined || n.width === undefined || n.height === undefined) throw new Error(`workflow layout: dagre placed no ${id}`);
    return { x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height };
  };
  const steps = graph.steps.map((step) => ({ ...box(step.id), step }));
  const groups = graph.groups.filter((x) => groupIds.has(x.id)).map((x) => ({ ...box(x.id), id: x.id, label: x.label, depth: depthOf(x.id) }));
  const links = graph.links.map((link, i) => {
    const e = g.edge({ v: link.from, w: link.to, name: String(i) });
    const points = (e.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const at = e as { x?: number; y?: number };
    return { link, points, ...(link.label && at.x !== undefined && at.y !== undefined ? { label: { x: at.x, y: at.y } } : {}) };
  });
  const all = [...steps, ...groups];
  const minX = Math.min(...all.map((b) => b.x));
  const minY = Math.min(...all.map((b) => b.y));
  const shift = <T extends Box>(b: T): T => ({ ...b, x: b.x - minX, y: b.y - minY });
  return {
    width: Math.max(...all.map((b) => b.x + b.width)) - minX,
    height: Math.max(...all.map((b) => b.y + b.height)) - minY,
    steps: steps.map(shift),
    groups: groups.map(shift).sort((a, b) => a.depth - b.depth),
    links: links.map((l) => ({
      link: l.link,
      points: l.points.map((p: { x: number; y: number }) => ({ x: p.x - minX, y: p.y - minY })),
      ...(l.label ? { label: { x: l.label.x - minX, y: l.label.y - minY } } : {}),
    })),
  };
}
