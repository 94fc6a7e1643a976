import type { KindTheory } from '../../theory/overlay.ts';

/**
 * A Client's requests as an arrival process (docs/aws-behaviour.md, "Queueing facts": Erlang B and C need Poisson
 * arrivals). Requests split over several edges by a random draw per request, so each edge gets a Poisson stream too.
 */
export const clientTheory: KindTheory = {
  arrivals(node) {
    const pattern = node.properties.pattern;
    if (pattern === 'poisson') return { broken: [], assumptions: [`${node.id} sends Poisson arrivals (random gaps)`] };
    if (pattern === 'constant') {
      return {
        broken: [`${node.id} sends evenly spaced requests (constant pattern), and the formula assumes Poisson arrivals (random gaps): it would predict too many throttles and waits`],
        assumptions: [],
      };
    }
    return { broken: [], assumptions: [`${node.id}'s rate changes (${String(pattern)}): Poisson at each moment, so the line follows the smoothed measured rate and lags each change`] };
  },
};
