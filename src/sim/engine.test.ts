import { describe, expect, it } from 'vitest';
import { Simulation } from './engine.ts';
import { Random } from './core/random.ts';
import { scenario, total } from './testing.ts';
import { loadedModels } from './services/registry.ts';

/** A system with every kind of pending work: sync calls, a queue with redelivery, async retries, a table. */
function busySystem(durationSeconds = 120) {
  return scenario({ durationSeconds, seed: 11 })
    .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 80 }, { poisonRate: 0.05 })
    .node('Api', 'AWS::ApiGateway::RestApi', { ThrottlingRateLimit: 70, ThrottlingBurstLimit: 20 })
    .node('Fn', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 6 }, { duration: { distribution: 'exponential', meanMs: 60 }, errorRate: 0.02 })
    .node('Jobs', 'AWS::SQS::Queue', { VisibilityTimeout: 5, RedrivePolicy: { maxReceiveCount: 3 } })
    .node('Dlq', 'AWS::SQS::Queue')
    .node('Worker', 'AWS::Lambda::Function', {}, { duration: 40 })
    .node('Table', 'AWS::DynamoDB::Table', { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } })
    .edge('Users', 'Api', { properties: { weight: 3 } })
    .edge('Users', 'Jobs', { properties: { weight: 1 } })
    .edge('Api', 'Fn')
    .edge('Jobs', 'Worker')
    .edge('Jobs', 'Dlq')
    .edge('Worker', 'Table', { role: 'call', properties: { operation: 'PutItem' } });
}

function resultWithoutWallTime(sim: Simulation): string {
  const r = sim.result();
  return JSON.stringify({ ...r, wallSeconds: 0 });
}

describe('Simulation', () => {
  it('gives the same result whether it runs in one go or in uneven slices (as the worker runs it)', () => {
    const whole = new Simulation(busySystem().build(), loadedModels());
    whole.run();
    const sliced = new Simulation(busySystem().build(), loadedModels());
    const rng = new Random(5, 'slices');
    let t = 0;
    while (!sliced.done) {
      t += rng.next() * 3000;
      sliced.advanceTo(t);
    }
    expect(total(whole, 'Worker', 'Invocations').Sum).toBeGreaterThan(1000);
    expect(total(whole, 'Dlq', 'ApproximateNumberOfMessagesVisible').Maximum).toBeGreaterThan(0);
    expect(resultWithoutWallTime(sliced)).toBe(resultWithoutWallTime(whole));
  });

  it('stops at the event budget with a message, keeping the figures of the periods it ran', () => {
    const built = busySystem().build();
    built.settings = { ...built.settings, maxEvents: 20_000 };
    const sim = new Simulation(built, loadedModels());
    const report = sim.run();
    expect(report.done).toBe(true);
    expect(sim.events).toBe(20_000);
    expect(report.stopped).toMatch(/^stopped after 20,000 events at [\d.]+ s of 120 s: .*settings\.maxEvents/);
    const result = sim.result();
    expect(result.stopped).toBe(report.stopped);
    expect(result.simulatedSeconds).toBeLessThan(120);
    expect(result.nodes.Users.totals.Requests.Sum).toBeGreaterThan(0);
  });

  it('stops with a message naming the queue when a queue nobody reads passes the backlog budget', () => {
    // 1,000 msgs/s into a queue with no consumer for 30 days would hold 2.6 billion messages.
    const sim = scenario({ durationSeconds: 30 * 86_400, settings: { maxBacklog: 50_000 } })
      .node('Producer', 'Client', { pattern: 'constant', ratePerSecond: 1000 })
      .node('Unread', 'AWS::SQS::Queue', { MessageRetentionPeriod: 1_209_600 })
      .edge('Producer', 'Unread')
      .run();
    expect(sim.stopped).toMatch(/^stopped at [\d.]+ s of 2592000 s: Unread holds \d{2},\d{3} waiting messages or events, .*settings\.maxBacklog = 50,000/);
    const result = sim.result();
    expect(result.stopped).toBe(sim.stopped);
    expect(result.simulatedSeconds).toBeLessThan(120);
    expect(result.nodes.Unread.totals.NumberOfMessagesSent.Sum).toBeGreaterThan(49_000);
  });

  it('stops with a message naming the function when its async queue outgrows the backlog budget', () => {
    const sim = scenario({ durationSeconds: 86_400, settings: { maxBacklog: 20_000 } })
      .node('Events', 'Client', { pattern: 'constant', ratePerSecond: 500 })
      .node('Slow', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 1, Timeout: 10 }, { duration: 1000, coldStartMs: 0 })
      .edge('Events', 'Slow', { properties: { invocationType: 'Event' } })
      .run();
    expect(sim.stopped).toMatch(/Slow holds \d{2},\d{3} waiting messages or events/);
    expect(sim.result().nodes.Slow.totals.Invocations.Sum).toBeGreaterThan(0);
  });

  it('advances no further than asked and never past the scenario end', () => {
    const sim = new Simulation(busySystem(10).build(), loadedModels());
    expect(sim.advanceTo(2500).now).toBe(2500);
    expect(sim.metrics.periods).toBe(2);
    const end = sim.advanceTo(1e9);
    expect(end).toMatchObject({ now: 10_000, done: true });
    expect(sim.metrics.periods).toBe(10);
  });
});
