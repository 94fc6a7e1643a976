import { z } from 'zod';
import { batchSizeField, batchingWindowField, enabledField, functionResponseTypesField } from '../../core/eventSource/mappingSettings.ts';
import { bool, choice, duration, int, num, optionalInt } from '../../core/fields.ts';

/**
 * The schemas of an AWS::SQS::Queue node and of its event source mapping edge (SQS -> Lambda).
 * Rules: docs/aws-behaviour.md "SQS, and Lambda polling SQS (event source mapping)".
 */

export const redrivePolicySchema = z.looseObject({
  maxReceiveCount: optionalInt({ min: 1, max: 1000 }, {
    label: 'Max receive count',
    help: 'Receives after which a message moves to the dead-letter queue (the deadLetter edge). AWS advises at least 5.',
    group: 'Settings',
    rule: 'SQS: redrive',
  }),
});

export const sqsProperties = z.looseObject({
  FifoQueue: bool(false, {
    label: 'FIFO queue',
    help: 'Ordered per MessageGroupId, one batch in flight per group, lower send throughput.',
    group: 'Settings',
    rule: 'SQS: delivery',
  }),
  ContentBasedDeduplication: bool(false, {
    label: 'Content-based deduplication',
    help: 'FIFO only. Every simulated message is distinct, so this changes nothing in the simulation.',
    group: 'Advanced',
  }),
  VisibilityTimeout: int(30, { min: 0, max: 43_200 }, {
    label: 'Visibility timeout',
    help: 'How long a received message stays hidden; if not deleted by then it becomes visible again.',
    unit: 's',
    group: 'Settings',
    rule: 'SQS: visibility timeout',
  }),
  MessageRetentionPeriod: int(345_600, { min: 60, max: 1_209_600 }, {
    label: 'Retention period',
    help: 'Messages older than this are deleted by SQS (counted as expired: lost).',
    unit: 's',
    group: 'Settings',
    rule: 'SQS: retention',
  }),
  DelaySeconds: int(0, { min: 0, max: 900 }, {
    label: 'Delivery delay',
    help: 'New messages stay hidden (delayed) for this long after they are sent.',
    unit: 's',
    group: 'Settings',
  }),
  ReceiveMessageWaitTimeSeconds: int(0, { min: 0, max: 20 }, {
    label: 'Receive wait time',
    help: 'Long polling for other consumers; a Lambda event source mapping always long-polls (20 s) whatever this says.',
    unit: 's',
    group: 'Advanced',
  }),
  RedrivePolicy: redrivePolicySchema.optional(),
  FifoThroughputLimit: choice(['perQueue', 'perMessageGroupId'] as const, 'perQueue', {
    label: 'FIFO throughput limit',
    help: 'perMessageGroupId with DeduplicationScope messageGroup turns on high-throughput FIFO.',
    group: 'Advanced',
    rule: 'SQS: FIFO',
  }),
  DeduplicationScope: choice(['queue', 'messageGroup'] as const, 'queue', {
    label: 'Deduplication scope',
    help: 'messageGroup with FifoThroughputLimit perMessageGroupId turns on high-throughput FIFO.',
    group: 'Advanced',
    rule: 'SQS: FIFO',
  }),
});

export const sqsBehaviour = z.looseObject({
  sendLatency: duration({ distribution: 'constant', valueMs: 10 }, {
    label: 'SendMessage latency',
    help: 'Time a SendMessage call takes as the sender sees it (AWS publishes no figure).',
    group: 'Behaviour',
    assumption: true,
  }),
  fifoSendsPerSecond: int(300, { min: 1, max: 1_000_000 }, {
    label: 'FIFO send limit',
    help: 'FIFO SendMessage calls per second (300 without batching); above it sends are throttled.',
    unit: 'calls/s',
    group: 'Advanced',
    rule: 'SQS: FIFO',
  }),
  fifoHighThroughputSendsPerSecond: int(70_000, { min: 1, max: 1_000_000 }, {
    label: 'High-throughput FIFO send limit',
    help: 'FIFO SendMessage calls per second in high-throughput mode (us-east-1 figure; lower in smaller Regions).',
    unit: 'calls/s',
    group: 'Advanced',
    assumption: true,
    rule: 'SQS: FIFO',
  }),
  pollersInitial: int(5, { min: 1, max: 1250 }, {
    label: 'Initial pollers',
    help: 'Concurrent batches an event source mapping starts with when messages appear.',
    group: 'Advanced',
    rule: 'SQS: pollers',
  }),
  pollersScaleUpPerMinute: int(300, { min: 1, max: 10_000 }, {
    label: 'Poller scale-up rate',
    help: 'Concurrent invocations added per minute while a backlog remains (300 since Nov 2023, 60 before).',
    unit: 'per minute',
    group: 'Advanced',
    rule: 'SQS: pollers',
  }),
  pollersMaximum: int(1250, { min: 2, max: 10_000 }, {
    label: 'Poller ceiling',
    help: 'Most concurrent invocations one mapping reaches on a standard queue (AWS pages say 1,250 and 1,000).',
    group: 'Advanced',
    assumption: true,
    rule: 'SQS: ceiling',
  }),
  pollersMinimum: int(2, { min: 1, max: 1250 }, {
    label: 'Idle pollers',
    help: 'Concurrent batches a mapping scales down to when the queue is idle.',
    group: 'Advanced',
    rule: 'SQS: pollers',
  }),
  pollersScaleDownSeconds: int(60, { min: 1, max: 3600 }, {
    label: 'Scale-down window',
    help: 'Each window, the mapping drops to the most batches it had in flight during the window (not published).',
    unit: 's',
    group: 'Advanced',
    assumption: true,
    rule: 'SQS: pollers',
  }),
  throttleBackoffMs: int(1000, { min: 1, max: 300_000 }, {
    label: 'Throttle back-off',
    help: 'How long a poller waits after the function throttles its batch (not published).',
    unit: 'ms',
    group: 'Advanced',
    assumption: true,
    rule: 'SQS: ceiling',
  }),
});

/** The event source mapping's settings, kept on the SQS -> Lambda edge (AWS::Lambda::EventSourceMapping). */
export const eventSourceMappingSchema = z
  .looseObject({
    BatchSize: batchSizeField(10, 10_000, 'SQS: batching', 'Most messages per invocation (FIFO queues: at most 10).'),
    MaximumBatchingWindowInSeconds: batchingWindowField('SQS: batching'),
    ScalingConfig: z
      .looseObject({
        MaximumConcurrency: optionalInt({ min: 2, max: 1000 }, {
          label: 'Maximum concurrency',
          help: 'Most concurrent invocations this mapping makes.',
          group: 'Settings',
          rule: 'SQS: ceiling',
        }),
      })
      .optional(),
    FunctionResponseTypes: functionResponseTypesField,
    Enabled: enabledField,
  })
  .superRefine((esm, ctx) => {
    if (esm.BatchSize > 10 && esm.MaximumBatchingWindowInSeconds < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['MaximumBatchingWindowInSeconds'],
        message: `must be at least 1 when BatchSize is above 10 (BatchSize is ${esm.BatchSize})`,
      });
    }
  });

export type SqsProperties = z.output<typeof sqsProperties>;
export type SqsBehaviour = z.output<typeof sqsBehaviour>;
export type EventSourceMapping = z.output<typeof eventSourceMappingSchema>;

/** SendMessage from code (an SDK call of a function or a state machine): what each call sends. */
export const sqsCallSchema = z.looseObject({
  operation: choice(['SendMessage'] as const, 'SendMessage', {
    label: 'Operation',
    help: 'The SQS API called.',
    group: 'Settings',
  }),
  messageSizeKB: num(1, { min: 0.001, max: 1024 }, {
    label: 'Message size',
    help: 'Size of each message sent (SQS allows up to 1 MiB; every 64 KB is billed as one request).',
    group: 'Settings',
    unit: 'KB',
  }),
});
