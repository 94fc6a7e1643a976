import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../scenario/index.ts';
import type { RunOptions, SimScenario } from '../sim/engine.ts';
import { loadedModels } from '../sim/services/registry.ts';
import { createAppStore } from '../store/index.ts';
import { runToEnd } from '../worker/runToEnd.ts';
import { createCompareStore } from './compareStore.ts';

const engine = (sim: SimScenario, options?: RunOptions) => Promise.resolve(runToEnd(sim, loadedModels(), options));

function appWithExample() {
  const app = createAppStore();
  app.getState().loadDoc(JSON.parse(readFileSync(new URL('../../examples/throttled-api.json', import.meta.url), 'utf8')) as ScenarioDoc);
  app.getState().setNodeField('Search', 'properties', 'ReservedConcurrentExecutions', 10);
  return app;
}

describe('compare store', () => {
  it('edits B apart from the main document and its undo history, and runs both', async () => {
    const app = appWithExample();
    const before = app.getState().doc;
    const compare = createCompareStore();
    compare.getState().open(app.getState().doc);
    compare.getState().setBField('Search', 'properties', 'ReservedConcurrentExecutions', 100);
    expect(app.getState().doc).toBe(before);
    expect(compare.getState().docB?.nodes.find((n) => n.id === 'Search')?.properties?.ReservedConcurrentExecutions).toBe(100);

    await compare.getState().runBoth(app.getState().doc, engine, 1);
    const run = compare.getState().run;
    if (run.status !== 'done') throw new Error(`not done: ${JSON.stringify(run)}`);
    expect(run.rows.find((r) => r.node === 'Search' && r.figure === 'Throttles')?.better).toBe('B');

    // Undo still undoes the user's own last edit (reserved concurrency 10), not anything compare did.
    app.getState().undo();
    expect(app.getState().doc.nodes.find((n) => n.id === 'Search')?.properties?.ReservedConcurrentExecutions).toBe(20);
  });

  it('reports running per design, then an invalid B by name', async () => {
    const app = appWithExample();
    const compare = createCompareStore();
    compare.getState().open(app.getState().doc);
    compare.getState().setBField('Search', 'properties', 'MemorySize', 1);
    await compare.getState().runBoth(app.getState().doc, engine, 1);
    const run = compare.getState().run;
    expect(run).toMatchObject({ status: 'error', design: 'B' });
    expect(run.status === 'error' && run.message).toMatch(/^Design B is not valid: Search\.properties\.MemorySize: /);
  });

  it('says how far both runs got as the runner reports it: A is the first half, B the second', async () => {
    const app = appWithExample();
    const compare = createCompareStore();
    compare.getState().open(app.getState().doc);
    const seen: string[] = [];
    compare.subscribe((s) => s.run.status === 'running' && seen.push(`${s.run.design} ${s.run.done}`));
    const reporting = (sim: SimScenario, options?: RunOptions, onProgress?: (f: number) => void) =>
      Promise.resolve(runToEnd(sim, loadedModels(), options, onProgress && { report: onProgress, everyMs: 1e9 }));
    await compare.getState().runBoth(app.getState().doc, reporting, 1);
    expect(seen).toEqual(['A 0', 'A 0.5', 'B 0.5', 'B 1']);
    expect(compare.getState().run.status).toBe('done');
  });

  it('drops the results of a run whose B was edited meanwhile', async () => {
    const app = appWithExample();
    const compare = createCompareStore();
    compare.getState().open(app.getState().doc);
    const seen: string[] = [];
    compare.subscribe((s) => seen.push(s.run.status === 'running' ? `running ${s.run.design}` : s.run.status));
    const running = compare.getState().runBoth(app.getState().doc, engine, 1);
    compare.getState().setBField('Search', 'properties', 'ReservedConcurrentExecutions', 50);
    await running;
    expect(compare.getState().run).toEqual({ status: 'idle' });
    expect(seen[0]).toBe('running A');
  });
  it('keeps B and its results when the view closes and opens again on the same document; a changed document starts B again', async () => {
    const app = appWithExample();
    const compare = createCompareStore();
    const docA = app.getState().doc;
    compare.getState().open(docA);
    compare.getState().setBField('Search', 'properties', 'ReservedConcurrentExecutions', 100);
    await compare.getState().runBoth(docA, engine, 1);
    compare.getState().close();
    compare.getState().open(docA);
    expect(compare.getState().docB?.nodes.find((n) => n.id === 'Search')?.properties?.ReservedConcurrentExecutions).toBe(100);
    expect(compare.getState().run.status).toBe('done');

    compare.getState().resetB();
    expect(compare.getState().docB).toEqual(docA);
    expect(compare.getState().run.status).toBe('idle');

    compare.getState().setBField('Search', 'properties', 'ReservedConcurrentExecutions', 100);
    compare.getState().close();
    app.getState().setNodeField('Search', 'properties', 'MemorySize', 256);
    compare.getState().open(app.getState().doc);
    expect(compare.getState().docB).toEqual(app.getState().doc);
  });
  it('keeps the results on screen, marked stale, when B is edited after a run; Run both again clears the mark', async () => {
    const app = appWithExample();
    const compare = createCompareStore();
    compare.getState().open(app.getState().doc);
    await compare.getState().runBoth(app.getState().doc, engine, 1);
    expect(compare.getState().run).toMatchObject({ status: 'done' });
    compare.getState().setBField('Search', 'properties', 'ReservedConcurrentExecutions', 100);
    expect(compare.getState().run).toMatchObject({ status: 'done', stale: true });
    await compare.getState().runBoth(app.getState().doc, engine, 1);
    const run = compare.getState().run;
    expect(run.status === 'done' && run.stale).toBeFalsy();
    expect(run.status === 'done' && run.docB.nodes.find((n) => n.id === 'Search')?.properties?.ReservedConcurrentExecutions).toBe(100);
  });
});
