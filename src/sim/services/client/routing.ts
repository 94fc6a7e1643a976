import type { Edge } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';

/**
 * Picks one outbound edge per request in proportion to the edge property `weight` (default 1).
 * Built once; the hot path is one uniform draw and a short scan (no draw at all with a single edge).
 */
export class WeightedRouter {
  private readonly edges: Edge[] = [];
  private cumulative = new Float64Array(0);
  private total = 0;

  constructor(private readonly rng: Random) {}

  /** (Re)reads the edges' weights; edges with weight 0 get no traffic. */
  build(edges: readonly Edge[]): void {
    this.edges.length = 0;
    const cum: number[] = [];
    let total = 0;
    for (const e of edges) {
      const w = edgeWeight(e);
      if (w <= 0) continue;
      total += w;
      this.edges.push(e);
      cum.push(total);
    }
    this.cumulative = Float64Array.from(cum);
    this.total = total;
  }

  get size(): number {
    return this.edges.length;
  }

  /** The edge for the next request, or null when there is none. */
  pick(): Edge | null {
    const n = this.edges.length;
    if (n === 0) return null;
    if (n === 1) return this.edges[0];
    const x = this.rng.next() * this.total;
    const cum = this.cumulative;
    for (let i = 0; i < n - 1; i++) if (x < cum[i]) return this.edges[i];
    return this.edges[n - 1];
  }
}

export function edgeWeight(edge: Edge): number {
  const w = edge.properties.weight;
  return typeof w === 'number' && Number.isFinite(w) ? w : 1;
}
