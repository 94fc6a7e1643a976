import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (q) The queue pipeline of issue 3: 1,000 messages/s into SQS, drained by a Lambda through an event source
 * mapping (batches of up to 10, partial batch responses, 0.1% of records failing), and each invocation writes
 * each message to a provisioned DynamoDB table with a PutItem (a Lambda -> table `call` edge with perRecord; the table's
 * 2,000 WCU leave it far from throttling, so the case measures the pipeline, not the table's throttles).
 */
const sqsPipeline: BenchCase = {
  title: '(q) 1,000 msgs/s SQS -> Lambda (event source mapping) -> DynamoDB PutItem',
  durationsSeconds: [360, 3600],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: SQS pipeline', durationSeconds, [
      { id: 'Producers', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 1000 } },
      { id: 'Orders', type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: 60 } },
      {
        id: 'Worker',
        type: 'AWS::Lambda::Function',
        properties: { Timeout: 10 },
        behaviour: { duration: { distribution: 'lognormal', medianMs: 40, p99Ms: 200 }, recordErrorRate: 0.001 },
      },
      {
        id: 'OrdersTable',
        type: 'AWS::DynamoDB::Table',
        properties: { BillingMode: 'PROVISIONED', ReadCapacityUnits: 100, WriteCapacityUnits: 2000 },
      },
    ], [
      { from: 'Producers', to: 'Orders' },
      { from: 'Orders', to: 'Worker', properties: { BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] } },
      { from: 'Worker', to: 'OrdersTable', role: 'call', properties: { operation: 'PutItem', perRecord: true, itemSizeKB: 1 } },
    ]),
  requests: (r) => counterOf(r, 'AWS::SQS::Queue', 'NumberOfMessagesSent'),
  budget: {
    text: 'one simulated hour in under 2 s, GC under 10%',
    met: (m) => m.gcSeconds < 0.1 * m.wallSeconds && (m.durationSeconds < 3600 || m.wallSeconds < 2),
  },
};
export default sqsPipeline;
