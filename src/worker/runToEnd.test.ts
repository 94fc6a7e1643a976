import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/index.ts';
import { Simulation } from '../sim/engine.ts';
import { loadedModels } from '../sim/services/registry.ts';
import { runToEnd } from './runToEnd.ts';

describe('runToEnd', () => {
  it('runs the whole scenario and returns the same result as the headless runner, leaving its input as it was', () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../../examples/throttled-api.json', import.meta.url), 'utf8'));
    const checked = validateScenario(doc);
    if (!checked.ok) throw new Error('example invalid');
    const before = structuredClone(checked.sim);
    const result = runToEnd(checked.sim, loadedModels());
    expect(checked.sim).toEqual(before);
    expect(result.simulatedSeconds).toBe(checked.sim.durationSeconds);

    const cli = new Simulation(structuredClone(checked.sim), loadedModels());
    cli.run();
    expect({ ...result, wallSeconds: 0 }).toEqual({ ...cli.result(), wallSeconds: 0 });
    expect(result.nodes.Search.totals.Throttles.Sum).toBeGreaterThan(0);
  });
});
