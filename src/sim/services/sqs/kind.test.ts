import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../core/model.ts';
import { sqsKind } from './kind.ts';
import { eventSourceMappingSchema } from './spec.ts';

const queue = (id: string, properties: Record<string, unknown> = {}): SimNode => ({
  id,
  type: 'AWS::SQS::Queue',
  properties: sqsKind.properties.parse(properties),
  behaviour: {},
});

describe('AWS::SQS::Queue kind', () => {
  it("fills AWS's defaults and keeps unknown CloudFormation properties", () => {
    const p = sqsKind.properties.parse({ QueueName: 'orders', Tags: [{ Key: 'team', Value: 'a' }] });
    expect(p).toMatchObject({ VisibilityTimeout: 30, MessageRetentionPeriod: 345_600, DelaySeconds: 0, FifoQueue: false, QueueName: 'orders' });
    expect(eventSourceMappingSchema.parse({})).toMatchObject({ BatchSize: 10, MaximumBatchingWindowInSeconds: 0, Enabled: true, FunctionResponseTypes: [] });
  });

  it('rejects values outside AWS ranges with the path and range', () => {
    const bad = sqsKind.properties.safeParse({ VisibilityTimeout: 50_000, RedrivePolicy: { maxReceiveCount: 0 } });
    expect(bad.success).toBe(false);
    const issues = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toEqual(['VisibilityTimeout: must be 0..43,200 (s)', 'RedrivePolicy.maxReceiveCount: must be 1..1000']);
    const esm = eventSourceMappingSchema.safeParse({ ScalingConfig: { MaximumConcurrency: 1 }, FunctionResponseTypes: ['Nope'] });
    expect(esm.error?.issues.map((i) => i.path.join('.'))).toEqual(['ScalingConfig.MaximumConcurrency', 'FunctionResponseTypes.0']);
  });

  it('checks FIFO-only settings and FIFO connections', () => {
    expect(sqsKind.check?.(queue('Q', { ContentBasedDeduplication: true }))).toEqual([
      ['properties.ContentBasedDeduplication', 'applies only to FIFO queues (FifoQueue: true)'],
    ]);
    const fifo = queue('F', { FifoQueue: true });
    expect(sqsKind.checkConnection?.(fifo, queue('D'), 'deadLetter', {})).toEqual([
      ['', 'the dead-letter queue of a FIFO queue must also be a FIFO queue (D is not)'],
    ]);
    expect(sqsKind.checkConnection?.(fifo, queue('D2', { FifoQueue: true }), 'deadLetter', {})).toEqual([]);
    const fn: SimNode = { id: 'Fn', type: 'AWS::Lambda::Function', properties: {}, behaviour: {} };
    expect(sqsKind.checkConnection?.(fifo, fn, 'eventSource', { BatchSize: 20 })).toEqual([['properties.BatchSize', 'must be 1..10 for a FIFO queue (is 20)']]);
  });
});
