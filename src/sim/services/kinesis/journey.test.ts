import { describe, expect, it } from 'vitest';
import type { Journey } from '../../core/journey.ts';
import { scenario } from '../../testing.ts';

const KINESIS = 'AWS::Kinesis::Stream';
const FN = 'AWS::Lambda::Function';

/** One record (poison or not) into a one-shard stream read by a function; a queue as the mapping's OnFailure destination. */
function recordJourney(seed: number, poison: boolean, mapping: Record<string, unknown> = {}): Journey[] {
  return scenario({ durationSeconds: 30, seed })
    .node('Sensors', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 }, { poisonRate: poison ? 1 : 0 })
    .node('Stream', KINESIS, { ShardCount: 1 })
    .node('Fn', FN, {}, { duration: 100, coldStartMs: 300 })
    .node('Failed', 'AWS::SQS::Queue')
    .edge('Sensors', 'Stream')
    .edge('Stream', 'Fn', { properties: mapping })
    .edge('Stream', 'Failed', { role: 'onFailure' })
    .run()
    .journeys();
}

const rows = (j: Journey) => j.hops.filter((h) => h.kind !== 'span').map((h) => [h.nodeId, h.kind, h.label, h.startMs, h.endMs]);

describe('journeys into a Kinesis stream', () => {
  it('a record enters with PutRecord, accepted or refused by its shard (aws-behaviour Kinesis "shard limits")', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Sensors', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 }, { payloadSizeKB: 2000 })
      .node('Stream', KINESIS, { ShardCount: 1 })
      .edge('Sensors', 'Stream')
      .run();
    const [j] = sim.journeys();
    expect(j.hops.filter((h) => h.nodeId === 'Stream').map((h) => [h.kind, h.label, h.detail])).toEqual([
      ['throttle', 'PutRecord', '1 refused: ProvisionedThroughputExceededException'],
    ]);
  });

  it('a record waits in its shard until the next poll, is read in a batch and runs in the function (aws-behaviour "polling", "IteratorAge")', () => {
    const [j] = recordJourney(1, false);
    expect(rows(j)).toEqual([
      ['Stream', 'event', 'PutRecord', 0, 0],
      // Kinesis polls each shard about once a second: the record written at 0 is read at 1 s.
      ['Stream', 'wait', 'waits in the shard', 0, 1000],
      ['Stream', 'event', 'read in a batch of 1', 1000, 1000],
      ['Fn', 'init', 'cold start (Init)', 1000, 1300],
      ['Fn', 'work', 'runs', 1300, 1400],
    ]);
    expect(j.hops.find((h) => h.kind === 'wait')?.detail).toBe('shardId-000000000000 · age 1 s when read (IteratorAge)');
    expect(j.hops.find((h) => h.label === 'read in a batch of 1')?.detail).toBe('event source mapping to Fn');
    expect(j.failure).toBeUndefined();
    expect(j.endMs).toBe(1400);
  });

  it('a failing batch is retried MaximumRetryAttempts times, then its OnFailure record goes on into the destination (aws-behaviour "errors")', () => {
    const [j] = recordJourney(1, true, { MaximumRetryAttempts: 2, retryDelayMs: 1000 });
    expect(rows(j)).toEqual([
      ['Stream', 'event', 'PutRecord', 0, 0],
      ['Stream', 'wait', 'waits in the shard', 0, 1000],
      ['Stream', 'event', 'read in a batch of 1', 1000, 1000],
      ['Fn', 'init', 'cold start (Init)', 1000, 1300],
      ['Fn', 'work', 'runs', 1300, 1400],
      ['Stream', 'retry', 'batch retry 1 of 2 waits', 1400, 2400],
      ['Stream', 'event', 'read in a batch of 1', 2400, 2400],
      ['Fn', 'work', 'runs', 2400, 2500],
      ['Stream', 'retry', 'batch retry 2 of 2 waits', 2500, 3500],
      ['Stream', 'event', 'read in a batch of 1', 3500, 3500],
      ['Fn', 'work', 'runs', 3500, 3600],
      ['Stream', 'deadLetter', 'OnFailure record to Failed', 3600, 3600],
      ['Failed', 'event', 'SendMessage', 3600, 3600],
    ]);
    expect(j.hops.filter((h) => h.label === 'runs').every((h) => h.error === true)).toBe(true);
    expect(j.hops.filter((h) => h.label === 'read in a batch of 1').map((h) => h.detail)).toEqual([
      'event source mapping to Fn',
      'retry 1 · event source mapping to Fn',
      'retry 2 · event source mapping to Fn',
    ]);
    expect(j.hops.find((h) => h.kind === 'deadLetter')?.detail).toBe('RetryAttemptsExhausted: MaximumRetryAttempts 2, after FunctionError');
    expect(j.failure).toBe('discarded by the event source mapping of Stream: its OnFailure record went to Failed');
  });

  it('BisectBatchOnFunctionError splits the batch until the poison record is alone; a good record behind it waits and then succeeds (aws-behaviour "bisect")', () => {
    const sim = scenario({ durationSeconds: 30 })
      .node('Good', 'Client', { pattern: 'constant', ratePerSecond: 3, stopSeconds: 1 })
      .node('Bad', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 }, { poisonRate: 1 })
      .node('Stream', KINESIS, { ShardCount: 1 })
      .node('Fn', FN, {}, { duration: 100, coldStartMs: 0 })
      .edge('Good', 'Stream')
      .edge('Bad', 'Stream')
      .edge('Stream', 'Fn', { properties: { MaximumRetryAttempts: 0, BisectBatchOnFunctionError: true } })
      .run();
    const bad = sim.journeys().find((j) => j.source === 'Bad')!;
    const good = sim.journeys().find((j) => j.source === 'Good')!;
    const reads = (j: Journey) => j.hops.filter((h) => h.label.startsWith('read in a batch')).map((h) => [h.label, h.startMs]);
    // Four records at 1 s: the batch fails, its first half (2) fails, its first record alone (the poison one) fails.
    expect(reads(bad)).toEqual([['read in a batch of 4', 1000], ['read in a batch of 2', 2100], ['read in a batch of 1', 3200]]);
    expect(bad.hops.filter((h) => h.kind === 'retry').map((h) => [h.label, h.startMs, h.endMs])).toEqual([['split batch waits', 1100, 2100], ['split batch waits', 2200, 3200]]);
    expect(bad.hops.at(-1)).toMatchObject({ kind: 'deadLetter', label: 'discarded', detail: 'RetryAttemptsExhausted: MaximumRetryAttempts 0, after FunctionError; no OnFailure destination' });
    expect(bad.failure).toBe('discarded by the event source mapping of Stream');
    // The good record was in the failed halves, waited behind the poison record's last try, then ran.
    expect(reads(good)).toEqual([['read in a batch of 4', 1000], ['read in a batch of 2', 2100], ['read in a batch of 3', 3300]]);
    expect(good.hops.filter((h) => h.kind === 'wait').map((h) => [h.startMs, h.endMs])).toEqual([[0, 1000], [3200, 3300]]);
    expect(good.hops.at(-1)).toMatchObject({ nodeId: 'Fn', label: 'runs', startMs: 3300, endMs: 3400, detail: 'Ok · warm environment' });
    expect(good.failure).toBeUndefined();
  });

  it('a record no consumer reads is trimmed by the retention (aws-behaviour "retention")', () => {
    const sim = scenario({ durationSeconds: 25 * 3600 })
      .node('Sensors', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Stream', KINESIS, { ShardCount: 1, RetentionPeriodHours: 24 })
      .node('Fn', FN)
      .edge('Sensors', 'Stream')
      .edge('Stream', 'Fn', { properties: { Enabled: false } })
      .run();
    const [j] = sim.journeys();
    const last = j.hops.at(-1)!;
    expect(last).toMatchObject({ nodeId: 'Stream', kind: 'deadLetter', label: 'trimmed by the retention', detail: 'older than the retention period 24 h; not read by Fn' });
    // Trimmed at the first upkeep after the record is 24 h old.
    expect(last.startMs).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(last.startMs).toBeLessThan(24 * 3_600_000 + 60_000);
    expect(j.failure).toBe('expired in Stream');
  });

  it('the same seed gives the same journeys', () => {
    expect(recordJourney(7, true, { MaximumRetryAttempts: 1 })).toEqual(recordJourney(7, true, { MaximumRetryAttempts: 1 }));
  });
});
