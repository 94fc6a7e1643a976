import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';
import { SERVICE_KINDS } from '../sim/services/registry.ts';
import { defaultsFor, newScenario } from './defaults.ts';
import { formatProblem } from './paths.ts';
import { validateScenario } from './validate.ts';

const DIR = join(import.meta.dirname, '..', '..', 'examples');
const load = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const examples = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

function run(file: string): ResultDocument {
  const r = validateScenario(load(join(DIR, file)));
  if (!r.ok) throw new Error(`${file}:\n${r.problems.map(formatProblem).join('\n')}`);
  expect(r.warnings).toEqual([]);
  const sim = new Simulation(r.sim);
  sim.run();
  return sim.result();
}

const sum = (res: ResultDocument, node: string, metric: string) => res.nodes[node].totals[metric].Sum;

describe('examples/', () => {
  it('holds the scenarios the README, the bench and the tests use', () => {
    expect(examples).toEqual(['api-lambda.json', 'loss-system.json', 'spike.json', 'throttled-api.json']);
  });

  it('api-lambda.json: ten minutes of API Gateway -> Lambda, no throttles, about 1% errors', () => {
    const res = run('api-lambda.json');
    expect(res.simulatedSeconds).toBe(600);
    expect(res.stopped).toBeUndefined();
    const invocations = sum(res, 'CreateOrder', 'Invocations');
    expect(invocations).toBeGreaterThan(115_000);
    expect(invocations).toBeLessThan(125_000);
    expect(sum(res, 'CreateOrder', 'Throttles')).toBe(0);
    expect(sum(res, 'CreateOrder', 'Errors') / invocations).toBeCloseTo(0.01, 2);
    expect(sum(res, 'OrdersApi', 'Count')).toBe(sum(res, 'Users', 'Requests'));
    expect(res.cost.totalUSD).toBeGreaterThan(0);
  });

  it('loss-system.json: concurrency never exceeds the 80 reserved and the excess is throttled', () => {
    const res = run('loss-system.json');
    expect(res.nodes.Worker.totals.ConcurrentExecutions.Maximum).toBe(80);
    expect(sum(res, 'Worker', 'Throttles')).toBeGreaterThan(0);
    expect(sum(res, 'Callers', 'Throttled')).toBe(sum(res, 'Worker', 'Throttles'));
  });

  it('spike.json: the scaling rate throttles the ramp to thousands of environments', () => {
    const res = run('spike.json');
    expect(res.nodes.Checkout.totals.ConcurrentExecutions.Maximum).toBeGreaterThan(1000);
    expect(sum(res, 'Checkout', 'Throttles')).toBeGreaterThan(0);
    expect(res.nodes.Checkout.series.Invocations.slice(0, 60).every((v) => v === 0)).toBe(true);
  });

  it('throttled-api.json: reserved concurrency 20 throttles and API Gateway answers 5XX', () => {
    const res = run('throttled-api.json');
    expect(res.nodes.Search.totals.ConcurrentExecutions.Maximum).toBe(20);
    const throttles = sum(res, 'Search', 'Throttles');
    expect(throttles).toBeGreaterThan(50_000);
    expect(sum(res, 'SearchApi', '5XXError')).toBe(throttles);
  });

  it('every file in examples/bad/ is rejected with at least one problem', () => {
    const bad = readdirSync(join(DIR, 'bad')).filter((f) => f.endsWith('.json') && f !== 'not-json.json');
    expect(bad.length).toBeGreaterThanOrEqual(5);
    for (const file of bad) {
      const r = validateScenario(load(join(DIR, 'bad', file)));
      expect(r.ok, file).toBe(false);
    }
  });
});

describe('docs/scenario-format.md', () => {
  it('shows an example that is valid and runs', () => {
    const md = readFileSync(join(DIR, '..', 'docs', 'scenario-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    const r = validateScenario(JSON.parse(example));
    expect(r.ok ? r.warnings : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    expect(r.sim.edges.map((e) => e.role)).toEqual(['invoke', 'invoke', 'call']);
    const sim = new Simulation({ ...r.sim, durationSeconds: 10 });
    sim.run();
    expect(sim.result().nodes.Orders.totals.ConsumedWriteCapacityUnits.Sum).toBeGreaterThan(0);
  });
});

describe('the registered kinds', () => {
  it('each has AWS defaults and validates as a lone node with them', () => {
    expect(SERVICE_KINDS.length).toBeGreaterThanOrEqual(3);
    for (const kind of SERVICE_KINDS) {
      const defaults = defaultsFor(kind.type);
      const doc = { ...newScenario(), nodes: [{ id: 'Node', type: kind.type, ...defaults }] };
      const r = validateScenario(doc);
      expect(r.ok ? [] : r.problems.map(formatProblem), kind.type).toEqual([]);
    }
  });
});
