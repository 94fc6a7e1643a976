import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine.ts';
import { loadedModels } from '../services/registry.ts';
import { scenario } from '../testing.ts';
import { JourneyTrace, MAX_HOPS } from './journey.ts';
import { MAX_JOURNEYS, Tracer } from './tracer.ts';

/** A queue feeding a throttled function, with poison messages and a DLQ: journeys of every sort. */
function busy(seed: number) {
  return scenario({ seed, durationSeconds: 120 })
    .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 50 }, { poisonRate: 0.02 })
    .node('Queue', 'AWS::SQS::Queue', { VisibilityTimeout: 10, RedrivePolicy: { maxReceiveCount: 2 } })
    .node('DLQ', 'AWS::SQS::Queue')
    .node('Fn', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 2 }, { duration: { distribution: 'exponential', meanMs: 40 } })
    .edge('Users', 'Queue')
    .edge('Queue', 'Fn', { properties: { BatchSize: 5 } })
    .edge('Queue', 'DLQ')
    .build();
}

describe('journey tracer', () => {
  it('the same seed traces the same requests with the same hops', () => {
    const a = new Simulation(busy(7), loadedModels());
    a.run();
    const b = new Simulation(busy(7), loadedModels());
    b.run();
    expect(a.journeys().length).toBeGreaterThan(10);
    expect(JSON.stringify(b.journeys())).toBe(JSON.stringify(a.journeys()));
    const c = new Simulation(busy(8), loadedModels());
    c.run();
    expect(JSON.stringify(c.journeys())).not.toBe(JSON.stringify(a.journeys()));
  });

  it('keeps at most MAX_JOURNEYS: the first request, the failed ones and the slowest stay', () => {
    const sim = new Simulation(busy(7), loadedModels());
    sim.run();
    const journeys = sim.journeys();
    expect(sim.tracer.started).toBeGreaterThan(MAX_JOURNEYS);
    expect(journeys).toHaveLength(MAX_JOURNEYS);
    expect(journeys[0].reason).toBe('the first request of Users');
    expect(journeys.some((j) => j.failure === 'moved to the dead-letter queue DLQ')).toBe(true);
  });

  it('keeps its journeys spread over the whole run, not bunched at its end', () => {
    const sim = new Simulation(
      scenario({ seed: 3, durationSeconds: 600 })
        .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 20 })
        .node('Fn', 'AWS::Lambda::Function', {}, { duration: { distribution: 'constant', valueMs: 50 } })
        .edge('Users', 'Fn')
        .build(),
      loadedModels(),
    );
    sim.run();
    const starts = sim.journeys().map((j) => j.startMs);
    expect(sim.tracer.started).toBeGreaterThan(MAX_JOURNEYS);
    expect(starts).toHaveLength(MAX_JOURNEYS);
    // 60 windows of 10 s sampled, 40 kept: evicting where they are densest leaves no gap over two windows.
    let widest = 0;
    for (let i = 1; i < starts.length; i++) widest = Math.max(widest, starts[i] - starts[i - 1]);
    expect(starts[1]).toBeLessThan(30_000);
    expect(widest).toBeLessThanOrEqual(20_000 + 1_000);
  });

  it('an untraced run makes no journey and leaves every message untraced', () => {
    const sim = new Simulation(busy(7), loadedModels());
    sim.tracer.enabled = false;
    sim.run();
    expect(sim.journeys()).toEqual([]);
    expect(sim.tracer.started).toBe(0);
  });

  it('samples a source once per window of the run, plus one poison message per window', () => {
    const tracer = new Tracer(60_000);
    const source = tracer.source('Users');
    expect(source.wants(0, false)).toBe(true);
    expect(source.start(1, 0, false)?.reason).toBe('the first request of Users');
    expect(source.wants(999, false)).toBe(false);
    expect(source.wants(999, true)).toBe(true);
    expect(source.start(2, 999, true)?.reason).toBe('the first poison message of Users after 0 s');
    expect(source.wants(999.5, true)).toBe(false);
    expect(source.wants(1000, false)).toBe(true);
    expect(source.start(3, 1000, false)?.reason).toBe('the first request of Users after 1 s');
  });

  it('a journey keeps MAX_HOPS hops and counts the rest', () => {
    const t = new JourneyTrace(1, 'Users', 'test', 0, true);
    for (let i = 0; i < MAX_HOPS + 5; i++) t.hop('Q', 'event', `receive ${i}`, i, i);
    const j = t.toJourney();
    expect(j.hops).toHaveLength(MAX_HOPS);
    expect(j.omitted).toBe(5);
    expect(j.endMs).toBe(MAX_HOPS + 4);
  });
});
