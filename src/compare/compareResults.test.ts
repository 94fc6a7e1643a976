import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenarioToEnd } from '../lessons/runScenario.ts';
import type { ScenarioDoc } from '../scenario/index.ts';
import type { ResultDocument } from '../sim/result.ts';
import { loadedModels } from '../sim/services/registry.ts';
import { setNodeField } from '../store/docOps.ts';
import { compareResults, type CompareRow } from './compareResults.ts';
import { deadLetterArrivals, deadLetterTargets } from './deadLetterTargets.ts';
import { commonSeries, firstChoice, overlayColumns } from './overlaySeries.ts';

function example(name: string): ScenarioDoc {
  return JSON.parse(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8')) as ScenarioDoc;
}

function run(doc: ScenarioDoc): ResultDocument {
  const r = runScenarioToEnd(doc, loadedModels());
  if (!r.ok) throw new Error(r.message);
  return r.result;
}

function find(rows: CompareRow[], node: string | null, figure: string): CompareRow {
  const found = rows.find((r) => r.node === node && r.figure === figure);
  if (!found) throw new Error(`no row ${node ?? '(design)'} ${figure} in ${rows.map((r) => `${r.node}:${r.figure}`).join(', ')}`);
  return found;
}

describe('compareResults on real engine results', () => {
  // aws-behaviour.md "Reserved concurrency": invocations beyond it are throttled (429 to the caller, 500 via API Gateway).
  it('reserved concurrency 10 vs 100: B throttles fewer invocations and answers with fewer errors', () => {
    const docA = setNodeField(example('throttled-api.json'), 'Search', 'properties', 'ReservedConcurrentExecutions', 10);
    const docB = setNodeField(docA, 'Search', 'properties', 'ReservedConcurrentExecutions', 100);
    const a = run(docA);
    const b = run(docB);
    const rows = compareResults(a, b, docA, docB);

    const throttles = find(rows, 'Search', 'Throttles');
    expect(throttles.series).toEqual(['Throttles']);
    // The chart opens on the first figure that differs: the client's median latency.
    expect(firstChoice(commonSeries(a, b), rows)).toEqual({ node: 'Users', column: 'Latency.p50' });
    expect(firstChoice(commonSeries(a, b), rows.filter((r) => r.node === 'Search'))).toEqual({ node: 'Search', column: 'Throttles' });
    expect(throttles.a).toBe(a.nodes.Search.totals.Throttles.Sum);
    expect(throttles.a).toBeGreaterThan(1000);
    expect(throttles.b).toBeLessThan(throttles.a ?? 0);
    expect(throttles.better).toBe('B');
    expect(find(rows, 'Users', 'Throttles').a).toBe(a.nodes.Users.totals.Throttled.Sum);
    const errors = find(rows, 'SearchApi', 'Errors');
    expect(errors.a).toBe(a.nodes.SearchApi.totals['5XXError'].Sum);
    expect(errors.a).toBeGreaterThan(1000);
    expect(errors.b).toBeLessThan(errors.a ?? 0);
    expect(errors.better).toBe('B');
    expect(errors.changePercent).toBeCloseTo((((errors.b ?? 0) - (errors.a ?? 0)) / (errors.a ?? 1)) * 100, 9);
    const failed = find(rows, 'Users', 'Errors');
    expect(failed.better).toBe('B');
    // A refuses thousands of requests: its lower cost (and any lower latency) comes with a caveat, B's wins do not.
    expect(find(rows, null, 'Cost (run)').better).toBe('A');
    for (const r of rows) {
      if (r.unit !== 'count' && r.better === 'A') expect(r.caveat, `${r.node}: ${r.figure}`).toMatch(/^A answered [\d,]+ fewer requests than B: /);
      else expect(r.caveat, `${r.node}: ${r.figure}`).toBeNull();
    }

    const p99 = find(rows, 'Users', 'Latency p99');
    expect(p99.a).toBe(a.nodes.Users.totals.Latency.p99);
    expect(p99.b).toBe(b.nodes.Users.totals.Latency.p99);
    // A function has no latency row: its Duration is not what a caller waits.
    expect(rows.some((r) => r.node === 'Search' && r.figure.startsWith('Latency'))).toBe(false);

    const cost = find(rows, null, 'Cost (run)');
    expect([cost.a, cost.b]).toEqual([a.cost.totalUSD, b.cost.totalUSD]);
    const month = find(rows, null, 'Cost (monthly)');
    expect(month.a).toBeCloseTo((a.cost.totalUSD * 730 * 3600) / a.simulatedSeconds, 9);
  });

  // aws-behaviour.md "SQS redrive": after maxReceiveCount receives the message moves to the DLQ (not a send there).
  it('counts a redrive DLQ arrival from the source queue, found through the edge default role', () => {
    const docA = example('poison-message-dlq.json');
    expect(deadLetterTargets(docA)).toEqual(['PaymentsDLQ']);
    const docB = setNodeField(docA, 'Payments', 'behaviour', 'poisonRate', 0);
    const a = run(docA);
    const b = run(docB);
    const dlq = find(compareResults(a, b, docA, docB), 'PaymentsDLQ', 'DLQ arrivals');
    expect(dlq.a).toBe(a.nodes.PaymentsQueue.totals.NumberOfMessagesMovedToDLQ.Sum);
    expect(dlq.a).toBeGreaterThan(0);
    expect(dlq.b).toBe(0);
    expect(dlq.better).toBe('B');
    expect(dlq.changePercent).toBe(-100);
  });

  // aws-behaviour.md "Lambda asynchronous invocation": after the retries an event goes to the onFailure destination.
  it('counts an on-failure destination arrival as a send to the queue', () => {
    const doc = example('async-retries.json');
    expect(deadLetterTargets(doc)).toEqual(['FailedResizes']);
    const result = run(doc);
    expect(deadLetterArrivals(doc, result, 'FailedResizes')).toBe(result.nodes.FailedResizes.totals.NumberOfMessagesSent.Sum);
    expect(deadLetterArrivals(doc, result, 'FailedResizes')).toBeGreaterThan(0);
  });

  it('takes an edge role as the validator infers it: an SNS subscription to a queue is not its DLQ', () => {
    const doc: ScenarioDoc = {
      ...example('poison-message-dlq.json'),
      nodes: [
        { id: 'Topic', type: 'AWS::SNS::Topic', properties: {} },
        { id: 'Inbox', type: 'AWS::SQS::Queue', properties: {} },
        { id: 'Missed', type: 'AWS::SQS::Queue', properties: {} },
      ],
      edges: [
        { from: 'Topic', to: 'Inbox' },
        { from: 'Topic', to: 'Missed', role: 'deadLetter' },
      ],
    };
    expect(deadLetterTargets(doc)).toEqual(['Missed']);
  });

  it('marks equal figures the same, and a node only one design has with no winner', () => {
    const docA = example('throttled-api.json');
    const a = run(docA);
    const docB: ScenarioDoc = { ...docA, nodes: docA.nodes.map((n) => (n.id === 'SearchApi' ? { ...n, id: 'Api2' } : n)), edges: [
      { from: 'Users', to: 'Api2' }, { from: 'Api2', to: 'Search' },
    ] };
    const b = run(docB);
    const rows = compareResults(a, b, docA, docB);
    expect(find(rows, 'Users', 'Throttles').better).toBe('same');
    expect(find(rows, 'Users', 'Throttles').changePercent).toBe(0);
    const onlyA = find(rows, 'SearchApi', 'Errors');
    expect([onlyA.b, onlyA.better, onlyA.changePercent]).toEqual([null, null, null]);
    expect(find(rows, 'Api2', 'Errors').a).toBeNull();
  });
});

describe('overlay series', () => {
  it('offers the series both results hold and lines them up on the simulated clock', () => {
    const docA = example('throttled-api.json');
    const docB = { ...docA, nodes: docA.nodes.filter((n) => n.id !== 'SearchApi'), edges: [{ from: 'Users', to: 'Search' }] };
    const a = run(docA);
    const b = run({ ...docB, durationSeconds: 100 });
    const choices = commonSeries(a, b);
    expect(choices.some((c) => c.node === 'SearchApi')).toBe(false);
    expect(choices).toContainEqual({ node: 'Search', column: 'Throttles' });
    const [x, ya, yb] = overlayColumns(a, b, { node: 'Search', column: 'Throttles' });
    expect(x).toHaveLength(a.nodes.Search.series.Throttles.length);
    expect(x[0]).toBe(a.periodSeconds);
    expect(ya).toEqual(a.nodes.Search.series.Throttles);
    expect(yb.slice(0, b.nodes.Search.series.Throttles.length)).toEqual(b.nodes.Search.series.Throttles);
    expect(yb.at(-1)).toBeNull();
  });
});
