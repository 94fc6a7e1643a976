import { PALETTE } from './chartFormat.ts';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine.ts';
import { validateScenario } from '../../scenario/index.ts';
import { buildIndex } from '../../worker/engineRunner.ts';
import { headlineCharts, nodeCharts } from './chartLayout.ts';
import { loadedModels } from '../../sim/services/registry.ts';

function indexOf(doc: unknown) {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return buildIndex(new Simulation(v.sim, loadedModels()), 1, loadedModels());
}

const doc = {
  format: 'serverless-playground/scenario',
  version: 1,
  name: 'api',
  durationSeconds: 60,
  nodes: [
    { id: 'Users', type: 'Client', properties: { pattern: 'constant', ratePerSecond: 10 } },
    { id: 'Api', type: 'AWS::ApiGateway::RestApi' },
    { id: 'Fn', type: 'AWS::Lambda::Function', properties: { ReservedConcurrentExecutions: 5 } },
  ],
  edges: [
    { from: 'Users', to: 'Api' },
    { from: 'Api', to: 'Fn' },
  ],
};

describe('chart layout from the ServiceKind metrics', () => {
  it('lays out a Lambda function: concurrency with its limit first, throttles by reason grouped, cost last', () => {
    const index = indexOf(doc);
    const fn = index.nodes.find((n) => n.id === 'Fn')!;
    const charts = nodeCharts(fn, index);
    expect(charts.map((c) => c.title)).toEqual([
      'ConcurrentExecutions',
      'Invocations, Errors, Throttles',
      'Throttles by reason',
      'Duration, InitDuration',
      'ColdStarts, ProvisionedConcurrencySpilloverInvocations',
      'Cost',
    ]);
    expect(charts[0].series.map((s) => s.sources[0].column)).toEqual(['ConcurrentExecutions', 'ConcurrentExecutions.Maximum']);
    expect(charts[0].limit).toEqual({ node: 'Fn', metric: 'ConcurrentExecutions', label: 'limit', perPeriod: false });
    expect(charts[2].series[0].label).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    // Reasons enter the legend once they happen; the other charts' series are always listed.
    expect(charts[2].series.every((s) => s.quiet === true)).toBe(true);
    expect(charts[1].series.some((s) => s.quiet)).toBe(false);
    expect(charts[3].series.map((s) => s.sources[0].column)).toEqual(['Duration.p99', 'InitDuration.p99']);
    // Every column a chart reads exists in the index.
    const columns = new Set(index.columns.map((c) => `${c.node}/${c.column}`));
    for (const c of charts) for (const s of c.series) for (const src of s.sources) expect(columns).toContain(`${src.node}/${src.column}`);
  });

  it('builds the headline charts from whatever the nodes publish', () => {
    const index = indexOf(doc);
    const charts = headlineCharts(index);
    expect(charts.map((c) => c.title)).toEqual(['Client requests', 'Client latency', 'Throttles', 'Errors', 'Cost rate']);
    // What the clients saw in colours that mean it: succeeded green, failed vermilion, throttled orange.
    expect(charts[0].series.map((s) => [s.label, PALETTE[s.colour ?? -1]])).toEqual([
      ['Succeeded', '#009E73'],
      ['Failed', '#D55E00'],
      ['Throttled', '#E69F00'],
    ]);
    // Throttles and errors by node, each node summing the counters its kind declares (ServiceKind.compare); quiet:
    // a node's legend entry shows once it has throttled (or failed), not for every node that could.
    expect(charts[2].series).toEqual([
      { label: 'Users', sources: [{ node: 'Users', column: 'Throttled' }], quiet: true },
      { label: 'Api', sources: [{ node: 'Api', column: '4XXError' }], quiet: true },
      { label: 'Fn', sources: [{ node: 'Fn', column: 'Throttles' }], quiet: true },
    ]);
    expect(charts[3].series).toEqual([
      { label: 'Users', sources: [{ node: 'Users', column: 'Failed' }], quiet: true },
      { label: 'Api', sources: [{ node: 'Api', column: '5XXError' }], quiet: true },
      { label: 'Fn', sources: [{ node: 'Fn', column: 'Errors' }], quiet: true },
    ]);
    expect(charts[4].series[0]).toEqual({ label: 'USD/h', sources: [{ node: 'Api', column: 'Cost' }, { node: 'Fn', column: 'Cost' }], scale: 3600 });
  });
});
