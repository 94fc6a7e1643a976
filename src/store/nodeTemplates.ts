import type { NodeTemplate, TemplateTarget } from '../sim/core/serviceKind.ts';
import { connectionRule } from '../scenario/index.ts';
import { findServiceKind } from '../sim/services/registry.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../theme/sizes.ts';
import { positionOf, type Doc, type DocEdge, type DocNode } from './doc.ts';
import { addEdge, getPath, setPath, uniqueName } from './docOps.ts';

/** What became of one target of a template: the node it calls, or why none. */
export interface TargetBinding {
  target: TemplateTarget;
  /** The node bound, or null when the canvas has none of the target's type free. */
  node: string | null;
  /** An edge from the templated node to `node` was added, or its properties set to what the template calls. */
  edge: 'added' | 'updated' | 'kept' | null;
  /** Why the target could not be bound to a node, when `node` is null or the edge was refused. */
  problem?: string;
}

/** Targets by name: a name used by several Tasks is one node. */
const uniqueTargets = (template: NodeTemplate) => [...new Map(template.targets.map((t) => [t.name, t])).values()];

/**
 * Applies a template to node `nodeId`: its properties replace the node's, and each target is bound to a node of
 * its type: the one named like it, else the one the node's property already names, else one the node already
 * has an edge to, else the first free one of the canvas. A bound target gets an edge (with the template's edge
 * properties); an unbound one keeps the template's name, so the node shows it as unconnected.
 */
export function applyTemplate(doc: Doc, nodeId: string, template: NodeTemplate): { doc: Doc; bindings: TargetBinding[] } {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`applyTemplate: no node ${nodeId}`);
  const used = new Set<string>();
  const reached = new Set(doc.edges.filter((e) => e.from === nodeId).map((e) => e.to));
  const pick = (target: TemplateTarget): DocNode | undefined => {
    const free = doc.nodes.filter((n) => n.type === target.type && n.id !== nodeId && !used.has(n.id));
    const previous = getPath(node.properties, target.property);
    return free.find((n) => n.id === target.name) ?? free.find((n) => n.id === previous) ?? free.find((n) => reached.has(n.id)) ?? free[0];
  };
  let properties: Record<string, unknown> = { ...node.properties, ...structuredClone(template.properties) };
  let next = doc;
  const bindings: TargetBinding[] = [];
  for (const target of uniqueTargets(template)) {
    const chosen = pick(target);
    if (!chosen) {
      bindings.push({ target, node: null, edge: null, problem: `no ${findServiceKind(target.type)?.label ?? target.type} on the canvas` });
      continue;
    }
    const linked = connect(next, nodeId, chosen, target);
    if ('problem' in linked) {
      bindings.push({ target, node: null, edge: null, problem: linked.problem });
      continue;
    }
    used.add(chosen.id);
    next = linked.doc;
    properties = setPath(properties, target.property, chosen.id) ?? {};
    bindings.push({ target, node: chosen.id, edge: linked.edge });
  }
  return { doc: { ...next, nodes: next.nodes.map((n) => (n.id === nodeId ? { ...n, properties } : n)) }, bindings };
}

/**
 * Adds a node for each unbound target, named as the template names it, in a column to the right of the
 * templated node, bound and connected; returns the bindings updated.
 */
export function addMissingTargets(doc: Doc, nodeId: string, bindings: readonly TargetBinding[]): { doc: Doc; bindings: TargetBinding[] } {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`addMissingTargets: no node ${nodeId}`);
  const missing = bindings.filter((b) => b.node === null);
  const at = positionOf(node);
  const rowHeight = NODE_HEIGHT + 32;
  const taken = new Set(doc.nodes.map((n) => n.id));
  let next = doc;
  let properties = node.properties;
  const out = bindings.map((b) => ({ ...b }));
  missing.forEach((b, i) => {
    const id = uniqueName(b.target.name, taken);
    taken.add(id);
    const added: DocNode = { id, type: b.target.type, position: { x: at.x + NODE_WIDTH + 120, y: Math.round(at.y + (i - (missing.length - 1) / 2) * rowHeight) } };
    const linked = connect({ ...next, nodes: [...next.nodes, added] }, nodeId, added, b.target);
    const binding = out.find((x) => x.target === b.target)!;
    if ('problem' in linked) {
      binding.problem = linked.problem;
      return;
    }
    next = linked.doc;
    properties = setPath(properties, b.target.property, id);
    Object.assign(binding, { node: id, edge: linked.edge, problem: undefined });
  });
  return { doc: { ...next, nodes: next.nodes.map((n) => (n.id === nodeId ? { ...n, properties } : n)) }, bindings: out };
}

/** An edge from `from` to `to` carrying the target's edge properties: added, or an existing one's set. */
function connect(doc: Doc, from: string, to: DocNode, target: TemplateTarget): { doc: Doc; edge: 'added' | 'updated' | 'kept' } | { problem: string } {
  const source = doc.nodes.find((n) => n.id === from)!;
  const rule = connectionRule(source.type, to.type);
  if (!rule.ok) return { problem: rule.reason };
  const existing = doc.edges.find((e) => e.from === from && e.to === to.id && (e.role ?? rule.role) === rule.role);
  if (existing) {
    const wanted = target.edge ?? {};
    if (Object.entries(wanted).every(([k, v]) => existing.properties?.[k] === v)) return { doc, edge: 'kept' };
    const edges = doc.edges.map((e) => (e === existing ? { ...e, properties: { ...e.properties, ...wanted } } : e));
    return { doc: { ...doc, edges }, edge: 'updated' };
  }
  const edge: DocEdge = { from, to: to.id, ...(rule.rule.roles.length > 1 ? { role: rule.role } : {}), ...(target.edge ? { properties: { ...target.edge } } : {}) };
  return { doc: addEdge(doc, edge).doc, edge: 'added' };
}

/**
 * Nodes that send requests with a body (a behaviour field `body`, e.g. a Client) to `nodeId`, directly or
 * through one node between (an API), and have no body set: the ones a template's input can be given to.
 */
export function bodilessSenders(doc: Doc, nodeId: string): string[] {
  const into = (id: string) => doc.edges.filter((e) => e.to === id).map((e) => e.from);
  const near = [...new Set([...into(nodeId), ...into(nodeId).flatMap(into)])];
  return near.filter((id) => {
    const n = doc.nodes.find((x) => x.id === id);
    const kind = n && findServiceKind(n.type);
    return !!kind && 'body' in kind.behaviour.shape && (n.behaviour?.body ?? null) === null;
  });
}
