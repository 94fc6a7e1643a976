import type { SimNode } from '../../core/model.ts';
import type { ServiceKind } from '../../core/serviceKind.ts';
import { COST_METRIC } from '../../core/costMetric.ts';
import { streamMappingSchema } from '../../core/eventSource/mappingSettings.ts';
import { dynamodbBehaviour, dynamodbCallSchema, dynamodbProperties } from './spec.ts';

export const dynamodbKind: ServiceKind = {
  type: 'AWS::DynamoDB::Table',
  label: 'DynamoDB table',
  shortName: 'Table',
  category: 'Storage',
  description:
    'A key-value table: partitions of at most 3,000 RCU / 1,000 WCU, provisioned capacity with burst and adaptive capacity, or on-demand.',
  properties: dynamodbProperties,
  behaviour: dynamodbBehaviour,
  // Tables receive calls (a function's SDK, an API's direct integration, a client); with its stream on, a
  // table is read by Lambda through an event source mapping, whose discarded batches go to OnFailure.
  emits: [
    { role: 'eventSource', properties: streamMappingSchema },
    { role: 'onFailure', to: ['AWS::SQS::Queue', 'AWS::SNS::Topic'] },
  ],
  accepts: [{ role: 'call', properties: dynamodbCallSchema, delivery: 'sync' }],
  refusals: {
    '*': 'A table only answers the calls made to it; to react to its changes, turn on its stream and connect a Lambda function.',
  },
  metrics: [
    { name: 'StreamRecords', kind: 'counter', unit: 'Count', help: 'Not a CloudWatch metric: item changes written to the table\'s stream (only while a function reads it).' },
    { name: 'GetRecords.IteratorAgeMilliseconds', kind: 'level', unit: 'Milliseconds', help: 'Stream: age of the oldest record the reading function has not processed yet.' },
    { name: 'IteratorAge', kind: 'distribution', unit: 'Milliseconds', help: 'Lambda\'s IteratorAge for the stream\'s mapping: the age of each batch\'s last record when sent (AWS publishes it on the function).' },
    { name: 'EventSourceBatchesInFlight', kind: 'level', unit: 'Count', help: 'Not a CloudWatch metric: stream batches given to the function and not finished.' },
    { name: 'RecordsDiscarded', kind: 'counter', unit: 'Count', help: 'Not a CloudWatch metric: stream records skipped after MaximumRetryAttempts or MaximumRecordAgeInSeconds.' },
    { name: 'ReadProvisionedThroughputExceeded', kind: 'counter', unit: 'Count', help: 'Stream: GetRecords calls refused, past 5 a second on a shard (shared by the mappings reading it).' },
    { name: 'RecordsExpired', kind: 'counter', unit: 'Count', help: 'Not a CloudWatch metric: stream records trimmed after 24 h before the function read them (lost).' },
    { name: 'ConsumedReadCapacityUnits', kind: 'counter', unit: 'Count', help: 'Read capacity units used by successful requests.' },
    { name: 'ConsumedWriteCapacityUnits', kind: 'counter', unit: 'Count', help: 'Write capacity units used by successful requests.' },
    { name: 'ProvisionedReadCapacityUnits', kind: 'level', unit: 'Count', help: 'Provisioned RCU per second (0 on-demand).' },
    { name: 'ProvisionedWriteCapacityUnits', kind: 'level', unit: 'Count', help: 'Provisioned WCU per second (0 on-demand).' },
    { name: 'ReadThrottleEvents', kind: 'counter', unit: 'Count', help: 'Read requests rejected for exceeding throughput.' },
    { name: 'WriteThrottleEvents', kind: 'counter', unit: 'Count', help: 'Write requests rejected for exceeding throughput.' },
    { name: 'SuccessfulRequestLatency', kind: 'distribution', unit: 'Milliseconds', help: 'Time DynamoDB took to serve a successful request.' },
    { name: COST_METRIC, kind: 'counter', unit: 'USD', help: 'Provisioned capacity hours, or on-demand request units.' },
  ],
  figures: ['ConsumedWriteCapacityUnits', 'WriteThrottleEvents', 'ConsumedReadCapacityUnits', 'ReadThrottleEvents'],
  compare: { throttles: ['ReadThrottleEvents', 'WriteThrottleEvents'] },
  charts: [
    ['ConsumedReadCapacityUnits'],
    ['ConsumedWriteCapacityUnits'],
    ['ReadThrottleEvents', 'WriteThrottleEvents'],
    ['SuccessfulRequestLatency'],
    ['IteratorAge', 'GetRecords.IteratorAgeMilliseconds'],
    ['StreamRecords', 'RecordsDiscarded'],
  ],
  icon: {
    color: '#4053D6',
    path: 'M12 2C7.6 2 4 3.3 4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5c0-1.7-3.6-3-8-3zm0 2c3.9 0 6 1.1 6 1s-2.1 1-6 1-6-.9-6-1 2.1-1 6-1zM6 7.4C7.5 8.1 9.6 8.5 12 8.5s4.5-.4 6-1.1V10c0 .4-2.1 1.5-6 1.5S6 10.4 6 10V7.4zm0 5c1.5.7 3.6 1.1 6 1.1s4.5-.4 6-1.1V15c0 .4-2.1 1.5-6 1.5S6 15.4 6 15v-2.6zm0 5c1.5.7 3.6 1.1 6 1.1s4.5-.4 6-1.1V19c0 .4-2.1 1-6 1s-6-.6-6-1v-1.6z',
  },
  check: checkDynamoTable,
  checkConnection(from, _to, role) {
    const stream = from.properties.StreamSpecification as { StreamEnabled?: boolean } | undefined;
    if (role === 'eventSource' && stream?.StreamEnabled !== true)
      return [['', `turn on the table's stream (StreamSpecification.StreamEnabled) so that a function can read ${from.id}'s changes`]];
    return [];
  },
};

/** CloudFormation's cross-field rules: no capacity on an on-demand table, one way of stating it otherwise. */
export function checkDynamoTable(node: SimNode): [string, string][] {
  const p = node.properties;
  const pt = (p.ProvisionedThroughput ?? {}) as Record<string, unknown>;
  const problems: [string, string][] = [];
  for (const unit of ['ReadCapacityUnits', 'WriteCapacityUnits']) {
    if (p.BillingMode === 'PAY_PER_REQUEST') {
      if (p[unit] !== undefined) problems.push([`properties.${unit}`, 'cannot be set when BillingMode is PAY_PER_REQUEST (on-demand)']);
      if (pt[unit] !== undefined) problems.push([`properties.ProvisionedThroughput.${unit}`, 'cannot be set when BillingMode is PAY_PER_REQUEST (on-demand)']);
    } else if (p[unit] !== undefined && pt[unit] !== undefined && p[unit] !== pt[unit]) {
      problems.push([`properties.${unit}`, `disagrees with ProvisionedThroughput.${unit} (${String(pt[unit])}); state it once`]);
    }
  }
  return problems;
}
