import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../scenario/index.ts';
import { Simulation } from '../../sim/engine.ts';
import { loadedModels } from '../../sim/services/registry.ts';
import { buildIndex } from '../../worker/engineRunner.ts';
import { presenterCharts } from './presenterCharts.ts';

function indexOf(doc: unknown) {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return buildIndex(new Simulation(v.sim, loadedModels()), 1, loadedModels());
}

const index = indexOf({
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
});

describe('presenter charts', () => {
  it('without a script: the client requests, latency and throttles', () => {
    const { charts, problems } = presenterCharts(index, null);
    expect(charts.map((c) => c.id)).toEqual(['h:requests', 'h:latency', 'h:throttles']);
    expect(problems).toEqual([]);
    expect(presenterCharts(index, []).charts.map((c) => c.id)).toEqual(['h:requests', 'h:latency', 'h:throttles']);
  });

  it("a script's charts: headline names and Node.Metric, in its order", () => {
    const { charts, problems } = presenterCharts(index, ['Fn.ConcurrentExecutions', 'cost', 'h:errors']);
    expect(charts.map((c) => c.title)).toEqual(['Fn ConcurrentExecutions', 'Cost rate', 'Errors']);
    expect(charts[0].series[0].sources).toEqual([{ node: 'Fn', column: 'ConcurrentExecutions' }]);
    // The legend of a node's chart does not repeat the metric's name.
    expect(charts[0].series.map((s) => s.label)).toEqual(['avg', 'max']);
    expect(problems).toEqual([]);
  });

  it('finds a metric inside a chart group, and shows a chart once', () => {
    const throttles = presenterCharts(index, ['Fn.Throttles', 'Fn.Throttles']);
    expect(throttles.charts).toHaveLength(1);
    expect(throttles.charts[0].id.startsWith('Fn:')).toBe(true);
    expect(throttles.charts[0].series.some((s) => s.sources.some((src) => src.column === 'Throttles'))).toBe(true);
  });

  it('names each reference that matches nothing, and keeps the rest', () => {
    const { charts, problems } = presenterCharts(index, ['latency', 'Queue.ApproximateAgeOfOldestMessage', 'Fn.Nope', 'speed']);
    expect(charts.map((c) => c.id)).toEqual(['h:latency']);
    expect(problems[0]).toBe('presenter chart 2 "Queue.ApproximateAgeOfOldestMessage": no node "Queue" in the running scenario');
    expect(problems[1]).toMatch(/^presenter chart 3 "Fn.Nope": Fn has no metric "Nope" \(it has Invocations, .*ConcurrentExecutions/);
    expect(problems[2]).toBe('presenter chart 4 "speed": no such whole-system chart here; use one of requests, latency, throttles, errors, cost, or Node.Metric');
  });

  it('shows at most three and says so', () => {
    const { charts, problems } = presenterCharts(index, ['requests', 'latency', 'throttles', 'cost']);
    expect(charts).toHaveLength(3);
    expect(problems).toEqual(['only the first 3 presenter charts are shown']);
  });
});
