import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing.ts';

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
});
