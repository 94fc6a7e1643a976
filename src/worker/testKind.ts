import { z } from 'zod';
import { Model, type SimContext, type SimNode, type Timer } from '../sim/core/model.ts';
import type { ModelRegistry, ServiceKind } from '../sim/core/serviceKind.ts';

/**
 * A tiny service kind for the worker and live-data tests, so they do not depend on the real services:
 * every `intervalMs` it counts one Requests, sets Depth to (requests mod 5) and records Latency = requests.
 * A live edit of properties.intervalMs takes effect from the next tick; so does the run's traffic multiplier
 * (the interval is divided by it).
 */
class TickerModel extends Model {
  private interval: number;
  private n = 0;
  private readonly requests: number;
  private readonly depth: number;
  private readonly latency: number;
  private readonly tick: Timer<null>;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    this.interval = node.properties.intervalMs as number;
    this.requests = ctx.metrics.counter(node.id, 'Requests');
    this.depth = ctx.metrics.level(node.id, 'Depth');
    this.latency = ctx.metrics.distribution(node.id, 'Latency');
    this.tick = ctx.timer(() => this.onTick());
  }
  start(): void {
    this.tick.at(this.interval / this.ctx.trafficScale, null);
  }
  private onTick(): void {
    this.n++;
    const m = this.ctx.metrics;
    m.add(this.requests, 1);
    m.setLevel(this.depth, this.n % 5, this.ctx.now);
    m.record(this.latency, this.n);
    for (const e of this.out) this.ctx.edgeCounts[e.index]++;
    this.tick.at(this.ctx.now + this.interval / this.ctx.trafficScale, null);
  }
  update(node: SimNode): void {
    this.interval = node.properties.intervalMs as number;
  }
}

export const tickerKind: ServiceKind = {
  type: 'Test::Ticker',
  label: 'Ticker',
  shortName: 'Ticker',
  category: 'Traffic',
  description: 'test kind',
  properties: z.looseObject({ intervalMs: z.number().default(10) }),
  behaviour: z.object({}),
  emits: [{ role: 'invoke' }],
  accepts: [{ role: 'invoke', delivery: 'sync' }],
  metrics: [
    { name: 'Requests', kind: 'counter', unit: 'Count', help: 'ticks' },
    { name: 'Depth', kind: 'level', unit: 'Count', help: 'ticks mod 5' },
    { name: 'Latency', kind: 'distribution', unit: 'Milliseconds', help: 'tick number' },
  ],
  figures: ['Depth', 'Requests'],
  charts: [['Requests'], ['Depth'], ['Latency']],
  icon: { color: '#000', path: '' },
};

/** A registry of the ticker alone, for EngineRunner tests. */
export const tickerRegistry: ModelRegistry = {
  kind: () => tickerKind,
  factory: () => (ctx, node) => new TickerModel(ctx, node),
  isAsync: () => false,
};

export function tickerScenario(durationSeconds = 10, intervalMs = 10) {
  return {
    name: 'ticker',
    seed: 1,
    durationSeconds,
    settings: {
      lambdaAccountConcurrency: 1000,
      lambdaMinimumUnreserved: 100,
      lambdaScaling: 'current' as const,
      lambdaLegacyBurst: 3000,
      lambdaIdleLifetimeSeconds: 600,
      apiGatewayAccountRateLimit: 10000,
      apiGatewayAccountBurstLimit: 5000,
      maxEvents: 200_000_000,
      maxBacklog: 3_000_000,
    },
    nodes: [
      { id: 'A', type: 'Test::Ticker', properties: { intervalMs }, behaviour: {} },
      { id: 'B', type: 'Test::Ticker', properties: { intervalMs: 1000 }, behaviour: {} },
    ],
    edges: [{ from: 'A', to: 'B', role: 'invoke' as const, properties: {} }],
  };
}
