import { describe, expect, it } from 'vitest';
import type { Frame, MetricIndex } from '../worker/protocol.ts';
import { figuresOf, RATE_WINDOW_MS } from './figures.ts';
import { HISTORY, LiveData } from './liveData.ts';
import { roundRate } from './useEdgeRate.ts';

/** Node F: Throttles (counter), ConcurrentExecutions (level), Duration (distribution, 7 columns). */
function index(generation = 1): MetricIndex {
  const metrics = [
    { node: 'F', name: 'Throttles', kind: 'counter' as const, unit: 'Count' },
    { node: 'F', name: 'ConcurrentExecutions', kind: 'level' as const, unit: 'Count' },
    { node: 'F', name: 'ColdStarts', kind: 'counter' as const, unit: 'Count' },
  ];
  const columns = [
    ['Throttles', 0],
    ['ConcurrentExecutions', 1],
    ['ConcurrentExecutions.Maximum', 1],
    ['ConcurrentExecutions.Minimum', 1],
    ['ColdStarts', 2],
  ].map(([column, handle]) => ({ node: 'F', metric: metrics[handle as number].name, kind: metrics[handle as number].kind, unit: 'Count', column: column as string, handle: handle as number }));
  return {
    generation,
    scenario: 's',
    seed: 1,
    durationSeconds: 5,
    periodSeconds: 1,
    maxPeriods: 5,
    metrics,
    columns,
    nodes: [{ id: 'F', type: 'AWS::Lambda::Function', label: 'Lambda function', figures: ['ConcurrentExecutions', 'Throttles'], charts: [], metrics: [] }],
    edges: [{ from: 'C', to: 'F' }],
  };
}

/** A frame of `count` periods where column c of period p is 100 * c + p. */
function frame(
  from: number,
  count: number,
  now: number,
  instant: number[],
  edge: number,
  generation = 1,
  limits: Frame['limits'] = { F: { ConcurrentExecutions: 50 } },
): Frame {
  const columns = new Float64Array(5 * count);
  for (let c = 0; c < 5; c++) for (let i = 0; i < count; i++) columns[c * count + i] = 100 * c + from + i;
  return {
    generation,
    fromPeriod: from,
    periodCount: count,
    columns,
    instant: Float64Array.from(instant),
    edgeCounts: Float64Array.of(edge),
    edgePeriodCounts: Float64Array.of(0),
    limits,
    now,
    events: 0,
    state: 'running',
    actualSpeed: 1,
  };
}

describe('LiveData', () => {
  it('decodes column-major frames into per-column series, appended in order', () => {
    const live = new LiveData();
    live.setIndex(index());
    expect(live.apply(frame(0, 2, 2000, [0, 0, 0], 0))).toBe(true);
    expect(live.apply(frame(2, 1, 3000, [0, 0, 0], 0))).toBe(true);
    expect(Array.from(live.column('F', 'Throttles')!)).toEqual([0, 1, 2]);
    expect(Array.from(live.column('F', 'ConcurrentExecutions.Maximum')!)).toEqual([200, 201, 202]);
    expect(Array.from(live.column('F', 'ColdStarts')!)).toEqual([400, 401, 402]);
    expect(Array.from(live.x)).toEqual([1, 2, 3]);
    expect(live.column('F', 'Nope')).toBeNull();
    expect(live.column('G', 'Throttles')).toBeNull();
  });

  it('ignores frames of an earlier load and rejects frames that skip or do not fit', () => {
    const live = new LiveData();
    live.setIndex(index(2));
    expect(live.apply(frame(0, 1, 1000, [0, 0, 0], 0, 1))).toBe(false);
    expect(live.periods).toBe(0);
    expect(() => live.apply(frame(1, 1, 1000, [0, 0, 0], 0, 2))).toThrow('frame starts at period 1 but 0 periods were received');
    const bad = frame(0, 2, 1000, [0, 0, 0], 0, 2);
    bad.periodCount = 3;
    expect(() => live.apply(bad)).toThrow('frame has 10 values, expected 5 columns x 3 periods');
  });

  it('computes rates over the last simulated second from instant snapshots', () => {
    const live = new LiveData();
    live.setIndex(index());
    // Every 250 ms of simulated time: 10 more messages on the edge, 3 more throttles until 1,000 ms.
    for (let i = 1; i <= 8; i++) live.apply(frame(0, 0, i * 250, [i <= 4 ? 3 * i : 12, i, 0], 10 * i));
    expect(live.edgeRate(0)).toBe(40);
    expect(live.ratePerSecond('F', 'Throttles')).toBe(0);
    expect(live.increase('F', 'Throttles', 1500)).toBe(6);
    expect(live.instant('F', 'ConcurrentExecutions')).toBe(8);
    expect(live.edgeRate(1)).toBeNaN();
  });

  it('an edge shows its rate over the last seconds while the run plays, and its last period once every period has arrived', () => {
    const live = new LiveData();
    live.setIndex(index());
    const f = frame(0, 4, 4000, [0, 0, 0], 400);
    f.edgePeriodCounts = Float64Array.of(97);
    live.apply(f);
    const g = frame(4, 0, 4500, [0, 0, 0], 460);
    g.edgePeriodCounts = Float64Array.of(97);
    live.apply(g);
    // Four of five periods: the window's rate (460 messages since the snapshot at 0 ms, 4.5 s before).
    expect(live.edgeFigure(0, 2000)).toBeCloseTo(460 / 4.5, 9);
    const last = frame(4, 1, 5000, [0, 0, 0], 499);
    last.edgePeriodCounts = Float64Array.of(39);
    live.apply(last);
    // Finished: the last 1 s period's count, whatever the frames' timing.
    expect(live.edgeFigure(0, 2000)).toBe(39);
    expect(live.edgeFigure(1, 2000)).toBeNaN();
  });

  it('keeps only the last HISTORY snapshots (a ring) and still answers over the oldest kept', () => {
    const live = new LiveData();
    live.setIndex(index());
    for (let i = 1; i <= HISTORY + 50; i++) live.apply(frame(0, 0, i, [i, 0, 0], 2 * i));
    // A 10 s window reaches past the oldest kept snapshot (time 51): the rate is over what is kept.
    expect(live.edgeRate(0, 10_000)).toBe(2000);
    expect(live.increase('F', 'Throttles', 10_000)).toBe(HISTORY - 1);
  });

  it('figures: level now, counter per second, throttling flag, cold starts, and the limit', () => {
    const live = new LiveData();
    live.setIndex(index());
    live.limits = { F: { ConcurrentExecutions: 50 } };
    expect(figuresOf(live, 'F')).toEqual({ ConcurrentExecutions: 0, Throttles: 0, throttling: 0, coldStarts: 0, limit: 50 });
    live.apply(frame(0, 1, 1000, [0, 40, 5], 0));
    live.apply(frame(1, 1, 2000, [7, 50, 5], 0));
    // A counter's rate is over the last two simulated seconds (RATE_WINDOW_MS, as edge labels): 7 in 0..2 s.
    expect(figuresOf(live, 'F')).toEqual({ ConcurrentExecutions: 50, Throttles: 3.5, throttling: 1, coldStarts: 0, limit: 50 });
    live.apply(frame(2, 1, 3000, [7, 20, 9], 0));
    expect(figuresOf(live, 'F')).toMatchObject({ throttling: 0, coldStarts: 4, ConcurrentExecutions: 20 });
    expect(figuresOf(live, 'Other')).toBeNull();
    // The engine's limits come with every frame, so a live edit of the reservation moves the limit.
    live.apply(frame(3, 1, 4000, [7, 5, 9], 0, 1, { F: { ConcurrentExecutions: 10 } }));
    expect(figuresOf(live, 'F')).toMatchObject({ limit: 10 });
    // The last period has arrived: the figures are that period's, not a rate over however the frames fell.
    live.apply(frame(4, 1, 5000, [7, 5, 9], 0, 1, { F: { ConcurrentExecutions: 10 } }));
    expect(figuresOf(live, 'F')).toEqual({ Throttles: 4, ConcurrentExecutions: 204, throttling: 1, coldStarts: 404, limit: 10 });
  });

  it("while a run plays, a node's counter figure and the label of the edge carrying the same messages agree", () => {
    const live = new LiveData();
    live.setIndex(index());
    // Throttles and the edge C -> F count the same messages, at an uneven pace: 30, 90, 150, then 30 a second.
    const counts = [30, 120, 270, 300];
    counts.forEach((n, i) => live.apply(frame(i, 1, 1000 * (i + 1), [n, 0, 0], n)));
    expect(live.edgeFigure(0, RATE_WINDOW_MS)).toBe(90); // (300 - 120) over the last 2 s
    expect(figuresOf(live, 'F')!.Throttles).toBe(live.edgeFigure(0, RATE_WINDOW_MS));
  });

  it('roundRate keeps 3 significant digits and zeroes what is unknown or negligible', () => {
    expect(roundRate(1234.5)).toBe(1230);
    expect(roundRate(99.96)).toBe(100);
    expect(roundRate(0.12345)).toBe(0.123);
    expect(roundRate(0.004)).toBe(0);
    expect(roundRate(NaN)).toBe(0);
    expect(roundRate(-5)).toBe(0);
  });
});
