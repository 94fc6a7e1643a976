import { describe, expect, it } from 'vitest';
import { meanOf, type DurationSpec } from './core/distributions.ts';
import { Random } from './core/random.ts';
import type { Simulation } from './engine.ts';
import type { ApiGatewayModel } from './services/apiGateway/model.ts';
import type { ClientModel } from './services/client/model.ts';
import type { LambdaModel } from './services/lambda/model.ts';
import { scenario, sum, total, type ScenarioBuilder } from './testing.ts';

const FN = 'AWS::Lambda::Function';
const API = 'AWS::ApiGateway::RestApi';

/** A random Client -> (API Gateway) -> Lambda scenario: patterns, limits, errors and cold starts vary. */
function randomScenario(index: number, seed = 1): ScenarioBuilder {
  const rng = new Random(index, 'random scenario');
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
  const b = scenario({
    seed,
    durationSeconds: 60 + rng.int(120),
    settings: { lambdaAccountConcurrency: pick([100, 200, 1000]), lambdaScaling: pick(['current', 'legacy'] as const) },
  });
  const functions: string[] = [];
  const nFunctions = 1 + rng.int(3);
  for (let i = 0; i < nFunctions; i++) {
    const id = `Fn${i}`;
    functions.push(id);
    const reserved = rng.next() < 0.5 ? { ReservedConcurrentExecutions: rng.int(40) } : {};
    const provisioned = rng.next() < 0.3 ? { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: rng.int(10) } } : {};
    const duration: DurationSpec = pick([
      { distribution: 'exponential', meanMs: 20 + rng.int(500) },
      { distribution: 'lognormal', medianMs: 50, p99Ms: 400 + rng.int(3000) },
      { distribution: 'constant', valueMs: 1 + rng.int(300) },
    ]);
    b.node(id, FN, { Timeout: 1 + rng.int(4), MemorySize: pick([128, 512, 2048]), ...reserved, ...provisioned }, {
      duration,
      coldStartMs: pick([0, 200, { distribution: 'lognormal', medianMs: 250, p99Ms: 800 }]),
      errorRate: pick([0, 0, 0.05, 0.5]),
    });
  }
  const useApi = rng.next() < 0.6;
  if (useApi) {
    b.node('Api', API, { ThrottlingRateLimit: pick([50, 500, 10_000]), ThrottlingBurstLimit: pick([10, 100, 5000]), TimeoutInMillis: pick([500, 2000, 29_000]) });
    for (const f of functions) b.edge('Api', f, { properties: { weight: 1 + rng.int(3) } });
  }
  const nClients = 1 + rng.int(2);
  for (let i = 0; i < nClients; i++) {
    const id = `Users${i}`;
    b.node(id, 'Client', {
      pattern: pick(['constant', 'poisson', 'spike', 'ramp', 'sine'] as const),
      ratePerSecond: 1 + rng.int(200),
      peakRatePerSecond: rng.int(1000),
      atSeconds: rng.int(60),
      rampSeconds: 1 + rng.int(30),
      holdSeconds: 1 + rng.int(30),
      periodSeconds: 10 + rng.int(100),
    }, { poisonRate: pick([0, 0.01]) });
    if (useApi && rng.next() < 0.7) b.edge(id, 'Api');
    else b.edge(id, pick(functions), { properties: { invocationType: rng.next() < 0.2 ? 'Event' : 'RequestResponse' } });
  }
  return b;
}

/** Sum of a counter including the period still open when the run ended. */
function running(sim: Simulation, node: string, metric: string): number {
  return sim.metrics.runningSum(sim.metrics.defs.findIndex((d) => d.node === node && d.name === metric));
}

const SCENARIOS = 24;

describe('properties of random scenarios', () => {
  for (let i = 0; i < SCENARIOS; i++) {
    it(`scenario ${i}: every request ends exactly once or is in flight; Little's law holds on every function`, () => {
      const sim = randomScenario(i).run();
      expect(sim.stopped).toBeUndefined();
      for (const m of sim.models) {
        if (m.type === 'Client') {
          const c = m as ClientModel;
          expect(running(sim, m.id, 'Requests')).toBe(running(sim, m.id, 'Succeeded') + running(sim, m.id, 'Failed') + c.inFlight);
          expect(running(sim, m.id, 'Throttled')).toBeLessThanOrEqual(running(sim, m.id, 'Failed'));
        }
        if (m.type === API) {
          // Every request the API took is answered (429, integration answer, 500, 504) or still pending.
          const api = m as ApiGatewayModel;
          const delivered = m.in.reduce((s, e) => s + sim.edgeCounts[e.index], 0);
          expect(running(sim, m.id, 'Count')).toBe(delivered);
          const forwarded = m.out.reduce((s, e) => s + sim.edgeCounts[e.index], 0);
          expect(forwarded + running(sim, m.id, '4XXError')).toBe(delivered);
          expect(api.pendingIntegrations).toBeLessThanOrEqual(forwarded);
        }
        if (m.type === FN) {
          const fn = m as LambdaModel;
          const delivered = m.in.reduce((s, e) => s + sim.edgeCounts[e.index], 0);
          // Each synchronous invocation request is throttled, has ended, or is running; each async (Event) one has
          // succeeded, been given up, or is queued or running (its attempts are counted by the async path).
          const a = fn.asyncPath.count;
          const syncThrottles = running(sim, m.id, 'Throttles') - a.throttled;
          const syncEnded = running(sim, m.id, 'Invocations') - (a.started - a.inFlight);
          expect(syncThrottles + syncEnded + fn.concurrency - a.inFlight).toBe(delivered - a.received);
          expect(a.succeeded + a.retriesExhausted + a.expired + a.rejected + a.inFlight + fn.asyncPath.queued).toBe(a.received);
          expect(fn.concurrency).toBeLessThanOrEqual(fn.concurrencyLimit);
          // Little's law on the sample path: area under ConcurrentExecutions = busy time (Init + Duration), up to the
          // invocations running at the end (each at most Timeout + the 10 s Init limit).
          const seconds = sim.now / 1000;
          const area = total(sim, m.id, 'ConcurrentExecutions').Average * seconds * 1000;
          const busy = (total(sim, m.id, 'Duration').Sum ?? 0) + (total(sim, m.id, 'InitDuration').Sum ?? 0);
          const open = (fn.concurrency + running(sim, m.id, 'Invocations') - sum(sim, m.id, 'Invocations')) * (900_000 + 10_000);
          expect(area).toBeGreaterThanOrEqual(busy - 1e-3 * busy - 1);
          expect(area).toBeLessThanOrEqual(busy + open + 1e-3 * busy + 1);
        }
      }
    });
  }

  it('mean ConcurrentExecutions = invocation rate x mean duration (Little), within sampling error', () => {
    const duration: DurationSpec = { distribution: 'lognormal', medianMs: 50, p99Ms: 400 };
    const sim = scenario({ durationSeconds: 600, seed: 3 })
      .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 200 })
      .node('Fn', FN, {}, { duration, coldStartMs: 0 })
      .edge('Users', 'Fn')
      .run();
    const rate = sum(sim, 'Fn', 'Invocations') / 600;
    const mean = meanOf(duration) / 1000; // 0.0857 s
    // 120,000 lognormal durations (cv ~1.2): the sample mean is within ~1% (3 sigma); the rate within ~1%.
    expect(Math.abs(total(sim, 'Fn', 'ConcurrentExecutions').Average / (rate * mean) - 1)).toBeLessThan(0.02);
    expect(Math.abs(total(sim, 'Fn', 'ConcurrentExecutions').Average / (200 * mean) - 1)).toBeLessThan(0.025);
  });

  it('the same seed gives a byte-identical result, another seed a different one', () => {
    const resultOf = (seed: number) => {
      const sim = randomScenario(5, seed).run();
      const { wallSeconds: _ignored, ...rest } = sim.result();
      return JSON.stringify(rest);
    };
    const first = resultOf(11);
    expect(resultOf(11)).toBe(first);
    expect(resultOf(12)).not.toBe(first);
  });
});
