import type { UnconnectedStep } from '../../sim/core/serviceKind.ts';
import { findServiceKind } from '../../sim/services/registry.ts';
import type { Doc, DocNode } from '../../store/doc.ts';

const NONE: readonly UnconnectedStep[] = [];
/** Recomputed only when the node or the document's edges or nodes change (not on every drag of another node's position). */
const cache = new WeakMap<DocNode, { edges: Doc['edges']; ids: string; value: readonly UnconnectedStep[] }>();

/** The steps of a node that call a target no edge from it reaches (ServiceKind.unconnected). */
export function unconnectedSteps(doc: Doc, nodeId: string): readonly UnconnectedStep[] {
  const node = doc.nodes.find((n) => n.id === nodeId);
  const kind = node ? findServiceKind(node.type) : undefined;
  if (!node || !kind?.unconnected) return NONE;
  const ids = doc.nodes.map((n) => n.id).join('\u0000');
  const hit = cache.get(node);
  if (hit && hit.edges === doc.edges && hit.ids === ids) return hit.value;
  const targets = new Set(doc.edges.filter((e) => e.from === nodeId).map((e) => e.to));
  const found = kind.unconnected({ id: node.id, type: node.type, properties: node.properties ?? {}, behaviour: node.behaviour ?? {} }, targets, new Set(doc.nodes.map((n) => n.id)));
  const value = found.length === 0 ? NONE : found;
  cache.set(node, { edges: doc.edges, ids, value });
  return value;
}

/** One line per step for the badge's tooltip. */
export function describeUnconnected(steps: readonly UnconnectedStep[]): string {
  return steps
    .map((s) => `${s.step} calls ${s.target}, ${s.missing ? 'which is not on the canvas' : 'but no edge leads to it'}: each call fails (ResourceNotFoundException)`)
    .join('\n');
}
