import { describe, expect, it } from 'vitest';
import { Random } from '../../core/random.ts';
import { Simulation } from '../../engine.ts';
import { scenario, series, sum, total } from '../../testing.ts';
import { clientKind } from './kind.ts';
import { KeySampler } from './keys.ts';
import type { ClientModel } from './model.ts';
import { clientProperties } from './spec.ts';
import { loadedModels } from '../registry.ts';

const FN = 'AWS::Lambda::Function';

/** Runs one client into a function that never throttles; returns the per-second Requests series. */
function requestsPerSecond(properties: Record<string, unknown>, durationSeconds: number, seed = 1): number[] {
  const sim = scenario({ durationSeconds, seed, settings: { lambdaAccountConcurrency: 100_000 } })
    .node('Users', 'Client', properties)
    .node('Fn', FN, {}, { duration: 1, coldStartMs: 0 })
    .edge('Users', 'Fn')
    .run();
  return series(sim, 'Users', 'Requests');
}
const sumRange = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((a, b) => a + b, 0);
/** |observed - expected| within 3.5 Poisson standard deviations. */
const poissonClose = (observed: number, expected: number) =>
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(3.5 * Math.sqrt(expected) + 1);

describe('Client traffic patterns', () => {
  it('constant: evenly spaced, exactly the rate, only inside its window', () => {
    expect(requestsPerSecond({ pattern: 'constant', ratePerSecond: 10 }, 10)).toEqual(Array(10).fill(10));
    // (An arrival exactly on a period boundary may be counted in the period before it: hence 2.05 s.)
    expect(requestsPerSecond({ pattern: 'constant', ratePerSecond: 10, startSeconds: 2.05, stopSeconds: 5.05 }, 8)).toEqual([
      0, 0, 10, 10, 10, 0, 0, 0,
    ]);
  });

  it('poisson: random gaps at the mean rate', () => {
    const s = requestsPerSecond({ pattern: 'poisson', ratePerSecond: 200 }, 100);
    poissonClose(sumRange(s, 0, 100), 20_000);
    expect(new Set(s).size).toBeGreaterThan(10); // not evenly spaced
  });

  it('step: the base rate, then the peak rate from atSeconds', () => {
    const s = requestsPerSecond({ pattern: 'step', ratePerSecond: 100, peakRatePerSecond: 300, atSeconds: 30 }, 60);
    poissonClose(sumRange(s, 0, 30), 3000);
    poissonClose(sumRange(s, 30, 60), 9000);
  });

  it('ramp: linear from the base to the peak over rampSeconds, then the peak', () => {
    const s = requestsPerSecond({ pattern: 'ramp', ratePerSecond: 0, peakRatePerSecond: 1000, atSeconds: 10, rampSeconds: 10 }, 30);
    expect(sumRange(s, 0, 10)).toBe(0);
    poissonClose(sumRange(s, 10, 15), 1250);
    poissonClose(sumRange(s, 15, 20), 3750);
    poissonClose(sumRange(s, 20, 30), 10_000);
  });

  it('spike: the peak rate for holdSeconds from atSeconds, the base rate around it', () => {
    const s = requestsPerSecond({ pattern: 'spike', ratePerSecond: 10, peakRatePerSecond: 1000, atSeconds: 5, holdSeconds: 3 }, 10);
    for (const k of [5, 6, 7]) poissonClose(s[k], 1000);
    poissonClose(sumRange(s, 0, 5) + sumRange(s, 8, 10), 70);
  });

  it('sine: trough at atSeconds, crest half a period later', () => {
    const s = requestsPerSecond({ pattern: 'sine', ratePerSecond: 100, peakRatePerSecond: 500, periodSeconds: 100, atSeconds: 0 }, 100);
    // Integral of 100 + 400 (1 - cos(2 pi t / 100)) / 2 over each quarter.
    const q = (100 / (2 * Math.PI)) * 400 * 0.5;
    poissonClose(sumRange(s, 0, 25), 2500 + 400 * 12.5 - q);
    poissonClose(sumRange(s, 25, 50), 2500 + 400 * 12.5 + q);
    poissonClose(sumRange(s, 50, 75), 2500 + 400 * 12.5 + q);
    poissonClose(sumRange(s, 75, 100), 2500 + 400 * 12.5 - q);
  });

  it('replay: per-second rates after startSeconds, repeated when the list runs out', () => {
    const s = requestsPerSecond({ pattern: 'replay', rates: [1000, 0, 3000], startSeconds: 1 }, 10);
    expect(s[0]).toBe(0);
    for (const k of [2, 5, 8]) expect(s[k]).toBe(0);
    for (const k of [1, 4, 7]) poissonClose(s[k], 1000);
    for (const k of [3, 6, 9]) poissonClose(s[k], 3000);
  });

  it('a live edit of the rate applies from the next event', () => {
    const build = scenario({ durationSeconds: 20 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 0.001 })
      .node('Fn', FN, {}, { duration: 1, coldStartMs: 0 })
      .edge('Users', 'Fn')
      .build();
    const sim = new Simulation(build, loadedModels());
    sim.advanceTo(10_000);
    sim.updateNode({ ...build.nodes[0], properties: { ...build.nodes[0].properties, ratePerSecond: 50 } });
    sim.run();
    expect(series(sim, 'Users', 'Requests')).toEqual([1, ...Array(9).fill(0), ...Array(10).fill(50)]);
  });
});

describe('Client requests', () => {
  it('records every answer once: Requests = Succeeded + Failed + in flight, Throttled within Failed', () => {
    const sim = scenario({ durationSeconds: 30 })
      .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 100 })
      .node('Fn', FN, { ReservedConcurrentExecutions: 5 }, { duration: 100, errorRate: 0.1 })
      .edge('Users', 'Fn')
      .run();
    const inFlight = (sim.model('Users') as ClientModel).inFlight;
    expect(sum(sim, 'Users', 'Requests')).toBe(sum(sim, 'Users', 'Succeeded') + sum(sim, 'Users', 'Failed') + inFlight);
    expect(sum(sim, 'Users', 'Throttled')).toBe(sum(sim, 'Fn', 'Throttles'));
    expect(sum(sim, 'Users', 'Failed')).toBe(sum(sim, 'Fn', 'Throttles') + sum(sim, 'Fn', 'Errors'));
    expect(total(sim, 'Users', 'Latency').SampleCount).toBe(sum(sim, 'Users', 'Succeeded') + sum(sim, 'Users', 'Failed'));
    expect(total(sim, 'Users', 'InFlight').Maximum).toBeLessThanOrEqual(5 + 1);
  });

  it("obeys Little's law: InFlight drops when the caller sees the answer, after response-path latency", () => {
    // Client -> API Gateway (20 ms overhead on every response) -> Lambda with errors and throttles. Traffic stops
    // before the end, so every request's whole time in flight is inside the run: the area under InFlight must
    // equal the sum of the latencies the client recorded.
    const sim = scenario({ durationSeconds: 120 })
      .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 300, stopSeconds: 100 })
      .node('Api', 'AWS::ApiGateway::RestApi', {}, { overheadMs: { distribution: 'constant', valueMs: 20 } })
      .node('Fn', FN, { ReservedConcurrentExecutions: 20 }, { duration: { distribution: 'exponential', meanMs: 50 }, errorRate: 0.2 })
      .edge('Users', 'Api')
      .edge('Api', 'Fn')
      .run();
    expect(sum(sim, 'Users', 'Failed')).toBeGreaterThan(1000);
    const area = (total(sim, 'Users', 'InFlight').Average) * 120_000;
    const latencies = total(sim, 'Users', 'Latency').Sum;
    expect(Math.abs(area / latencies - 1)).toBeLessThan(0.02);
  });

  it('sends each request over one edge chosen by weight, never over a weight-0 edge', () => {
    const sim = scenario({ durationSeconds: 100 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 100 })
      .node('A', FN, {}, { duration: 1 })
      .node('B', FN, {}, { duration: 1 })
      .node('Off', FN, {}, { duration: 1 })
      .edge('Users', 'A', { properties: { weight: 1 } })
      .edge('Users', 'B', { properties: { weight: 4 } })
      .edge('Users', 'Off', { properties: { weight: 0 } })
      .run();
    const a = sum(sim, 'A', 'Invocations');
    const b = sum(sim, 'B', 'Invocations');
    expect(a + b).toBeGreaterThanOrEqual(9998);
    expect(Math.abs(b / (a + b) - 0.8)).toBeLessThan(0.012); // 3 sigma over 10,000 requests
    expect(sum(sim, 'Off', 'Invocations')).toBe(0);
    expect(sim.edgeCounts[0] + sim.edgeCounts[1]).toBe(sum(sim, 'Users', 'Requests'));
    expect(sim.edgeCounts[2]).toBe(0);
  });

  it('draws keys: none, uniform, and Zipf with the right head probability', () => {
    const rng = new Random(5, 'keys');
    expect(new KeySampler({ distribution: 'none', count: 10, exponent: 1 }, rng).next()).toBe(-1);
    const uniform = new KeySampler({ distribution: 'uniform', count: 4, exponent: 1 }, rng);
    const seen = new Set(Array.from({ length: 1000 }, () => uniform.next()));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    const zipf = new KeySampler({ distribution: 'zipf', count: 100, exponent: 1 }, rng);
    const n = 100_000;
    let zeros = 0;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const k = zipf.next();
      if (k === 0) zeros++;
      if (k > max) max = k;
    }
    let h = 0;
    for (let k = 1; k <= 100; k++) h += 1 / k;
    const p = 1 / h; // 0.193
    expect(Math.abs(zeros / n - p)).toBeLessThan(3.5 * Math.sqrt((p * (1 - p)) / n));
    expect(max).toBe(99);
  });

  it('rejects bad properties with a message that names the field', () => {
    const bad = clientProperties.safeParse({ pattern: 'burst', ratePerSecond: -1 });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('pattern: must be one of constant, poisson, step, ramp, spike, sine, replay');
    expect(messages).toContain('ratePerSecond: must be 0..1,000,000 (requests/s)');
    expect(clientKind.check!({ id: 'U', type: 'Client', properties: { startSeconds: 10, stopSeconds: 5, pattern: 'replay', rates: [] }, behaviour: {} })).toEqual([
      ['properties.stopSeconds', 'must be after startSeconds'],
      ['properties.rates', 'the replay pattern needs at least one per-second rate'],
    ]);
  });
});
