import { newEdgeId, repair } from '../scenario/index.ts';
import { positionOf, type Doc, type DocEdge, type DocNode, type Section } from './doc.ts';

/**
 * Pure edits of a scenario document. Every function returns a new document (sharing unchanged parts), so
 * undo/redo is a stack of documents and React Flow objects for untouched nodes stay the same.
 */

/** Node ids are the names users see and the keys of the result; keep them identifier-like. */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export function nameProblem(doc: Doc, name: string, currentId?: string): string | null {
  if (name.trim() === '') return 'Name is required';
  if (!NAME_PATTERN.test(name)) return 'Use letters, digits, - or _ (start with a letter, at most 64)';
  if (name !== currentId && doc.nodes.some((n) => n.id === name)) return `Another node is already named ${name}`;
  return null;
}

export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const stem = base.replace(/[^A-Za-z0-9_-]/g, '').replace(/^[^A-Za-z]+/, '') || 'Node';
  if (!taken.has(stem)) return stem;
  const root = stem.replace(/\d+$/, '') || stem;
  for (let i = 2; ; i++) if (!taken.has(`${root}${i}`)) return `${root}${i}`;
}

export function getPath(obj: Record<string, unknown> | undefined, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Sets (or with `undefined` removes) a dotted path; objects left empty are removed too. */
export function setPath(
  obj: Record<string, unknown> | undefined,
  path: string,
  value: unknown,
): Record<string, unknown> | undefined {
  const [key, ...rest] = path.split('.');
  const base = { ...(obj ?? {}) };
  const next =
    rest.length === 0
      ? value
      : setPath(base[key] as Record<string, unknown> | undefined, rest.join('.'), value);
  if (next === undefined) delete base[key];
  else base[key] = next;
  return Object.keys(base).length === 0 ? undefined : base;
}

function withNode(doc: Doc, id: string, update: (n: DocNode) => DocNode): Doc {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? update(n) : n)) };
}

export function addNode(doc: Doc, type: string, baseName: string, position: { x: number; y: number }) {
  const id = uniqueName(baseName, new Set(doc.nodes.map((n) => n.id)));
  const node: DocNode = { id, type, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

export function moveNodes(doc: Doc, positions: ReadonlyMap<string, { x: number; y: number }>): Doc {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const p = positions.get(n.id);
      return p && (p.x !== n.position?.x || p.y !== n.position?.y)
        ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } }
        : n;
    }),
  };
}

export function setNodeField(doc: Doc, id: string, section: Section, path: string, value: unknown): Doc {
  return withNode(doc, id, (n) => {
    const next = { ...n, [section]: setPath(n[section], path, value) };
    if (next[section] === undefined) delete next[section];
    return next;
  });
}

/** Renames a node and every edge that names it. Returns the problem instead when the name is not allowed. */
export function renameNode(doc: Doc, from: string, to: string): { doc: Doc } | { error: string } {
  if (from === to) return { doc };
  const problem = nameProblem(doc, to, from);
  if (problem) return { error: problem };
  return {
    doc: {
      ...withNode(doc, from, (n) => ({ ...n, id: to })),
      edges: doc.edges.map((e) =>
        e.from === from || e.to === from
          ? { ...e, from: e.from === from ? to : e.from, to: e.to === from ? to : e.to }
          : e,
      ),
    },
  };
}

/** Every edge with a unique id (documents are restored with ids; this covers documents built in code). */
export function withEdgeIds(doc: Doc): Doc {
  const ids = new Set(doc.edges.map((e) => e.id));
  if (ids.size === doc.edges.length && !ids.has(undefined)) return doc;
  return { ...doc, edges: repair(doc).doc.edges };
}

/** Adds an edge (with a fresh id unless it has one); returns the document and the edge's id. */
export function addEdge(doc: Doc, edge: DocEdge): { doc: Doc; id: string | null } {
  const dup = doc.edges.some((e) => e.from === edge.from && e.to === edge.to && (e.role ?? '') === (edge.role ?? ''));
  if (dup) return { doc, id: null };
  const { id: wanted, ...rest } = edge;
  const id = wanted && !doc.edges.some((e) => e.id === wanted) ? wanted : newEdgeId(doc.edges);
  return { doc: { ...doc, edges: [...doc.edges, { id, ...rest }] }, id };
}

export function setEdgeField(doc: Doc, edgeId: string, path: string, value: unknown): Doc {
  return {
    ...doc,
    edges: doc.edges.map((e) => {
      if (e.id !== edgeId) return e;
      const next = { ...e, properties: setPath(e.properties, path, value) };
      if (next.properties === undefined) delete next.properties;
      return next;
    }),
  };
}

export function setEdgeRole(doc: Doc, edgeId: string, role: DocEdge['role']): Doc {
  return { ...doc, edges: doc.edges.map((e) => (e.id === edgeId ? { ...e, role } : e)) };
}

/** Deletes nodes (with every edge touching them) and edges by id. */
export function deleteItems(doc: Doc, nodeIds: readonly string[], edgeIds: readonly string[]): Doc {
  if (nodeIds.length === 0 && edgeIds.length === 0) return doc;
  const gone = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => !gone.has(n.id)),
    edges: doc.edges.filter((e) => !goneEdges.has(e.id ?? '') && !gone.has(e.from) && !gone.has(e.to)),
  };
}

export interface Clip {
  nodes: DocNode[];
  edges: DocEdge[];
}

/** The selected nodes and the edges between them. */
export function copyNodes(doc: Doc, nodeIds: readonly string[]): Clip {
  const ids = new Set(nodeIds);
  return {
    nodes: doc.nodes.filter((n) => ids.has(n.id)).map((n) => structuredClone(n)),
    edges: doc.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => structuredClone(e)),
  };
}

/** Pastes a clip with fresh unique names, shifted by `offset`; edges follow their renamed ends. */
export function pasteClip(doc: Doc, clip: Clip, offset: { x: number; y: number }): { doc: Doc; ids: string[] } {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  const nodes = clip.nodes.map((n) => {
    const id = uniqueName(n.id, taken);
    taken.add(id);
    rename.set(n.id, id);
    return { ...structuredClone(n), id, position: { x: positionOf(n).x + offset.x, y: positionOf(n).y + offset.y } };
  });
  const edges = [...doc.edges];
  for (const e of clip.edges) {
    if (!rename.has(e.from) || !rename.has(e.to)) continue;
    edges.push({ ...structuredClone(e), id: newEdgeId(edges), from: rename.get(e.from)!, to: rename.get(e.to)! });
  }
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges }, ids: nodes.map((n) => n.id) };
}

/**
 * Spreads node positions apart (scaling about the top-left node) when nodes sit closer than `minGap`
 * to their neighbours, so a document drawn for smaller nodes reads on the canvas. Returns the same
 * document when nothing needs to move.
 */
export function spreadOut(doc: Doc, size: { width: number; height: number }, minGap: number): Doc {
  const ps = doc.nodes.map(positionOf);
  let sx = 1;
  let sy = 1;
  for (let i = 0; i < ps.length; i++)
    for (let j = i + 1; j < ps.length; j++) {
      const dx = Math.abs(ps[i].x - ps[j].x);
      const dy = Math.abs(ps[i].y - ps[j].y);
      if (dx > 0 && dy < size.height && dx < size.width + minGap) sx = Math.max(sx, (size.width + minGap) / dx);
      if (dy > 0 && dx < size.width && dy < size.height + minGap) sy = Math.max(sy, (size.height + minGap) / dy);
    }
  if (sx === 1 && sy === 1) return doc;
  const x0 = Math.min(...ps.map((p) => p.x));
  const y0 = Math.min(...ps.map((p) => p.y));
  return {
    ...doc,
    nodes: doc.nodes.map((n, i) => ({
      ...n,
      position: { x: Math.round(x0 + (ps[i].x - x0) * sx), y: Math.round(y0 + (ps[i].y - y0) * sy) },
    })),
  };
}
