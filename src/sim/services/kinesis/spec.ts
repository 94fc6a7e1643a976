import { z } from 'zod';
import { choice, int } from '../../core/fields.ts';

const QUOTAS = 'Kinesis Data Streams and DynamoDB Streams, read by Lambda: shard limits';

/** The schema of an AWS::Kinesis::Stream node, with CloudFormation's property names and AWS's defaults. */
export const kinesisProperties = z.looseObject({
  StreamModeDetails: z
    .looseObject({
      StreamMode: choice(['PROVISIONED', 'ON_DEMAND'] as const, 'PROVISIONED', {
        label: 'Capacity mode',
        help: 'PROVISIONED: ShardCount shards, each 1,000 records/s and 1 MB/s of writes; ON_DEMAND: starts at 4,000 records/s and scales to double its peak.',
        group: 'Settings',
        rule: 'Kinesis Data Streams and DynamoDB Streams, read by Lambda: on-demand streams',
      }),
    })
    .default({ StreamMode: 'PROVISIONED' }),
  ShardCount: int(1, { min: 1, max: 500 }, {
    label: 'Shards',
    help: 'Provisioned shards; a record goes to the shard its partition key hashes to (a hot key makes a hot shard).',
    group: 'Settings',
    rule: 'Kinesis Data Streams and DynamoDB Streams, read by Lambda: shard quota',
  }),
  RetentionPeriodHours: int(24, { min: 24, max: 8760 }, {
    label: 'Retention',
    help: 'Records older than this are trimmed; a consumer that has not read them loses them.',
    unit: 'h',
    group: 'Settings',
    rule: 'Kinesis Data Streams and DynamoDB Streams, read by Lambda: retention',
  }),
});

export const kinesisBehaviour = z.object({});

/** A PutRecord or PutRecords call (from a client, an API's service integration or a function's SDK): what it writes. */
export const kinesisCallSchema = z.looseObject({
  operation: choice(['PutRecord', 'PutRecords'] as const, 'PutRecord', {
    label: 'Operation',
    help: 'PutRecord writes one record; PutRecords writes recordsPerRequest records in one call.',
    group: 'Settings',
    rule: QUOTAS,
  }),
  recordsPerRequest: int(1, { min: 1, max: 500 }, {
    label: 'Records per request',
    help: 'PutRecords: records written by one call (up to 500).',
    group: 'Settings',
    rule: QUOTAS,
  }),
});

export type KinesisProperties = z.output<typeof kinesisProperties>;
