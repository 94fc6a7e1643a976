import type { Edge, Node } from '@xyflow/react';
import type { EdgeRole } from '../../sim/core/model.ts';
import { positionOf, type DocEdge, type DocNode } from '../../store/doc.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../theme/sizes.ts';
import { handleForRole } from './connectionCheck.ts';

export type ServiceNodeData = { type: string };
export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;
/** `severalRoles`: AWS allows more than one role for this pair, so the canvas names the edge's role. */
export type FlowEdgeData = { index: number; role?: EdgeRole; severalRoles?: boolean };
export type ServiceFlowEdge = Edge<FlowEdgeData, 'flow'>;

/**
 * Derives React Flow nodes from the document, reusing the previous object for every node whose document
 * entry and selection did not change, so a drag re-renders only the dragged nodes.
 */
export function createNodeDeriver() {
  let cache = new Map<string, { src: DocNode; selected: boolean; rf: ServiceFlowNode }>();
  return (nodes: readonly DocNode[], selected: ReadonlySet<string>): ServiceFlowNode[] => {
    const next = new Map<string, { src: DocNode; selected: boolean; rf: ServiceFlowNode }>();
    const out = nodes.map((src) => {
      const sel = selected.has(src.id);
      const prev = cache.get(src.id);
      if (prev && prev.src === src && prev.selected === sel) {
        next.set(src.id, prev);
        return prev.rf;
      }
      const data = prev && prev.src.type === src.type ? prev.rf.data : { type: src.type };
      const rf: ServiceFlowNode = {
        id: src.id,
        type: 'service',
        position: positionOf(src),
        data,
        selected: sel,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      };
      next.set(src.id, { src, selected: sel, rf });
      return rf;
    });
    cache = next;
    return out;
  };
}

/** The document's edge id (restored documents always have one; the index form covers a bare document). */
export function edgeId(e: DocEdge, index: number): string {
  return e.id ?? `${index}:${e.from}->${e.to}`;
}

export function createEdgeDeriver() {
  let cache = new Map<string, { src: DocEdge; selected: boolean; rf: ServiceFlowEdge }>();
  return (
    edges: readonly DocEdge[],
    selected: ReadonlySet<string>,
    roleOf: (e: DocEdge) => { role: EdgeRole | undefined; severalRoles: boolean },
  ): ServiceFlowEdge[] => {
    const next = new Map<string, { src: DocEdge; selected: boolean; rf: ServiceFlowEdge }>();
    const out = edges.map((src, index) => {
      const id = edgeId(src, index);
      const sel = selected.has(id);
      const prev = cache.get(id);
      if (prev && prev.src === src && prev.selected === sel) {
        next.set(id, prev);
        return prev.rf;
      }
      const { role, severalRoles } = src.role ? { role: src.role, severalRoles: roleOf(src).severalRoles } : roleOf(src);
      const rf: ServiceFlowEdge = {
        id,
        type: 'flow',
        source: src.from,
        target: src.to,
        sourceHandle: handleForRole(role),
        targetHandle: 'in',
        selected: sel,
        data: { index, role, severalRoles },
      };
      next.set(id, { src, selected: sel, rf });
      return rf;
    });
    cache = next;
    return out;
  };
}
