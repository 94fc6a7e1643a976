import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (q) The queue pipeline of issue 3: 1,000 messages/s into SQS, drained by a Lambda through an event source
 * mapping, for an hour and a tenth of it. The function's DynamoDB write (a Lambda -> table `call` edge) joins
 * the chain once Lambda allows outbound call edges; until then the case measures Client -> SQS -> Lambda.
 */
const sqsPipeline: BenchCase = {
  title: '(q) 1,000 msgs/s SQS -> Lambda (event source mapping)',
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
    ], [
      { from: 'Producers', to: 'Orders' },
      { from: 'Orders', to: 'Worker', properties: { BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] } },
    ]),
  requests: (r) => counterOf(r, 'AWS::SQS::Queue', 'NumberOfMessagesSent'),
  budget: { text: 'one simulated hour in under 5 s', met: (m) => m.durationSeconds < 3600 || m.wallSeconds < 5 },
};
export default sqsPipeline;
