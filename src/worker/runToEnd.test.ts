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

  it('reports how far it got as it goes, fractions rising to 1, and slicing the run changes nothing in its result', () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../../examples/sqs-pipeline.json', import.meta.url), 'utf8'));
    const checked = validateScenario(doc);
    if (!checked.ok) throw new Error('example invalid');
    const fractions: number[] = [];
    const sliced = runToEnd(checked.sim, loadedModels(), {}, { report: (f) => fractions.push(f), everyMs: 0 });
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions.every((f, i) => f > 0 && f <= 1 && (i === 0 || f > fractions[i - 1]))).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    const whole = runToEnd(checked.sim, loadedModels());
    expect({ ...sliced, wallSeconds: 0 }).toEqual({ ...whole, wallSeconds: 0 });
  });
});
