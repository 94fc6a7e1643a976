import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine.ts';
import { scenario, sum, total } from '../../testing.ts';
import { erlangC } from '../../theory/erlang.ts';
import type { SqsQueue } from './model.ts';
import { loadedModels } from '../registry.ts';

/** Client -> SQS -> Lambda through the real engine, Client and Lambda models. */
describe('SQS -> Lambda through the engine', () => {
  it('an always-failing function: 3 receives and 3 invocations per message, then the DLQ', () => {
    const sim = scenario({ durationSeconds: 300 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 2, stopSeconds: 10 })
      .node('Q', 'AWS::SQS::Queue', { VisibilityTimeout: 30, RedrivePolicy: { maxReceiveCount: 3 } })
      .node('DLQ', 'AWS::SQS::Queue')
      .node('Fn', 'AWS::Lambda::Function', { Timeout: 5 }, { duration: 100, errorRate: 1 })
      .edge('Users', 'Q')
      .edge('Q', 'Fn', { properties: { BatchSize: 1 } })
      .edge('Q', 'DLQ')
      .run();
    const sent = sum(sim, 'Q', 'NumberOfMessagesSent');
    expect(sent).toBe(20);
    expect(sum(sim, 'Q', 'NumberOfMessagesReceived')).toBe(3 * sent);
    expect(sum(sim, 'Fn', 'Invocations')).toBe(3 * sent);
    expect(sum(sim, 'Fn', 'Errors')).toBe(3 * sent);
    expect(sum(sim, 'Q', 'NumberOfMessagesDeleted')).toBe(0);
    expect(sum(sim, 'DLQ', 'NumberOfMessagesSent')).toBe(0);
    expect(total(sim, 'DLQ', 'ApproximateNumberOfMessagesVisible').Maximum).toBe(sent);
    expect((sim.model('DLQ') as SqsQueue).visibleCount).toBe(sent);
  });

  it('never runs more than ScalingConfig.MaximumConcurrency invocations, and reserved concurrency below it throttles', () => {
    const build = (reserved?: number) =>
      scenario({ durationSeconds: 240 })
        .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 400, stopSeconds: 10 })
        .node('Q', 'AWS::SQS::Queue', { VisibilityTimeout: 20 })
        .node('Fn', 'AWS::Lambda::Function', { Timeout: 3, ...(reserved ? { ReservedConcurrentExecutions: reserved } : {}) }, { duration: { distribution: 'constant', valueMs: 1000 } })
        .edge('Users', 'Q')
        .edge('Q', 'Fn', { properties: { BatchSize: 1, ScalingConfig: { MaximumConcurrency: 40 } } })
        .run();
    const capped = build();
    expect(total(capped, 'Fn', 'ConcurrentExecutions').Maximum).toBe(40);
    expect(sum(capped, 'Fn', 'Throttles')).toBe(0);
    expect(sum(capped, 'Q', 'NumberOfMessagesDeleted')).toBe(4_000);
    const reserved = build(25);
    expect(total(reserved, 'Fn', 'ConcurrentExecutions').Maximum).toBe(25);
    const throttles = sum(reserved, 'Fn', 'Throttles');
    expect(throttles).toBeGreaterThan(0);
    // Throttled batches went back to the queue: received again, then deleted.
    expect(sum(reserved, 'Q', 'NumberOfMessagesReceived')).toBe(sum(reserved, 'Fn', 'Invocations') + throttles);
    const q = reserved.model('Q') as SqsQueue;
    expect(q.count.deleted + q.held).toBe(4_000);
  });

  it('a live edit of VisibilityTimeout applies to the next receive', () => {
    const build = () =>
      scenario({ durationSeconds: 58 })
        .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 0.5 })
        .node('Q', 'AWS::SQS::Queue', { VisibilityTimeout: 30 })
        .node('Fn', 'AWS::Lambda::Function', {}, { duration: 100, errorRate: 1 })
        .edge('Users', 'Q')
        .edge('Q', 'Fn', { properties: { BatchSize: 1 } })
        .build();
    const unchanged = new Simulation(build(), loadedModels());
    unchanged.run();
    expect(sum(unchanged, 'Q', 'NumberOfMessagesReceived')).toBe(2); // received at 0 and 30 s
    const scn = build();
    const edited = new Simulation(scn, loadedModels());
    edited.advanceTo(10_000);
    const q = scn.nodes.find((n) => n.id === 'Q')!;
    edited.updateNode({ ...q, properties: { ...q.properties, VisibilityTimeout: 5 } });
    edited.run();
    // The receive at 0 s keeps its 30 s timeout; then every 5 s: 30, 35, ..., 55 s.
    expect(sum(edited, 'Q', 'NumberOfMessagesReceived')).toBe(7);
  });

  it('a FIFO queue runs at most one batch per message group: concurrency stays at the number of groups', () => {
    const sim = scenario({ durationSeconds: 120 })
      .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 80, stopSeconds: 60 }, { keys: { distribution: 'uniform', count: 4 } })
      .node('Q', 'AWS::SQS::Queue', { FifoQueue: true })
      .node('Fn', 'AWS::Lambda::Function', {}, { duration: 200 })
      .edge('Users', 'Q')
      .edge('Q', 'Fn', { properties: { BatchSize: 5 } })
      .run();
    expect(total(sim, 'Fn', 'ConcurrentExecutions').Maximum).toBe(4);
    expect(sum(sim, 'Q', 'NumberOfMessagesDeleted')).toBe(sum(sim, 'Q', 'NumberOfMessagesSent'));
  });

  it('mean queue length with a real Lambda at MaximumConcurrency 10 is within 15% of Erlang C', () => {
    const c = 10;
    const a = 8; // 80 messages/s x 100 ms
    const sim = scenario({ durationSeconds: 1800, seed: 5 })
      .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 80 })
      .node('Q', 'AWS::SQS::Queue')
      .node('Fn', 'AWS::Lambda::Function', {}, { duration: { distribution: 'exponential', meanMs: 100 }, coldStartMs: 0 })
      .edge('Users', 'Q')
      .edge('Q', 'Fn', { properties: { BatchSize: 1, ScalingConfig: { MaximumConcurrency: c } } })
      .run();
    const lq = (erlangC(c, a) * a) / (c - a);
    const measured = total(sim, 'Q', 'ApproximateNumberOfMessagesVisible').Average;
    expect(Math.abs(measured - lq) / lq).toBeLessThan(0.15);
    expect(total(sim, 'Fn', 'ConcurrentExecutions').Maximum).toBe(c);
  });
});
