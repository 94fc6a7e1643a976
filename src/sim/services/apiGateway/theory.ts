import { arrivalsOver, edgesInto } from '../../theory/arrivals.ts';
import type { KindTheory } from '../../theory/overlay.ts';

/** An API passes its callers' requests on as they come, split by a random draw: their process is its own. */
export const apiGatewayTheory: KindTheory = {
  arrivals(node, scene, seen) {
    const facts = arrivalsOver(edgesInto(node, scene), scene, seen);
    return { ...facts, assumptions: [...facts.assumptions, `${node.id} passes requests on as they come (any it throttles are not in the formula)`] };
  },
};
