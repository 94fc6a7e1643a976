import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (s) Streams: 10 shards at about 1,000 records/s each (9,500 records/s, written by PutRecords of 500 records as
 * producers batch them) read by a Lambda consumer, one hour.
 */
const kinesisStream: BenchCase = {
  title: '(s) Kinesis 10 shards x 1,000 records/s -> Lambda consumer',
  durationsSeconds: [3600],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: kinesis stream', durationSeconds, [
      {
        id: 'Producers',
        type: 'Client',
        properties: { pattern: 'constant', ratePerSecond: 19 },
        behaviour: { keys: { distribution: 'uniform', count: 100000 } },
      },
      { id: 'Stream', type: 'AWS::Kinesis::Stream', properties: { ShardCount: 10 } },
      {
        id: 'Consumer',
        type: 'AWS::Lambda::Function',
        properties: { Timeout: 60 },
        behaviour: { duration: { distribution: 'constant', valueMs: 40 }, perRecordMs: 0.2, coldStartMs: 0 },
      },
    ], [
      { from: 'Producers', to: 'Stream', properties: { operation: 'PutRecords', recordsPerRequest: 500 } },
      { from: 'Stream', to: 'Consumer', properties: { BatchSize: 500, ParallelizationFactor: 2 } },
    ]),
  requests: (r) => counterOf(r, 'AWS::Kinesis::Stream', 'IncomingRecords'),
  budget: { text: 'one simulated hour under 5 s', met: (m) => m.wallSeconds < 5 },
};
export default kinesisStream;
