import type { SimNode } from '../core/model.ts';
import type { ArrivalFacts, TheoryEdge, TheoryScene } from './overlay.ts';

/** Incoming edges of a node. */
export function edgesInto(node: SimNode, scene: TheoryScene): TheoryEdge[] {
  return scene.edges.filter((e) => e.to === node.id);
}

/**
 * The arrival process reaching `node` over `edges`: Poisson only when every source says its stream is Poisson
 * (a Client with random gaps, an API passing its callers' requests on). A source whose kind declares no arrivals
 * (a function's SDK calls, a topic's deliveries) breaks it: nothing vouches for its stream.
 */
export function arrivalsOver(edges: readonly TheoryEdge[], scene: TheoryScene, seen: ReadonlySet<string> = new Set()): ArrivalFacts {
  const facts: ArrivalFacts = { broken: [], assumptions: [] };
  if (edges.length === 0) facts.broken.push('nothing sends to it');
  for (const e of edges) {
    const source = scene.nodes.find((n) => n.id === e.from);
    if (!source) continue;
    const theory = scene.theoryOf(source.type);
    if (seen.has(source.id) || !theory?.arrivals) {
      facts.broken.push(`${source.id} (${scene.labelOf(source.type)}) does not send a Poisson stream the formula can vouch for`);
      continue;
    }
    const from = theory.arrivals(source, scene, new Set([...seen, source.id]));
    facts.broken.push(...from.broken);
    facts.assumptions.push(...from.assumptions);
  }
  return { broken: unique(facts.broken), assumptions: unique(facts.assumptions) };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
