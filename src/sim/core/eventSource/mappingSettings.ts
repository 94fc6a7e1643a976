import { z } from 'zod';
import { bool, int } from '../fields.ts';
import type { Message, ReplyInfo } from '../model.ts';

/**
 * The settings every Lambda event source mapping shares (AWS::Lambda::EventSourceMapping), as edge fields:
 * each source's schema (SQS, Kinesis, DynamoDB Streams) builds on these with its own defaults and ranges.
 */
export function batchSizeField(def: number, max: number, rule: string, help: string) {
  return int(def, { min: 1, max }, { label: 'Batch size', help, group: 'Settings', rule });
}

export function batchingWindowField(rule: string) {
  return int(0, { min: 0, max: 300 }, {
    label: 'Batching window',
    help: 'How long the mapping gathers records before invoking, unless a full batch is ready.',
    unit: 's',
    group: 'Settings',
    rule,
  });
}

export const functionResponseTypesField = z
  .array(z.enum(['ReportBatchItemFailures'], { error: 'must be ReportBatchItemFailures' }), {
    error: 'must be a list, e.g. ["ReportBatchItemFailures"]',
  })
  .default([]);

export const enabledField = bool(true, { label: 'Enabled', help: 'A disabled mapping does not poll.', group: 'Settings' });

const STREAM_RULE = 'Kinesis Data Streams and DynamoDB Streams, read by Lambda: errors';

/** The mapping of a stream (Kinesis, DynamoDB Streams) to a function: the edge's properties. */
export const streamMappingSchema = z.looseObject({
  BatchSize: batchSizeField(100, 10_000, 'Kinesis Data Streams and DynamoDB Streams, read by Lambda: batching', 'Most records per invocation.'),
  MaximumBatchingWindowInSeconds: batchingWindowField('Kinesis Data Streams and DynamoDB Streams, read by Lambda: batching'),
  ParallelizationFactor: int(1, { min: 1, max: 10 }, {
    label: 'Parallelization factor',
    help: 'Concurrent batches per shard (1..10); records of one partition key stay in order.',
    group: 'Settings',
    rule: 'Kinesis Data Streams and DynamoDB Streams, read by Lambda: concurrency',
  }),
  MaximumRetryAttempts: int(-1, { min: -1, max: 10_000 }, {
    label: 'Maximum retry attempts',
    help: '-1: retry a failing batch until its records expire (it blocks its shard meanwhile); 0..10,000: then discard it.',
    group: 'Settings',
    rule: STREAM_RULE,
  }),
  MaximumRecordAgeInSeconds: int(-1, { min: -1, max: 604_800 }, {
    label: 'Maximum record age',
    help: '-1: no limit (the stream\'s retention still applies); else records older than this are discarded.',
    unit: 's',
    group: 'Settings',
    rule: STREAM_RULE,
  }),
  BisectBatchOnFunctionError: bool(false, {
    label: 'Bisect batch on error',
    help: 'Split a failing batch in two and retry each half, so a poison record ends up alone (splits are not retries).',
    group: 'Settings',
    rule: STREAM_RULE,
  }),
  FunctionResponseTypes: functionResponseTypesField,
  Enabled: enabledField,
  retryDelayMs: int(1000, { min: 0, max: 300_000 }, {
    label: 'Retry delay',
    help: 'Wait before a failed batch is retried (AWS publishes no figure).',
    unit: 'ms',
    group: 'Advanced',
    assumption: true,
    rule: STREAM_RULE,
  }),
});

export type StreamMappingSettings = z.output<typeof streamMappingSchema> & { reportItemFailures: boolean };

/** Parses a stream mapping edge's properties (already validated) into the mapping's settings. */
export function streamMappingSettings(properties: Record<string, unknown>): StreamMappingSettings {
  const p = streamMappingSchema.parse(properties);
  return { ...p, reportItemFailures: p.FunctionResponseTypes.includes('ReportBatchItemFailures') };
}

/** With ReportBatchItemFailures, the records the function reported as failed (null when none or not enabled). */
export function failedRecordsOf(info: ReplyInfo | undefined, reportItemFailures: boolean): readonly Message[] | null {
  const failed = info?.failedRecords;
  return reportItemFailures && failed !== undefined && failed.length > 0 ? failed : null;
}
