import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing.ts';

describe('journeys into a Kinesis stream', () => {
  it('a record enters with PutRecord, accepted or refused by its shard (aws-behaviour Kinesis "shard limits")', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Sensors', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 }, { payloadSizeKB: 2000 })
      .node('Stream', 'AWS::Kinesis::Stream', { ShardCount: 1 })
      .edge('Sensors', 'Stream')
      .run();
    const [j] = sim.journeys();
    expect(j.hops.filter((h) => h.nodeId === 'Stream').map((h) => [h.kind, h.label, h.detail])).toEqual([
      ['throttle', 'PutRecord', '1 refused: ProvisionedThroughputExceededException'],
    ]);
  });
});
