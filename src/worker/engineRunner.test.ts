import { describe, expect, it, vi } from 'vitest';
import { EngineRunner } from './engineRunner.ts';
import { tickerKind, tickerRegistry, tickerScenario } from './testKind.ts';

vi.mock('../sim/services/registry.ts', async () => {
  const { tickerKind: kind } = await import('./testKind.ts');
  const { deriveConnections } = await import('../sim/core/serviceKind.ts');
  const connections = deriveConnections([kind]);
  return {
    serviceKind: () => kind,
    findServiceKind: () => kind,
    SERVICE_KINDS: [kind],
    connectionsFrom: (t: string) => connections.get(t) ?? [],
    connectionBetween: (f: string, t: string) => (connections.get(f) ?? []).find((c) => c.to === t),
  };
});

/** A fake wall clock advanced by hand; each engine call costs `costMs`. */
function fakeClock(costMs = 0) {
  const c = { t: 0, costMs, read: () => (c.t += c.costMs) };
  return c;
}

describe('EngineRunner', () => {
  it('builds an index with every series column, named as in the result document', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock().read);
    const index = r.load(tickerScenario());
    expect(index.maxPeriods).toBe(10);
    expect(index.periodSeconds).toBe(1);
    expect(index.columns.filter((c) => c.node === 'A').map((c) => c.column)).toEqual([
      'Requests',
      'Depth',
      'Depth.Maximum',
      'Depth.Minimum',
      'Latency',
      'Latency.SampleCount',
      'Latency.p50',
      'Latency.p90',
      'Latency.p99',
      'Latency.Maximum',
      'Latency.Minimum',
    ]);
    expect(index.nodes[0]).toMatchObject({ id: 'A', type: tickerKind.type, figures: ['Depth', 'Requests'] });
    expect(index.edges).toEqual([{ from: 'A', to: 'B' }]);
  });

  it('steps exactly the asked simulated time, then pauses, and frames carry only new periods', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock().read);
    const index = r.load(tickerScenario());
    r.step(3);
    while (r.tick() >= 0);
    expect(r.state).toBe('paused');
    expect(r.simulation!.now).toBe(3000);
    const f = r.takeFrame()!;
    expect(f.fromPeriod).toBe(0);
    expect(f.periodCount).toBe(3);
    const requests = index.columns.findIndex((c) => c.node === 'A' && c.column === 'Requests');
    // The tick at exactly 1,000 ms belongs to the second period: the period closes first (engine order).
    expect(Array.from(f.columns.subarray(requests * 3, requests * 3 + 3))).toEqual([99, 100, 100]);
    expect(f.instant[0]).toBe(300); // A's Requests running sum
    expect(f.instant[1]).toBe(0); // A's Depth: 300 mod 5
    expect(Number.isNaN(f.instant[2])).toBe(true);
    expect(f.edgeCounts[0]).toBe(300);
    // Messages over the edge in the newest closed period: the third's, like its Requests column.
    expect(f.edgePeriodCounts[0]).toBe(100);
    expect(r.takeFrame()).toBeNull();
    r.step(2.5);
    while (r.tick() >= 0);
    const g = r.takeFrame()!;
    expect([g.fromPeriod, g.periodCount, g.now]).toEqual([3, 2, 5500]);
    expect(g.instant[0]).toBe(550);
  });

  it('runs as fast as possible to the end and reports done', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock(4).read); // every engine call "costs" 4 ms: 2 per slice
    r.load(tickerScenario(60));
    r.run();
    let ticks = 0;
    while (r.tick() >= 0) ticks++;
    expect(r.state).toBe('done');
    expect(ticks).toBeGreaterThan(20); // sliced to the budget, not one call
    expect(r.takeFrame()!.periodCount).toBe(60);
  });

  it('paces to real time at speed 1 and to 10x at speed 10', () => {
    const clock = fakeClock();
    const r = new EngineRunner(tickerRegistry, clock.read);
    r.load(tickerScenario(600));
    r.setSpeed(1);
    r.run();
    clock.t = 2000;
    expect(r.tick()).toBeGreaterThan(0); // caught up: wait for the clock
    expect(r.simulation!.now).toBe(2000);
    r.setSpeed(10);
    clock.t = 2500;
    r.tick();
    expect(r.simulation!.now).toBe(7000);
  });

  it('applies a live edit at the next event without restarting', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock().read);
    r.load(tickerScenario(10));
    r.step(1);
    while (r.tick() >= 0);
    r.updateNode({ id: 'A', type: tickerKind.type, properties: { intervalMs: 100 }, behaviour: {} });
    r.step(1);
    while (r.tick() >= 0);
    const f = r.takeFrame()!;
    expect(f.instant[0]).toBe(110);
    expect(() => r.updateNode({ id: 'Nope', type: tickerKind.type, properties: {}, behaviour: {} })).toThrow(/no node "Nope"/);
  });

  it('reset rebuilds from time 0 with a new seed and a new generation; keeps live edits', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock().read);
    const first = r.load(tickerScenario(10));
    r.updateNode({ id: 'A', type: tickerKind.type, properties: { intervalMs: 500 }, behaviour: {} });
    r.step(2);
    while (r.tick() >= 0);
    const second = r.reset(7);
    expect(second.generation).toBe(first.generation + 1);
    expect(second.seed).toBe(7);
    expect(r.simulation!.now).toBe(0);
    r.step(1);
    while (r.tick() >= 0);
    expect(r.takeFrame()!.instant[0]).toBe(2);
    expect(() => r.reset(-1)).toThrow(/seed must be a whole number/);
  });

  it('rejects bad speeds and steps with a clear message', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock().read);
    r.load(tickerScenario());
    expect(() => r.setSpeed(0)).toThrow(/speed must be above 0/);
    expect(() => r.step(-1)).toThrow(/seconds must be above 0/);
  });

  it('keeps the traffic multiplier across resets and loads, and refuses one out of range', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock().read);
    r.load(tickerScenario());
    r.setTrafficScale(5);
    expect(r.simulation!.trafficScale).toBe(5);
    r.reset();
    expect(r.simulation!.trafficScale).toBe(5);
    r.load(tickerScenario());
    r.step(1);
    while (r.tick() >= 0);
    // The ticker's 10 ms interval at 5x: every 2 ms, 500 ticks in the first second.
    expect(r.takeFrame()!.instant[0]).toBe(500);
    expect(() => r.setTrafficScale(0)).toThrow('traffic multiplier: must be 0.1x..100x, got 0');
    expect(r.trafficScale).toBe(5);
  });

  it('hands over a node\'s sampled runs: null before a load and for a model that keeps none', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock().read);
    expect(r.sampledRuns('A')).toBeNull();
    r.load(tickerScenario());
    r.step(1);
    while (r.tick() >= 0);
    expect(r.sampledRuns('A')).toBeNull();
  });

  it('hands over the journeys: null before a load, none when no traffic source sampled a request', () => {
    const r = new EngineRunner(tickerRegistry, fakeClock().read);
    expect(r.journeys()).toBeNull();
    r.load(tickerScenario());
    r.step(1);
    while (r.tick() >= 0);
    expect(r.journeys()).toEqual([]);
  });
});
