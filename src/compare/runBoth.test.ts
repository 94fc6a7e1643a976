import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../scenario/index.ts';
import type { RunOptions, SimScenario } from '../sim/engine.ts';
import { loadedModels } from '../sim/services/registry.ts';
import { setNodeField } from '../store/docOps.ts';
import { runToEnd } from '../worker/runToEnd.ts';
import { runBoth, type Design } from './runBoth.ts';

const doc = JSON.parse(readFileSync(new URL('../../examples/throttled-api.json', import.meta.url), 'utf8')) as ScenarioDoc;
const engine = (sim: SimScenario, options?: RunOptions) => Promise.resolve(runToEnd(sim, loadedModels(), options));

describe('runBoth', () => {
  it('runs A then B on A seed and duration with the same traffic multiplier', async () => {
    const docB = { ...setNodeField(doc, 'Search', 'properties', 'ReservedConcurrentExecutions', 100), seed: 99, durationSeconds: 30 };
    const seen: { design: Design; seed: number; duration: number; traffic?: number }[] = [];
    let running: Design | null = null;
    const out = await runBoth(doc, docB, (sim, options) => {
      seen.push({ design: running ?? 'A', seed: sim.seed, duration: sim.durationSeconds, traffic: options?.trafficScale });
      return engine(sim, options);
    }, 0.5, (d) => (running = d));
    expect(seen).toEqual([
      { design: 'A', seed: doc.seed, duration: doc.durationSeconds, traffic: 0.5 },
      { design: 'B', seed: doc.seed, duration: doc.durationSeconds, traffic: 0.5 },
    ]);
    if (!out.ok) throw new Error(out.message);
    expect(out.a.trafficScale).toBe(0.5);
    expect(out.b.nodes.Search.totals.Throttles.Sum).toBeLessThan(out.a.nodes.Search.totals.Throttles.Sum);
    // Half the traffic: about 250 req/s over 300 s.
    expect(out.a.nodes.Users.totals.Requests.Sum).toBeGreaterThan(0.45 * 500 * 300);
    expect(out.a.nodes.Users.totals.Requests.Sum).toBeLessThan(0.55 * 500 * 300);
  });

  it('refuses an invalid design naming it, the node and the field, and runs nothing', async () => {
    const docB = setNodeField(doc, 'Search', 'properties', 'Timeout', 5000);
    let runs = 0;
    const out = await runBoth(doc, docB, (sim, options) => (runs++, engine(sim, options)), 1);
    expect(runs).toBe(0);
    expect(out).toMatchObject({ ok: false, design: 'B' });
    expect(!out.ok && out.message).toMatch(/^Design B is not valid: Search\.properties\.Timeout: /);
  });

  it('says which design failed to run', async () => {
    const out = await runBoth(doc, doc, (sim, options) => (options?.trafficScale === 1 && sim ? Promise.reject(new Error('worker gone')) : engine(sim, options)), 1);
    expect(out).toEqual({ ok: false, design: 'A', message: 'Design A could not run: worker gone' });
  });
});
