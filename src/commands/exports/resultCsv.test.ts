import { describe, expect, it } from 'vitest';
import { restoreScenario, validateScenario } from '../../scenario/index.ts';
import { EngineRunner } from '../../worker/engineRunner.ts';
import { resultCsv } from './resultCsv.ts';
import { loadedModels } from '../../sim/services/registry.ts';

const scenario = {
  name: 'CSV, "quoted", check',
  seed: 3,
  durationSeconds: 120,
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { pattern: 'poisson', ratePerSecond: 40 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 300, y: 0 }, properties: { ReservedConcurrentExecutions: 2 } },
  ],
  edges: [{ from: 'Users', to: 'Fn' }],
};

function runToEnd() {
  const restored = restoreScenario({ value: scenario });
  if (!restored.ok) throw new Error(restored.message);
  const checked = validateScenario(restored.doc);
  if (!checked.ok) throw new Error('invalid');
  let t = 0;
  const runner = new EngineRunner(loadedModels(), () => t++);
  runner.load(checked.sim);
  runner.run();
  while (runner.tick(1e9) >= 0);
  return runner.result()!;
}

describe('metrics CSV', () => {
  it('has one row per period and one column per node metric; counter columns sum to the result totals', () => {
    const result = runToEnd();
    const csv = resultCsv(result);
    const rows = csv.trimEnd().split('\r\n').map((l) => l.split(','));
    const header = rows[0];
    const periods = result.simulatedSeconds / result.periodSeconds;
    expect(rows).toHaveLength(periods + 1);
    expect(header[0]).toBe('periodStartSeconds');
    expect(rows[2][0]).toBe(String(result.periodSeconds));
    const seriesCount = Object.values(result.nodes).reduce((n, r) => n + Object.keys(r.series).length, 0);
    expect(header).toHaveLength(seriesCount + 1);
    let checked = 0;
    for (const [node, r] of Object.entries(result.nodes))
      for (const [metric, totals] of Object.entries(r.totals)) {
        if (Object.keys(totals).join() !== 'Sum' || !(metric in r.series)) continue; // counters: their series is the Sum
        const col = header.indexOf(`${node} ${metric}`);
        const sum = rows.slice(1).reduce((s, row) => s + Number(row[col] || 0), 0);
        expect(sum, `${node} ${metric}`).toBeCloseTo(totals.Sum, 2);
        checked++;
      }
    expect(checked).toBeGreaterThan(4);
    expect(result.nodes.Fn.totals.Throttles.Sum).toBeGreaterThan(0);
  });

  it('quotes fields that need it', () => {
    const csv = resultCsv({ ...runToEnd(), nodes: { 'a,b': { type: 'Client', totals: {}, series: { 'x"y': [1, 2] } } } });
    expect(csv.split('\r\n')[0]).toBe('periodStartSeconds,"a,b x""y"');
    expect(csv.split('\r\n')[2]).toBe(`${runToEnd().periodSeconds},2`);
  });
});
