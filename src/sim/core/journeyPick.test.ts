import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine.ts';
import { loadedModels } from '../services/registry.ts';
import { scenario } from '../testing.ts';
import type { Journey } from './journey.ts';
import { latency, pickJourney } from './journeyPick.ts';

const journey = (id: number, startMs: number, endMs: number, failure?: string): Journey => ({ id, source: 'Users', reason: '', startMs, endMs, hops: [], omitted: 0, ...(failure ? { failure } : {}) });

describe('picking a journey', () => {
  it('a request is the first, a failed one the first that failed, the slowest the longest end to end (the earlier on a tie)', () => {
    const js = [journey(1, 0, 100), journey(2, 10, 900), journey(3, 20, 50, 'Users got Throttled'), journey(4, 30, 920)];
    expect(pickJourney(js, 'request')).toBe(0);
    expect(pickJourney(js, 'failed')).toBe(2);
    expect(pickJourney(js, 'slowest')).toBe(1);
    expect(pickJourney([journey(1, 0, 10)], 'failed')).toBe(-1);
    expect(pickJourney([], 'slowest')).toBe(-1);
  });

  it('the same seed picks the same failed and slowest journeys', () => {
    const build = () =>
      scenario({ seed: 3, durationSeconds: 60 })
        .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 40 })
        .node('Fn', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 2 }, { duration: { distribution: 'exponential', meanMs: 60 } })
        .edge('Users', 'Fn')
        .build();
    const picks = () => {
      const sim = new Simulation(build(), loadedModels());
      sim.run();
      const js = sim.journeys();
      return (['request', 'failed', 'slowest'] as const).map((p) => js[pickJourney(js, p)]);
    };
    const [a, b] = [picks(), picks()];
    expect(a[1].failure).toBe('Users got Throttled');
    expect(latency(a[2])).toBeGreaterThanOrEqual(latency(a[0]));
    expect(b).toEqual(a);
  });
});
