import { describe, expect, it } from 'vitest';
import { Simulation } from './engine.ts';
import { loadedModels } from './services/registry.ts';
import { scenario, series, sum } from './testing.ts';

const FN = 'AWS::Lambda::Function';
const QUEUE = 'AWS::SQS::Queue';

/** One client into a function that never throttles (so Requests counts arrivals only). */
function clientScenario(properties: Record<string, unknown>, durationSeconds: number, seed = 1) {
  return scenario({ durationSeconds, seed, settings: { lambdaAccountConcurrency: 100_000 } })
    .node('Users', 'Client', properties)
    .node('Fn', FN, {}, { duration: 1, coldStartMs: 0 })
    .edge('Users', 'Fn')
    .build();
}
const sumRange = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((a, b) => a + b, 0);
/** |observed - expected| within 3.5 Poisson standard deviations. */
const poissonClose = (observed: number, expected: number) =>
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(3.5 * Math.sqrt(expected) + 1);

describe('the traffic multiplier (a run option, never the scenario)', () => {
  it('5x traffic gives 5x the arrivals of a Poisson client, 0.1x a tenth', () => {
    const doc = clientScenario({ pattern: 'poisson', ratePerSecond: 100 }, 60);
    const at = (trafficScale: number) => {
      const sim = new Simulation(structuredClone(doc), loadedModels(), { trafficScale });
      sim.run();
      return sum(sim, 'Users', 'Requests');
    };
    poissonClose(at(1), 6000);
    poissonClose(at(5), 30_000);
    poissonClose(at(0.1), 600);
  });

  it('scales every rate of a pattern (a spike: base and peak)', () => {
    const doc = clientScenario({ pattern: 'spike', ratePerSecond: 10, peakRatePerSecond: 200, atSeconds: 10, holdSeconds: 10 }, 30);
    const sim = new Simulation(doc, loadedModels(), { trafficScale: 2 });
    sim.run();
    const s = series(sim, 'Users', 'Requests');
    poissonClose(sumRange(s, 0, 10) + sumRange(s, 20, 30), 400);
    poissonClose(sumRange(s, 10, 20), 4000);
  });

  it('a constant client at 5x sends exactly five times as many each second', () => {
    const sim = new Simulation(clientScenario({ pattern: 'constant', ratePerSecond: 10 }, 10), loadedModels(), { trafficScale: 5 });
    sim.run();
    expect(series(sim, 'Users', 'Requests')).toEqual(Array(10).fill(50));
  });

  it('a change mid-run takes effect from that instant', () => {
    const sim = new Simulation(clientScenario({ pattern: 'constant', ratePerSecond: 10 }, 40), loadedModels());
    sim.advanceTo(20_050);
    sim.setTrafficScale(5);
    sim.run();
    const s = series(sim, 'Users', 'Requests');
    expect(s.slice(0, 20)).toEqual(Array(20).fill(10));
    // Second 20: 10/s up to 20.05 s (the arrival at 20.0), then 50/s (20.06 .. 20.98: 47 arrivals).
    expect(s[20]).toBe(1 + 47);
    expect(s.slice(21)).toEqual(Array(19).fill(50));

    const poisson = new Simulation(clientScenario({ pattern: 'poisson', ratePerSecond: 100 }, 60), loadedModels());
    poisson.advanceTo(30_000);
    poisson.setTrafficScale(0.5);
    poisson.run();
    const p = series(poisson, 'Users', 'Requests');
    poissonClose(sumRange(p, 0, 30), 3000);
    poissonClose(sumRange(p, 30, 60), 1500);
  });

  it('leaves the scenario document untouched', () => {
    const doc = clientScenario({ pattern: 'poisson', ratePerSecond: 100 }, 20);
    const before = structuredClone(doc);
    const sim = new Simulation(doc, loadedModels(), { trafficScale: 10 });
    sim.advanceTo(10_000);
    sim.setTrafficScale(100);
    sim.run();
    expect(doc).toEqual(before);
    expect(sim.scenario).toEqual(before);
  });

  it('is reproducible: the same seed and multiplier give the same run', () => {
    const doc = clientScenario({ pattern: 'poisson', ratePerSecond: 50 }, 20, 7);
    const run = () => {
      const sim = new Simulation(structuredClone(doc), loadedModels(), { trafficScale: 3 });
      sim.run();
      return series(sim, 'Users', 'Requests');
    };
    expect(run()).toEqual(run());
  });

  it('does not change when a schedule fires (docs/aws-behaviour.md "EventBridge Scheduler": one invocation per firing)', () => {
    const doc = scenario({ durationSeconds: 600 })
      .node('Every minute', 'AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)' })
      .node('Jobs', QUEUE)
      .edge('Every minute', 'Jobs', { role: 'target' })
      .build();
    const invocations = (trafficScale: number) => {
      const sim = new Simulation(structuredClone(doc), loadedModels(), { trafficScale });
      sim.run();
      return sum(sim, 'Every minute', 'Invocations');
    };
    expect(invocations(5)).toBe(invocations(1));
    expect(invocations(1)).toBeGreaterThan(0);
  });

  it('refuses a multiplier outside 0.1x..100x, naming it', () => {
    const sim = new Simulation(clientScenario({ pattern: 'poisson', ratePerSecond: 1 }, 10), loadedModels());
    expect(() => sim.setTrafficScale(0)).toThrow('traffic multiplier: must be 0.1x..100x, got 0');
    expect(() => sim.setTrafficScale(101)).toThrow('got 101');
    expect(() => sim.setTrafficScale(Number.NaN)).toThrow('got NaN');
    expect(() => new Simulation(clientScenario({ pattern: 'poisson', ratePerSecond: 1 }, 10), loadedModels(), { trafficScale: 0.01 })).toThrow('got 0.01');
  });
});
