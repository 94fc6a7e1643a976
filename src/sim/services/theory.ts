import type { SimScenario } from '../engine.ts';
import type { KindTheory, TheoryOverlay, TheoryScene } from '../theory/overlay.ts';
import { connectionBetween, findServiceKind, SERVICE_KINDS } from './registry.ts';
import { deliveryOf } from '../core/serviceKind.ts';

/** Every kind's theory (ServiceKind.theory), by type. */
export type Theories = ReadonlyMap<string, KindTheory>;

let loaded: Theories | null = null;

/** Loads every kind's theory (each a chunk of its own in the browser, fetched when the charts first need one). */
export async function loadTheories(): Promise<Theories> {
  if (loaded) return loaded;
  const kinds = SERVICE_KINDS.filter((k) => k.theory);
  const theories = await Promise.all(kinds.map((k) => k.theory!()));
  loaded = new Map(kinds.map((k, i) => [k.type, theories[i]]));
  return loaded;
}

/** The theories loadTheories() loaded, or null before it finished. */
export function loadedTheories(): Theories | null {
  return loaded;
}

type Scenario = Pick<SimScenario, 'nodes' | 'edges' | 'settings'>;

/** The scenario as the kinds' theories see it, each edge's delivery resolved from the registry. */
export function theorySceneOf(sim: Scenario, theories: Theories): TheoryScene {
  const typeOf = new Map(sim.nodes.map((n) => [n.id, n.type]));
  return {
    nodes: sim.nodes,
    settings: sim.settings,
    edges: sim.edges.map((e) => {
      const rule = connectionBetween(typeOf.get(e.from) ?? '', typeOf.get(e.to) ?? '');
      return { ...e, delivery: deliveryOf(rule?.delivery[e.role], e.properties) };
    }),
    theoryOf: (type) => theories.get(type),
    labelOf: (type) => findServiceKind(type)?.label ?? type,
  };
}

/** The theory overlay of one node of a scenario, or null where its kind has none or no formula applies there. */
export function theoryOverlayOf(sim: Scenario, nodeId: string, theories: Theories): TheoryOverlay | null {
  const node = sim.nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  return theories.get(node.type)?.overlay?.(node, theorySceneOf(sim, theories)) ?? null;
}
