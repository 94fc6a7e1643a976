import { counterOf, hourSeconds, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (l) Lambda's async path and SDK calls: 1,000 Event invocations/s into a function (reserved concurrency 200)
 * that writes to DynamoDB and publishes to SNS per invocation; 2% of invocations fail and retry after 1 and
 * 2 min; events that fail three times go to an on-failure SQS queue.
 */
const asyncCalls: BenchCase = {
  title: '(l) 1,000/s async Lambda -> DynamoDB + SNS, retries, on-failure queue',
  durationsSeconds: [360, 3600],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: async Lambda with calls', durationSeconds, [
      { id: 'Events', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 1000 } },
      {
        id: 'Handler',
        type: 'AWS::Lambda::Function',
        properties: { ReservedConcurrentExecutions: 200, Timeout: 10 },
        behaviour: { duration: { distribution: 'lognormal', medianMs: 20, p99Ms: 100 }, errorRate: 0.02 },
      },
      { id: 'Table', type: 'AWS::DynamoDB::Table', properties: { BillingMode: 'PAY_PER_REQUEST' } },
      { id: 'Topic', type: 'AWS::SNS::Topic' },
      { id: 'Failures', type: 'AWS::SQS::Queue', properties: { MessageRetentionPeriod: 60 } },
    ], [
      { from: 'Events', to: 'Handler', properties: { invocationType: 'Event' } },
      { from: 'Handler', to: 'Table', role: 'call', properties: { operation: 'PutItem' } },
      { from: 'Handler', to: 'Topic', role: 'call' },
      { from: 'Handler', to: 'Failures', role: 'onFailure' },
    ]),
  requests: (r) => counterOf(r, 'AWS::Lambda::Function', 'AsyncEventsReceived'),
  budget: { text: 'one simulated hour in under 5 s', met: (m) => hourSeconds(m) < 5 },
};
export default asyncCalls;
