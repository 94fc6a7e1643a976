import { z } from 'zod';
import { bool, choice, duration, fieldMeta, int, num, optionalInt } from '../../core/fields.ts';
import { DYNAMODB_OPERATIONS, MAX_ITEM_KB } from './capacityUnits.ts';

/**
 * The schemas of an AWS::DynamoDB::Table node and of a call edge to it (Lambda -> DynamoDB).
 * Rules: docs/aws-behaviour.md "DynamoDB".
 *
 * Prices are not in docs/aws-behaviour.md; they are the simulation's assumption, us-east-1 Standard table
 * class, as of the November 2024 on-demand price cut: provisioned $0.00065 per WCU-hour and $0.00013 per
 * RCU-hour; on-demand $0.625 per million write request units and $0.125 per million read request units.
 * Storage, backups, streams and the free tier are not charged.
 */
export const DYNAMODB_PRICES = {
  wcuHour: 0.00065,
  rcuHour: 0.00013,
  writeRequestUnit: 0.625 / 1e6,
  readRequestUnit: 0.125 / 1e6,
  asOf: '2024-11',
} as const;

const capacity = (label: string, unit: string, aliasOf?: string) =>
  optionalInt({ min: 1, max: 40_000 }, {
    label,
    showWhen: { field: 'BillingMode', in: ['PROVISIONED'] },
    ...(aliasOf ? { aliasOf } : {}),
    help: `Provisioned ${unit} per second (BillingMode PROVISIONED; 40,000 is the default table quota). Default 5.`,
    unit: `${unit}/s`,
    group: 'Settings',
    rule: 'DynamoDB: provisioned',
  });

/** CloudFormation's ProvisionedThroughput. The flat ReadCapacityUnits / WriteCapacityUnits are also read. */
export const provisionedThroughputSchema = z.looseObject({
  ReadCapacityUnits: capacity('Read capacity', 'RCU'),
  WriteCapacityUnits: capacity('Write capacity', 'WCU'),
});

const STREAMS = 'Kinesis Data Streams and DynamoDB Streams, read by Lambda: polling';

export const dynamodbProperties = z.looseObject({
  StreamSpecification: z
    .looseObject({
      StreamEnabled: bool(false, {
        label: 'Stream',
        help: 'DynamoDB Streams: every item change becomes a stream record that a Lambda function can read (connect the table to a function).',
        group: 'Settings',
        rule: STREAMS,
      }),
      StreamViewType: choice(['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'] as const, 'NEW_AND_OLD_IMAGES', {
        label: 'Stream view',
        help: 'What each record carries; the simulation counts records and their size, not item contents.',
        group: 'Settings',
        rule: STREAMS,
        showWhen: { field: 'StreamSpecification.StreamEnabled', in: [true] },
      }),
    })
    .default({ StreamEnabled: false, StreamViewType: 'NEW_AND_OLD_IMAGES' }),
  BillingMode: choice(['PROVISIONED', 'PAY_PER_REQUEST'] as const, 'PROVISIONED', {
    label: 'Billing mode',
    help: 'PROVISIONED: fixed RCU/WCU per second with burst and adaptive capacity; PAY_PER_REQUEST: on-demand, serving up to 2x the previous peak at once (however recent); growth past double within 30 min throttles.',
    group: 'Settings',
    rule: 'DynamoDB: provisioned',
  }),
  ProvisionedThroughput: provisionedThroughputSchema.optional(),
  /** The scenario format's short form (docs/scenario-format.md example): same as ProvisionedThroughput's. */
  ReadCapacityUnits: capacity('Read capacity', 'RCU', 'ProvisionedThroughput.ReadCapacityUnits'),
  WriteCapacityUnits: capacity('Write capacity', 'WCU', 'ProvisionedThroughput.WriteCapacityUnits'),
});

/** AWS console's default for a new provisioned table. */
export const DEFAULT_CAPACITY_UNITS = 5;

export const dynamodbBehaviour = z.looseObject({
  tableSizeGB: num(1, { min: 0, max: 1_000_000 }, {
    label: 'Table size',
    help: 'Data stored; every 10 GB needs a partition of its own, which splits the capacity further.',
    unit: 'GB',
    group: 'Behaviour',
    rule: 'DynamoDB: partitions',
  }),
  itemSizeKB: num(1, { min: 0.001, max: MAX_ITEM_KB }, {
    label: 'Item size',
    help: 'Size of an item, for call edges that do not state their own itemSizeKB.',
    unit: 'KB',
    group: 'Behaviour',
    rule: 'DynamoDB: units',
  }),
  keyDistribution: choice(['uniform', 'zipf', 'hotKey'] as const, 'uniform', {
    label: 'Key skew',
    help: 'How requests without a key spread over partition keys: evenly, Zipf-skewed, or one hot key.',
    group: 'Behaviour',
    rule: 'DynamoDB: partitions',
  }),
  keys: int(10_000, { min: 1, max: 1_000_000 }, {
    label: 'Distinct keys',
    help: 'How many partition keys the traffic uses.',
    group: 'Behaviour',
    rule: 'DynamoDB: partitions',
  }),
  zipfExponent: num(1, { min: 0, max: 5 }, {
    label: 'Zipf exponent',
    help: 'zipf: key k gets a share proportional to 1/k^s; 0 is uniform, 1 is classic Zipf, higher is hotter.',
    group: 'Behaviour',
  }),
  hotKeyShare: num(0.5, { min: 0, max: 1 }, {
    label: 'Hot key share',
    help: 'hotKey: the share of all requests that go to one key.',
    group: 'Behaviour',
  }),
  latency: duration({ distribution: 'lognormal', medianMs: 4, p99Ms: 15 }, {
    label: 'Request latency',
    help: 'SuccessfulRequestLatency as DynamoDB measures it (single-digit ms; AWS publishes no distribution).',
    group: 'Behaviour',
    assumption: true,
  }),
  burstSeconds: int(300, { min: 0, max: 300 }, {
    label: 'Burst capacity',
    help: 'Seconds of unused provisioned capacity a partition keeps for bursts (AWS: up to 300 s). Starts full, as for a table idle before the run.',
    unit: 's',
    group: 'Advanced',
    rule: 'DynamoDB: provisioned',
  }),
  adaptiveCapacity: bool(true, {
    label: 'Adaptive capacity',
    help: 'Lets a hot partition use capacity the rest of the table leaves unused, up to the partition maximum.',
    group: 'Advanced',
    rule: 'DynamoDB: provisioned',
  }),
  onDemandInitialReadsPerSecond: int(12_000, { min: 1, max: 10_000_000 }, {
    label: 'On-demand initial reads',
    help: 'Read request units per second a new on-demand table serves; set higher for a table with a past peak.',
    unit: 'RRU/s',
    group: 'Advanced',
    rule: 'DynamoDB: on-demand',
  }),
  onDemandInitialWritesPerSecond: int(4_000, { min: 1, max: 10_000_000 }, {
    label: 'On-demand initial writes',
    help: 'Write request units per second a new on-demand table serves; set higher for a table with a past peak.',
    unit: 'WRU/s',
    group: 'Advanced',
    rule: 'DynamoDB: on-demand',
  }),
});

const itemSizeKB = z
  .number({ error: 'must be a number (KB)' })
  .min(0, { error: `must be 0..${MAX_ITEM_KB} (KB)` })
  .max(MAX_ITEM_KB, { error: `must be 0..${MAX_ITEM_KB} (KB): DynamoDB's item size limit` })
  .optional();
fieldMeta.set(itemSizeKB, {
  label: 'Item size',
  help: "Size of each item read or written; unset means the table's item size.",
  unit: 'KB',
  group: 'Settings',
  min: 0,
  max: MAX_ITEM_KB,
  kind: 'optionalNumber',
  rule: 'DynamoDB: units',
});

/**
 * A call edge to a table (role `call`, from a Lambda, an API's direct integration, a state machine): what each
 * call does. The table accepts it (kind.ts); the caller adds its own properties (e.g. calls per invocation).
 */
export const dynamodbCallSchema = z.looseObject({
  operation: choice(DYNAMODB_OPERATIONS, 'GetItem', {
    label: 'Operation',
    help: 'The DynamoDB API called; reads use RCUs, writes WCUs, Transact* twice as many.',
    group: 'Settings',
    rule: 'DynamoDB: units',
  }),
  itemSizeKB,
  itemsPerRequest: int(1, { min: 1, max: 1000 }, {
    label: 'Items per request',
    help: 'Items one call reads or writes (BatchGetItem up to 100, BatchWriteItem up to 25, Query: items returned).',
    group: 'Settings',
    rule: 'DynamoDB: units',
  }),
  consistency: choice(['eventual', 'strong'] as const, 'eventual', {
    label: 'Read consistency',
    help: 'ConsistentRead: strongly consistent reads cost twice as much as eventually consistent ones.',
    group: 'Settings',
    rule: 'DynamoDB: units',
  }),
});

export type DynamoProperties = z.output<typeof dynamodbProperties>;
export type DynamoBehaviour = z.output<typeof dynamodbBehaviour>;
export type DynamoCall = z.output<typeof dynamodbCallSchema>;

/** The table's provisioned capacity: ProvisionedThroughput, else the flat fields, else 5 (console default). */
export function provisionedCapacity(p: Record<string, unknown>): { read: number; write: number } {
  const pt = (p.ProvisionedThroughput ?? {}) as Record<string, unknown>;
  const pick = (k: string) => {
    const v = pt[k] ?? p[k];
    return typeof v === 'number' && v > 0 ? v : DEFAULT_CAPACITY_UNITS;
  };
  return { read: pick('ReadCapacityUnits'), write: pick('WriteCapacityUnits') };
}
