import { describe, expect, it } from 'vitest';
import type { Journey } from '../../core/journey.ts';
import { scenario } from '../../testing.ts';

/** One write (poison or not) to a table whose stream a function reads; a queue as the mapping's OnFailure destination. */
function streamJourney(seed: number, poisonRate: number): Journey {
  const [j] = scenario({ durationSeconds: 30, seed })
    .node('Writers', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 }, { poisonRate })
    .node('Orders', 'AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: true } }, { latency: 5 })
    .node('Projector', 'AWS::Lambda::Function', {}, { duration: 20, coldStartMs: 0 })
    .node('Failures', 'AWS::SQS::Queue')
    .edge('Writers', 'Orders', { properties: { operation: 'PutItem' } })
    .edge('Orders', 'Projector', { properties: { MaximumRetryAttempts: 1, retryDelayMs: 1000 } })
    .edge('Orders', 'Failures', { role: 'onFailure' })
    .run()
    .journeys();
  return j;
}

const rows = (j: Journey) => j.hops.filter((h) => h.kind !== 'span').map((h) => [h.nodeId, h.kind, h.label, h.startMs, h.endMs]);

describe('journeys through DynamoDB', () => {
  it('a write shows its latency and units; a throttled one its exception and the SDK retry delays (aws-behaviour DynamoDB "units", "throttle")', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Fn', 'AWS::Lambda::Function', {}, { duration: 20, coldStartMs: 0 })
      .node('Table', 'AWS::DynamoDB::Table', { BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }, { latency: 5, burstSeconds: 0, adaptiveCapacity: false })
      .edge('Users', 'Fn')
      .edge('Fn', 'Table', { properties: { operation: 'PutItem', itemSizeKB: 5 } })
      .run();
    const [j] = sim.journeys();
    const table = j.hops.filter((h) => h.nodeId === 'Table');
    expect(table.map((h) => [h.kind, h.label])).toEqual([['throttle', 'write throttled'], ['throttle', 'write throttled'], ['throttle', 'write throttled']]);
    expect(table[0].detail).toMatch(/^ProvisionedThroughputExceededException · partition \d+$/);
    const retries = j.hops.filter((h) => h.kind === 'retry');
    expect(retries.map((h) => h.label)).toEqual(['SDK retry 1 to Table waits', 'SDK retry 2 to Table waits']);
    for (const r of retries) expect(r.endMs - r.startMs).toBeLessThanOrEqual(20_000);
    expect(j.hops.find((h) => h.nodeId === 'Fn' && h.kind === 'work')?.error).toBe(true);
  });

  it('a read within capacity is work for the table latency', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Fn', 'AWS::Lambda::Function', {}, { duration: 20, coldStartMs: 0 })
      .node('Table', 'AWS::DynamoDB::Table', {}, { latency: 5 })
      .edge('Users', 'Fn')
      .edge('Fn', 'Table', { properties: { operation: 'GetItem' } })
      .run();
    const [j] = sim.journeys();
    expect(j.hops.filter((h) => h.nodeId === 'Table').map((h) => [h.kind, h.label, h.startMs, h.endMs])).toEqual([['work', 'read', 0, 5]]);
    expect(j.hops.find((h) => h.nodeId === 'Table')?.detail).toMatch(/^0.5 RCU · partition \d+$/);
  });

  it("a traced write goes on into its stream record and the function reading the stream (aws-behaviour DynamoDB Streams \"polling\", \"IteratorAge\")", () => {
    const j = streamJourney(1, 0);
    expect(rows(j)).toEqual([
      ['Orders', 'work', 'write', 0, 5],
      // DynamoDB Streams are polled about 4 times a second: the record of the write at 0 is read at 250 ms.
      ['Orders', 'wait', 'waits in the shard', 0, 250],
      ['Orders', 'event', 'read in a batch of 1', 250, 250],
      ['Projector', 'work', 'runs', 250, 270],
    ]);
    expect(j.hops.find((h) => h.kind === 'wait')?.detail).toMatch(/^shardId-\d{12} · age 250 ms when read \(IteratorAge\)$/);
    expect(j.failure).toBeUndefined();
  });

  it('a write whose stream record fails its function shows the batch retries and the OnFailure record (aws-behaviour "errors")', () => {
    const j = streamJourney(1, 1);
    expect(rows(j).slice(1)).toEqual([
      ['Orders', 'wait', 'waits in the shard', 0, 250],
      ['Orders', 'event', 'read in a batch of 1', 250, 250],
      ['Projector', 'work', 'runs', 250, 270],
      ['Orders', 'retry', 'batch retry 1 of 1 waits', 270, 1270],
      ['Orders', 'event', 'read in a batch of 1', 1270, 1270],
      ['Projector', 'work', 'runs', 1270, 1290],
      ['Orders', 'deadLetter', 'OnFailure record to Failures', 1290, 1290],
      ['Failures', 'event', 'SendMessage', 1290, 1290],
    ]);
    expect(j.hops.filter((h) => h.label === 'runs').map((h) => h.error)).toEqual([true, true]);
    expect(j.failure).toBe('discarded by the event source mapping of Orders: its OnFailure record went to Failures');
    expect(streamJourney(1, 1)).toEqual(j);
  });
});
