import { beforeAll, describe, expect, it } from 'vitest';
import { scenario, total } from '../../testing.ts';
import { predict, type TheoryOverlay } from '../../theory/overlay.ts';
import { loadTheories, theoryOverlayOf, type Theories } from '../theory.ts';

let theories: Theories;
beforeAll(async () => {
  theories = await loadTheories();
});

const FN = 'AWS::Lambda::Function';
const Q = 'AWS::SQS::Queue';
const exponential = (meanMs: number) => ({ duration: { distribution: 'exponential', meanMs }, coldStartMs: 0 });
const fixed = (c: number, more: Record<string, unknown> = {}) => ({ properties: { BatchSize: 1, ScalingConfig: { MaximumConcurrency: c }, ...more } });

function pipeline(options: { mapping?: { properties: Record<string, unknown> }; fn?: Record<string, unknown>; behaviour?: Record<string, unknown>; seconds?: number; rate?: number } = {}) {
  return scenario({ durationSeconds: options.seconds ?? 60, seed: 5 })
    .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: options.rate ?? 80 })
    .node('Q', Q)
    .node('Fn', FN, options.fn ?? {}, options.behaviour ?? exponential(100))
    .edge('Users', 'Q')
    .edge('Q', 'Fn', options.mapping ?? fixed(10));
}

function overlayOf(b: ReturnType<typeof scenario>): TheoryOverlay {
  const o = theoryOverlayOf(b.build(), 'Q', theories);
  if (!o) throw new Error('no overlay for Q');
  return o;
}

describe('SQS theory: the inputs of the Erlang C overlay', () => {
  it('a mapping with MaximumConcurrency c and BatchSize 1: c consumers serving the function mean duration', () => {
    const o = overlayOf(pipeline());
    expect(o).toMatchObject({ formula: 'erlangC', servers: 10, serversWhy: 'MaximumConcurrency 10', meanServiceMs: 100, broken: [], arrivals: ['NumberOfMessagesSent'] });
    expect(o.lines.map((l) => [l.metric, l.label])).toEqual([
      ['ApproximateNumberOfMessagesVisible', 'Erlang C prediction'],
      ['ApproximateNumberOfMessagesNotVisible', "Little's law prediction"],
    ]);
  });

  it('says where it does not hold: batches, no fixed consumers, non-exponential service, a smaller reservation, errors', () => {
    expect(overlayOf(pipeline({ mapping: { properties: { BatchSize: 5 } } })).broken).toEqual([
      'BatchSize 5: a consumer takes several messages at once, and Erlang C serves one per consumer (set BatchSize 1 to compare)',
      'no MaximumConcurrency on the mapping: its pollers scale with the backlog, so the consumers are not a fixed number (set ScalingConfig.MaximumConcurrency)',
    ]);
    expect(overlayOf(pipeline({ fn: { ReservedConcurrentExecutions: 4 }, behaviour: { duration: { distribution: 'constant', valueMs: 100 }, errorRate: 0.1 } })).broken).toEqual([
      "Fn's duration is constant 100 ms, and Erlang C assumes exponential service times",
      'Fn may run only 4 at once (reserved concurrency 4), below MaximumConcurrency 10: throttled polls return messages to the queue',
      'Fn fails 10% of invocations, and failed messages come back after the visibility timeout',
    ]);
    expect(overlayOf(pipeline({ mapping: fixed(10, { MaximumBatchingWindowInSeconds: 2 }) })).broken).toEqual(['a batching window of 2 s holds messages back']);
  });

  it('has no overlay for a queue nothing reads', () => {
    expect(theoryOverlayOf(scenario().node('Users', 'Client').node('Q', Q).edge('Users', 'Q').build(), 'Q', theories)).toBeNull();
  });
});

describe('engine vs the Erlang C overlay (seeded)', () => {
  it("mean visible messages within 15% of Lq = λ Wq and mean in flight within 5% of λ W, from the overlay's own prediction", () => {
    const b = pipeline({ seconds: 1800 });
    const o = overlayOf(b);
    const sim = b.run();
    const p = predict(o, total(sim, 'Q', 'NumberOfMessagesSent').Sum / 1800);
    if (!p.ok) throw new Error(p.text);
    const visible = total(sim, 'Q', 'ApproximateNumberOfMessagesVisible').Average;
    expect(Math.abs(visible / o.lines[0].value(p.figures) - 1)).toBeLessThan(0.15);
    const inFlight = total(sim, 'Q', 'ApproximateNumberOfMessagesNotVisible').Average;
    expect(Math.abs(inFlight / o.lines[1].value(p.figures) - 1)).toBeLessThan(0.05);
  });
});
