import type { SimScenario } from '../engine.ts';
import type { TheoryOverlay, TheoryScene } from '../theory/overlay.ts';
import { connectionBetween, findServiceKind } from './registry.ts';
import { deliveryOf } from '../core/serviceKind.ts';

/** The scenario as the kinds' theories see it, each edge's delivery resolved from the registry. */
export function theorySceneOf(sim: Pick<SimScenario, 'nodes' | 'edges' | 'settings'>): TheoryScene {
  const typeOf = new Map(sim.nodes.map((n) => [n.id, n.type]));
  return {
    nodes: sim.nodes,
    settings: sim.settings,
    edges: sim.edges.map((e) => {
      const rule = connectionBetween(typeOf.get(e.from) ?? '', typeOf.get(e.to) ?? '');
      return { ...e, delivery: deliveryOf(rule?.delivery[e.role], e.properties) };
    }),
    theoryOf: (type) => findServiceKind(type)?.theory,
    labelOf: (type) => findServiceKind(type)?.label ?? type,
  };
}

/** The theory overlay of one node of a scenario, or null where its kind has none or no formula applies there. */
export function theoryOverlayOf(sim: Pick<SimScenario, 'nodes' | 'edges' | 'settings'>, nodeId: string): TheoryOverlay | null {
  const node = sim.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  return findServiceKind(node.type)?.theory?.overlay?.(node, theorySceneOf(sim)) ?? null;
}
