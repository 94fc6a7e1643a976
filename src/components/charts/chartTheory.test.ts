import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../../scenario/index.ts';
import { loadTheories, type Theories } from '../../sim/services/theory.ts';
import { predict } from '../../sim/theory/overlay.ts';
import type { ChartSpec } from './chartLayout.ts';
import { chartTheoryOf } from './chartTheory.ts';

let theories: Theories;
beforeAll(async () => {
  theories = await loadTheories();
});

const example = (name: string) => JSON.parse(readFileSync(`examples/${name}`, 'utf8')) as ScenarioDoc;
const chart = (node: string, metrics: string[]): ChartSpec => ({ id: `${node}:${metrics.join('+')}`, title: '', unit: '', series: [], theory: { node, metrics } });

describe('chartTheoryOf: a chart’s theory lines from the document', () => {
  it('the loss-system example: Erlang B on the throttles chart, not drawn at 1,000/s, above the request-rate quota of 800/s', () => {
    const doc = example('loss-system.json');
    const theory = chartTheoryOf(doc, chart('Worker', ['Invocations', 'Errors', 'Throttles']), theories);
    expect(theory?.lines.map((l) => l.label)).toEqual(['Erlang B prediction']);
    expect(theory?.overlay.servers).toBe(80);
    expect(predict(theory!.overlay, 1000).text).toBe(
      'Erlang B not drawn: λ 1,000/s is near the request-rate quota of 10 x reserved concurrency (800/s), which refuses requests too',
    );
    // Below the quota the formula holds: 500/s x 80 ms = 40 Erlangs on 80 servers.
    expect(predict(theory!.overlay, 500).ok).toBe(true);
  });

  it('no lines on a chart of other metrics, on a node without an overlay, or while the document has an error', () => {
    const doc = example('loss-system.json');
    expect(chartTheoryOf(doc, chart('Worker', ['Duration', 'InitDuration']), theories)).toBeNull();
    expect(chartTheoryOf(doc, chart('Callers', ['Requests']), theories)).toBeNull();
    const broken = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'Worker' ? { ...n, properties: { ...n.properties, Timeout: -1 } } : n)) };
    expect(chartTheoryOf(broken, chart('Worker', ['Throttles']), theories)).toBeNull();
    expect(chartTheoryOf(doc, { ...chart('Worker', ['Throttles']), theory: undefined }, theories)).toBeNull();
  });

  it('charts of one node share one overlay, worked out once per document; an edited document gets its own', () => {
    const doc = example('loss-system.json');
    const throttles = chartTheoryOf(doc, chart('Worker', ['Throttles']), theories);
    const concurrency = chartTheoryOf(doc, chart('Worker', ['ConcurrentExecutions']), theories);
    expect(throttles?.lines.map((l) => l.label)).toEqual(['Erlang B prediction']);
    expect(concurrency?.lines.map((l) => l.label)).toEqual(["Little's law prediction"]);
    expect(concurrency?.overlay).toBe(throttles?.overlay);
    const edited = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'Worker' ? { ...n, properties: { ...n.properties, ReservedConcurrentExecutions: 40 } } : n)) };
    const after = chartTheoryOf(edited, chart('Worker', ['Throttles']), theories);
    expect(after?.overlay).not.toBe(throttles?.overlay);
    expect(after?.overlay.servers).toBe(40);
  });
});
