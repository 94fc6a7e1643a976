import { describe, expect, it } from 'vitest';
import { Outcome, type Edge, type Message, type ReplyInfo, type ReplyTo } from '../../core/model.ts';
import { Random } from '../../core/random.ts';
import { Simulation } from '../../engine.ts';
import { answerTo, scenario, sum, total } from '../../testing.ts';
import { SDK_MAX_ATTEMPTS, sdkRetryDelay } from './calls.ts';
import { loadedModels } from '../registry.ts';

const FN = 'AWS::Lambda::Function';
const TABLE = 'AWS::DynamoDB::Table';
const constant = (ratePerSecond: number, extra: Record<string, unknown> = {}) => ({ pattern: 'constant', ratePerSecond, ...extra });
type Receiver = { receive(m: Message, e: Edge, r: ReplyTo | null, slot: number): void };

describe('Lambda SDK calls', () => {
  it('adds each synchronous call\'s latency to the invocation\'s Duration and the caller\'s latency', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', constant(10))
      .node('Fn', FN, {}, { duration: 50, coldStartMs: 0 })
      .node('Table', TABLE, { WriteCapacityUnits: 1000, ReadCapacityUnits: 1000 }, { latency: 10 })
      .edge('Users', 'Fn')
      .edge('Fn', 'Table', { properties: { operation: 'GetItem', perInvocation: 2 } })
      .edge('Fn', 'Table', { properties: { operation: 'PutItem' } })
      .run();
    // 3 calls of 10 ms, then 50 ms of compute.
    expect(total(sim, 'Fn', 'Duration').Minimum).toBe(80);
    expect(total(sim, 'Fn', 'Duration').Maximum).toBe(80);
    expect(total(sim, 'Users', 'Latency').Maximum).toBe(80);
    const invocations = sum(sim, 'Fn', 'Invocations');
    expect(invocations).toBe(100);
    expect(sum(sim, 'Table', 'ConsumedReadCapacityUnits')).toBe(100 * 2 * 0.5);
    expect(sum(sim, 'Table', 'ConsumedWriteCapacityUnits')).toBe(100);
  });

  it('with perRecord, makes the calls once per record of an SQS batch instead of once per invocation', () => {
    const run = (perRecord: boolean) =>
      scenario({ durationSeconds: 30 })
        .node('Users', 'Client', constant(100, { stopSeconds: 20 }))
        .node('Jobs', 'AWS::SQS::Queue')
        .node('Fn', FN, {}, { duration: 20, coldStartMs: 0 })
        .node('Table', TABLE, { WriteCapacityUnits: 1000, ReadCapacityUnits: 1000 }, { latency: 5 })
        .edge('Users', 'Jobs')
        .edge('Jobs', 'Fn', { properties: { BatchSize: 10, MaximumBatchingWindowInSeconds: 1 } })
        .edge('Fn', 'Table', { properties: { operation: 'PutItem', perRecord } })
        .run();
    const perRecord = run(true);
    const perInvocation = run(false);
    expect(sum(perRecord, 'Jobs', 'NumberOfMessagesDeleted')).toBe(2000);
    expect(sum(perRecord, 'Table', 'ConsumedWriteCapacityUnits')).toBe(2000);
    // Batches of several messages: one write per invocation is far fewer than one per message.
    const invocations = sum(perInvocation, 'Fn', 'Invocations');
    expect(invocations).toBeLessThan(1000);
    expect(sum(perInvocation, 'Table', 'ConsumedWriteCapacityUnits')).toBe(invocations);
  });

  it('tries a call to a table that always throttles 3 times in all, then fails the invocation naming the call', () => {
    const sim = new Simulation(
      scenario({ durationSeconds: 20 })
        .node('Users', 'Client', constant(2, { stopSeconds: 15 }))
        .node('Fn', FN, { Timeout: 30 }, { duration: 20, coldStartMs: 0 })
        .node('Table', TABLE, {}, { latency: 5 })
        .edge('Users', 'Fn')
        .edge('Fn', 'Table', { properties: { operation: 'PutItem' } })
        .build(),
      loadedModels(),
    );
    const table = sim.model('Table') as Receiver;
    const receive = table.receive.bind(table);
    const calls: number[] = [];
    const reasons: string[] = [];
    table.receive = (m, e, replyTo, slot) => {
      calls.push(sim.now);
      // A table over its throughput: the real model counts WriteThrottleEvents; force the throttle.
      receive(m, e, replyTo === null ? null : answerTo((_o, doneAt) => replyTo.reply(slot, Outcome.Throttled, doneAt, { reason: 'ProvisionedThroughputExceededException' })), slot);
    };
    const fn = sim.model('Fn') as Receiver;
    const fnReceive = fn.receive.bind(fn);
    fn.receive = (m, e, replyTo, slot) =>
      fnReceive(
        m,
        e,
        replyTo === null
          ? null
          : answerTo((o: Outcome, doneAt: number, info?: ReplyInfo) => {
              if (info?.reason) reasons.push(info.reason);
              replyTo.reply(slot, o, doneAt, info);
            }),
        slot,
      );
    sim.run();
    const invocations = sum(sim, 'Fn', 'Invocations');
    expect(invocations).toBe(sum(sim, 'Users', 'Requests'));
    expect(calls.length).toBe(SDK_MAX_ATTEMPTS * invocations);
    expect(sum(sim, 'Fn', 'Errors')).toBe(invocations);
    expect(sum(sim, 'Fn', 'SdkCallRetries')).toBe(2 * invocations);
    expect(sum(sim, 'Fn', 'SdkCallFailures')).toBe(invocations);
    expect(reasons[0]).toBe('PutItem on Table failed after 3 attempts (SDK standard retries): ProvisionedThroughputExceededException');
    // Retry n waits floor(random * 500 ms * 2^(n-1)) after the throttle's answer (5 ms), so at most 500 ms then 1,000 ms.
    const first = calls.slice(0, 3);
    expect(first[1] - first[0]).toBeGreaterThanOrEqual(5);
    expect(first[1] - first[0]).toBeLessThan(505);
    expect(first[2] - first[1]).toBeGreaterThanOrEqual(5);
    expect(first[2] - first[1]).toBeLessThan(1005);
  });

  it('retries throttles on a real table: WriteThrottleEvents are exactly the attempts, and 3 throttles fail an invocation', () => {
    // 5 WCU per PutItem of 5 KB on a 1 WCU table without burst: no write ever fits.
    const sim = scenario({ durationSeconds: 20 })
      .node('Users', 'Client', constant(2, { stopSeconds: 15 }))
      .node('Fn', FN, { Timeout: 30 }, { duration: 20, coldStartMs: 0 })
      .node('Table', TABLE, { WriteCapacityUnits: 1, ReadCapacityUnits: 1 }, { burstSeconds: 0, latency: 5 })
      .edge('Users', 'Fn')
      .edge('Fn', 'Table', { properties: { operation: 'PutItem', itemSizeKB: 5 } })
      .run();
    const invocations = sum(sim, 'Fn', 'Invocations');
    expect(invocations).toBe(30);
    expect(sum(sim, 'Table', 'ConsumedWriteCapacityUnits')).toBe(0);
    expect(sum(sim, 'Table', 'WriteThrottleEvents')).toBe(3 * invocations);
    expect(sum(sim, 'Fn', 'Errors')).toBe(invocations);
  });

  it('waits for a RequestResponse invoke of another function, and fails when that function fails', () => {
    const run = (calleeErrorRate: number) =>
      scenario({ durationSeconds: 10 })
        .node('Users', 'Client', constant(5))
        .node('Front', FN, {}, { duration: 20, coldStartMs: 0 })
        .node('Back', FN, {}, { duration: 30, coldStartMs: 0, errorRate: calleeErrorRate })
        .edge('Users', 'Front')
        .edge('Front', 'Back', { properties: { invocationType: 'RequestResponse' } })
        .run();
    const ok = run(0);
    expect(sum(ok, 'Front', 'Invocations')).toBe(50);
    expect(sum(ok, 'Back', 'Invocations')).toBe(50);
    expect(total(ok, 'Front', 'Duration').Maximum).toBe(50);
    expect(total(ok, 'Front', 'Duration').Minimum).toBe(50);
    expect(sum(ok, 'Front', 'Errors')).toBe(0);
    const failing = run(1);
    expect(sum(failing, 'Back', 'Errors')).toBe(50);
    expect(sum(failing, 'Front', 'Errors')).toBe(50);
    expect(sum(failing, 'Front', 'SdkCallRetries')).toBe(0); // a function error is not retried by the SDK
    expect(total(failing, 'Front', 'Duration').Maximum).toBe(30); // the handler throws when the call returns
  });

  it('ends an invocation at its Timeout while it waits on a slow call (FunctionTimeout)', () => {
    const sim = scenario({ durationSeconds: 20 })
      .node('Users', 'Client', constant(1, { stopSeconds: 15 }))
      .node('Front', FN, { Timeout: 1 }, { duration: 20, coldStartMs: 0 })
      .node('Back', FN, { Timeout: 10 }, { duration: 2500, coldStartMs: 0 })
      .edge('Users', 'Front')
      .edge('Front', 'Back')
      .run();
    expect(sum(sim, 'Front', 'Invocations')).toBe(15);
    expect(sum(sim, 'Front', 'Errors')).toBe(15);
    expect(total(sim, 'Front', 'Duration').Maximum).toBe(1000);
    expect(total(sim, 'Users', 'Latency').Maximum).toBe(1000);
    expect(sum(sim, 'Back', 'Invocations')).toBe(15); // the callee finishes its work regardless
    expect(sum(sim, 'Back', 'Errors')).toBe(0);
  });

  it('an Event invoke and a SendMessage add only their quick answers; the callee queues the event', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', constant(10))
      .node('Fn', FN, {}, { duration: 50, coldStartMs: 0 })
      .node('Worker', FN, {}, { duration: 500, coldStartMs: 0 })
      .node('Queue', 'AWS::SQS::Queue', {}, { sendLatency: 7 })
      .edge('Users', 'Fn')
      .edge('Fn', 'Worker', { properties: { invocationType: 'Event', eventInvokeLatencyMs: 15 } })
      .edge('Fn', 'Queue', { properties: { perInvocation: 3 } })
      .run();
    expect(total(sim, 'Fn', 'Duration').Maximum).toBe(15 + 3 * 7 + 50);
    expect(sum(sim, 'Worker', 'AsyncEventsReceived')).toBe(100);
    expect(sum(sim, 'Queue', 'NumberOfMessagesSent')).toBe(300);
  });

  it('computes the SDK backoff as floor(random x min(20 s, base x 2^(attempt-1)))', () => {
    const rng = { next: () => 0.999 } as unknown as Random;
    expect(sdkRetryDelay(1, true, rng)).toBe(499);
    expect(sdkRetryDelay(2, true, rng)).toBe(999);
    expect(sdkRetryDelay(1, false, rng)).toBe(99);
    expect(sdkRetryDelay(2, false, rng)).toBe(199);
    expect(sdkRetryDelay(10, true, rng)).toBe(19_980);
  });

  it('publishes SDK and async metrics only on functions that make calls or can be invoked asynchronously', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', constant(1))
      .node('Events', 'Client', constant(1))
      .node('Plain', FN, {}, { duration: 10, coldStartMs: 0 })
      .node('Caller', FN, {}, { duration: 10, coldStartMs: 0 })
      .node('Queue', 'AWS::SQS::Queue')
      .edge('Users', 'Plain')
      .edge('Events', 'Caller', { properties: { invocationType: 'Event' } })
      .edge('Caller', 'Queue')
      .run();
    const names = (node: string) => sim.metrics.defs.filter((d) => d.node === node).map((d) => d.name);
    expect(names('Plain')).not.toContain('SdkCallRetries');
    expect(names('Plain')).not.toContain('AsyncEventsReceived');
    expect(names('Caller')).toContain('SdkCallRetries');
    expect(names('Caller')).toContain('AsyncEventsReceived');
    expect(sum(sim, 'Queue', 'NumberOfMessagesSent')).toBe(5);
  });

  it('an async invocation failed by its call is retried like any function error', () => {
    const sim = scenario({ durationSeconds: 400 })
      .node('Events', 'Client', constant(1, { stopSeconds: 3.5 }))
      .node('Fn', FN, { Timeout: 30 }, { duration: 20, coldStartMs: 0 })
      .node('Table', TABLE, { WriteCapacityUnits: 1, ReadCapacityUnits: 1 }, { burstSeconds: 0, latency: 5 })
      .node('Failures', 'AWS::SQS::Queue')
      .edge('Events', 'Fn', { properties: { invocationType: 'Event' } })
      .edge('Fn', 'Table', { properties: { operation: 'PutItem', itemSizeKB: 5 } })
      .edge('Fn', 'Failures', { role: 'onFailure' })
      .run();
    // 4 events x 3 attempts (MaximumRetryAttempts 2) x 3 SDK attempts each.
    expect(sum(sim, 'Fn', 'Invocations')).toBe(12);
    expect(sum(sim, 'Table', 'WriteThrottleEvents')).toBe(36);
    expect(sum(sim, 'Fn', 'AsyncEventsDropped')).toBe(4);
    expect(sum(sim, 'Failures', 'NumberOfMessagesSent')).toBe(4);
  });
});
