import { counterOf, hourSeconds, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (t) SNS fan-out and a DynamoDB table at 1,000 requests/s each: Publish to a topic with three SQS
 * subscriptions (one filtered), and API Gateway straight to a provisioned table with Zipf-skewed keys.
 */
const topicsTables: BenchCase = {
  title: '(t) 1,000/s SNS fan-out x3 + 1,000/s API -> DynamoDB',
  durationsSeconds: [360, 3600],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: topics and tables', durationSeconds, [
      { id: 'Publishers', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 1000 }, behaviour: { attributes: { type: 'order' } } },
      { id: 'Events', type: 'AWS::SNS::Topic' },
      { id: 'All', type: 'AWS::SQS::Queue', properties: { MessageRetentionPeriod: 60 } },
      { id: 'Orders', type: 'AWS::SQS::Queue', properties: { MessageRetentionPeriod: 60 } },
      { id: 'Refunds', type: 'AWS::SQS::Queue', properties: { MessageRetentionPeriod: 60 } },
      { id: 'Readers', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 1000 } },
      { id: 'Api', type: 'AWS::ApiGateway::RestApi' },
      {
        id: 'Table',
        type: 'AWS::DynamoDB::Table',
        properties: { ProvisionedThroughput: { ReadCapacityUnits: 600, WriteCapacityUnits: 10 } },
        behaviour: { keyDistribution: 'zipf', keys: 100_000, tableSizeGB: 40 },
      },
    ], [
      { from: 'Publishers', to: 'Events' },
      { from: 'Events', to: 'All', role: 'subscription' },
      { from: 'Events', to: 'Orders', role: 'subscription', properties: { FilterPolicy: { type: ['order'] } } },
      { from: 'Events', to: 'Refunds', role: 'subscription', properties: { FilterPolicy: { type: [{ prefix: 'refund' }] } } },
      { from: 'Readers', to: 'Api' },
      { from: 'Api', to: 'Table' },
    ]),
  requests: (r) => counterOf(r, 'Client', 'Requests'),
  budget: { text: 'one simulated hour in under 10 s', met: (m) => hourSeconds(m) < 10 },
};
export default topicsTables;
