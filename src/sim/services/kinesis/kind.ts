import { streamMappingSchema } from '../../core/eventSource/mappingSettings.ts';
import type { ServiceKind } from '../../core/serviceKind.ts';
import { kinesisBehaviour, kinesisCallSchema, kinesisProperties } from './spec.ts';

const NOT_CW = 'Not a CloudWatch metric:';

export const kinesisKind: ServiceKind = {
  type: 'AWS::Kinesis::Stream',
  label: 'Kinesis stream',
  shortName: 'Stream',
  category: 'Messaging',
  description:
    'A data stream of shards (1,000 records/s and 1 MB/s of writes each, or on-demand; reads of 2 MB/s and 5 GetRecords calls a second, shared by every consumer of the shard); Lambda reads each shard in order through an event source mapping, and IteratorAge shows how far behind it is. Enhanced fan-out (2 MB/s per consumer) is not modelled.',
  properties: kinesisProperties,
  behaviour: kinesisBehaviour,
  // Lambda reads the stream through an event source mapping (drawn from the stream to the function); a
  // discarded batch's metadata goes to the mapping's OnFailure destination (a queue or a topic).
  emits: [
    { role: 'eventSource', properties: streamMappingSchema },
    { role: 'onFailure', to: ['AWS::SQS::Queue', 'AWS::SNS::Topic'] },
  ],
  accepts: [
    { role: 'call', properties: kinesisCallSchema, delivery: 'sync' },
    { role: 'target', delivery: 'sync' }, // an EventBridge rule or schedule puts one record per event
  ],
  refusals: { '*': 'Consumers read a stream; it pushes nowhere. Connect the stream to a Lambda function (an event source mapping).' },
  metrics: [
    { name: 'IncomingRecords', kind: 'counter', unit: 'Count', help: 'Records written to the stream.' },
    { name: 'IncomingBytes', kind: 'counter', unit: 'Bytes', help: 'Bytes written to the stream.' },
    { name: 'WriteProvisionedThroughputExceeded', kind: 'counter', unit: 'Count', help: 'Records refused because their shard was past 1,000 records/s or 1 MB/s (the producer\'s SDK retries).' },
    { name: 'ReadProvisionedThroughputExceeded', kind: 'counter', unit: 'Count', help: 'GetRecords calls refused: past 5 a second on a shard, or past its 2 MB/s of reads (shared by every consumer of the shard; a call may take up to 10 MB and the shard then waits until it is paid off). The mapping tries again about 200 ms later.' },
    { name: 'GetRecords.IteratorAgeMilliseconds', kind: 'level', unit: 'Milliseconds', help: 'Age of the oldest record the consumers have not processed yet (0 when they are caught up).' },
    { name: 'IteratorAge', kind: 'distribution', unit: 'Milliseconds', help: 'Lambda\'s IteratorAge for this stream\'s mapping: the age of each batch\'s last record when it is sent to the function (AWS publishes it on the function; Maximum is the figure to watch).' },
    { name: 'EventSourceBatchesInFlight', kind: 'level', unit: 'Count', help: `${NOT_CW} batches the mapping has given to the function and not finished (at most shards x ParallelizationFactor).` },
    { name: 'RecordsDiscarded', kind: 'counter', unit: 'Count', help: `${NOT_CW} records skipped after MaximumRetryAttempts or MaximumRecordAgeInSeconds (their metadata goes to OnFailure).` },
    { name: 'RecordsExpired', kind: 'counter', unit: 'Count', help: `${NOT_CW} records the retention trimmed before the consumer read them (lost).` },
    { name: 'OpenShards', kind: 'level', unit: 'Count', help: `${NOT_CW} shards records are written to (on-demand streams add shards as they grow).` },
    { name: 'Cost', kind: 'counter', unit: 'USD', help: 'Shard-hours and PUT payload units (provisioned), or stream-hours and GB written (on-demand); us-east-1 prices, an assumption: the reference has none.' },
  ],
  figures: ['IncomingRecords', 'IteratorAge', 'WriteProvisionedThroughputExceeded'],
  compare: { throttles: ['WriteProvisionedThroughputExceeded'] },
  charts: [
    ['IteratorAge', 'GetRecords.IteratorAgeMilliseconds'],
    ['IncomingRecords', 'WriteProvisionedThroughputExceeded'],
    ['EventSourceBatchesInFlight', 'OpenShards'],
    ['RecordsDiscarded', 'RecordsExpired'],
  ],
  icon: {
    color: '#8C4FFF',
    // Three parallel streams flowing right.
    path: 'M3 6h12l3-2v8l-3-2H3zm0 8h15l3-2v8l-3-2H3z',
  },
  check(node) {
    const mode = (node.properties.StreamModeDetails as { StreamMode?: string } | undefined)?.StreamMode;
    if (mode === 'ON_DEMAND' && node.properties.ShardCount !== undefined && node.properties.ShardCount !== 1)
      return [['properties.ShardCount', 'cannot be set on an ON_DEMAND stream (it scales its own shards)']];
    return [];
  },
};
