import { describe, expect, it } from 'vitest';
import { erlangB } from '../sim/theory/erlang.ts';
import { smoothRate, type TheoryOverlay } from '../sim/theory/overlay.ts';
import type { MetricIndex } from '../worker/protocol.ts';
import { LiveData } from './liveData.ts';
import { TheoryTrack } from './theoryTrack.ts';

/** Node F publishes Invocations and Throttles (counters), periods of 2 s. */
function index(generation: number): MetricIndex {
  const metrics = ['Invocations', 'Throttles'].map((name) => ({ node: 'F', name, kind: 'counter' as const, unit: 'Count' }));
  return {
    generation,
    scenario: 's',
    seed: 1,
    durationSeconds: 20,
    periodSeconds: 2,
    maxPeriods: 10,
    metrics,
    columns: metrics.map((m, handle) => ({ node: 'F', metric: m.name, kind: m.kind, unit: 'Count', column: m.name, handle })),
    nodes: [{ id: 'F', type: 'AWS::Lambda::Function', label: 'Lambda function', figures: [], charts: [], metrics: [] }],
    edges: [],
  };
}

/** Sends periods whose Invocations and Throttles are given (counts per 2 s period). */
function send(live: LiveData, generation: number, from: number, invocations: number[], throttles: number[]): void {
  const n = invocations.length;
  live.apply({
    generation,
    fromPeriod: from,
    periodCount: n,
    columns: Float64Array.from([...invocations, ...throttles]),
    instant: new Float64Array(2),
    edgeCounts: new Float64Array(0),
    edgePeriodCounts: new Float64Array(0),
    limits: {},
    now: (from + n) * 2000,
    events: 0,
    state: 'running',
    actualSpeed: 1,
  });
}

const overlay = (servers: number): TheoryOverlay => ({
  formula: 'erlangB',
  arrivals: ['Invocations', 'Throttles'],
  servers,
  serversWhy: `reserved concurrency ${servers}`,
  meanServiceMs: 100,
  serviceShape: 'exponential, mean 100 ms',
  broken: [],
  assumptions: [],
  lines: [
    { metric: 'ConcurrentExecutions', label: "Little's law prediction", perSecond: false, value: (f) => f.inService },
    { metric: 'Throttles', label: 'Erlang B prediction', perSecond: true, value: (f) => f.lambda * f.probability },
  ],
});

describe('TheoryTrack', () => {
  it('predicts each period from the smoothed arrival rate, counters scaled to the period', () => {
    const live = new LiveData();
    live.setIndex(index(1));
    send(live, 1, 0, [150, 190], [50, 10]); // 100/s, then 100/s
    const track = new TheoryTrack('F');
    track.update(live, overlay(10));
    const b = erlangB(10, 10);
    expect(track.series('Throttles')).toEqual([100 * b * 2, 100 * b * 2]);
    expect(track.series('ConcurrentExecutions')[1]).toBeCloseTo(10 * (1 - b), 12);
    expect(track.latest?.prediction.ok).toBe(true);
  });

  it('a settings change moves the line from the next period on; a new run starts over', () => {
    const live = new LiveData();
    live.setIndex(index(1));
    send(live, 1, 0, [200], [0]);
    const track = new TheoryTrack('F');
    track.update(live, overlay(10));
    send(live, 1, 1, [400], [0]);
    track.update(live, overlay(20));
    const rate = smoothRate(100, 200, 2);
    expect(track.series('ConcurrentExecutions')).toEqual([10 * (1 - erlangB(10, 10)), rate * 0.1 * (1 - erlangB(20, rate * 0.1))]);
    live.setIndex(index(2));
    send(live, 2, 0, [20], [0]);
    track.update(live, overlay(10));
    expect(track.series('ConcurrentExecutions')).toEqual([1 * (1 - erlangB(10, 1))]);
  });

  it('leaves a gap where the formula does not apply', () => {
    const live = new LiveData();
    live.setIndex(index(1));
    send(live, 1, 0, [100], [0]);
    const track = new TheoryTrack('F');
    track.update(live, { ...overlay(10), rateCap: { perSecond: 50, burst: 50, why: 'the quota' } });
    expect(track.series('Throttles')).toEqual([null]);
    expect(track.latest?.prediction.text).toBe('Erlang B not drawn: λ 50/s is near the quota (50/s), which refuses requests too');
  });
});

describe('TheoryTrack text', () => {
  it('follows a settings change made after the run ended, at the last measured rate', () => {
    const live = new LiveData();
    live.setIndex(index(1));
    const track = new TheoryTrack('F');
    expect(track.text(overlay(10))).toBeNull();
    send(live, 1, 0, [200], [0]); // 100/s
    const ran = overlay(10);
    track.update(live, ran);
    expect(track.text(ran)).toBe(track.latest?.prediction.text);
    expect(track.text(ran)).toContain('c = 10');
    // No new period comes (the run ended); the teacher raises the reservation to 20.
    const raised = overlay(20);
    expect(track.text(raised)).toContain('c = 20');
    expect(track.text(raised)).not.toBe(track.text(ran));
  });
});

describe('TheoryTrack listeners', () => {
  it('are told once per update that computed new periods, not for updates with nothing new', () => {
    const live = new LiveData();
    live.setIndex(index(1));
    const track = new TheoryTrack('F');
    let calls = 0;
    const off = track.subscribe(() => calls++);
    send(live, 1, 0, [100], [0]);
    track.update(live, overlay(10));
    track.update(live, overlay(10));
    expect(calls).toBe(1);
    off();
    send(live, 1, 1, [100], [0]);
    track.update(live, overlay(10));
    expect(calls).toBe(1);
  });
});
