/**
 * A 12-node scenario of the size a teacher shares (an API, a queue pipeline and a fan-out), with the settings
 * people change: the share-link tests check that it fits in 2,000 characters.
 */
export function twelveNodeScenario() {
  const fn = (id: string, x: number, y: number, medianMs: number) => ({
    id,
    type: 'AWS::Lambda::Function',
    position: { x, y },
    properties: { MemorySize: 512, Timeout: 10, ReservedConcurrentExecutions: 50 },
    behaviour: { duration: { distribution: 'lognormal', medianMs, p99Ms: medianMs * 5 }, coldStartMs: 350, errorRate: 0.01 },
  });
  return {
    format: 'serverless-playground/scenario',
    version: 1,
    name: 'Orders platform: API, queue pipeline and fan-out',
    description: 'A teacher-sized scenario: synchronous API writes, a buffered worker, and events fanned out to two consumers.',
    seed: 42,
    durationSeconds: 600,
    nodes: [
      { id: 'Shoppers', type: 'Client', position: { x: 0, y: 0 }, properties: { pattern: 'spike', ratePerSecond: 100, peakRatePerSecond: 800, atSeconds: 120 } },
      { id: 'OrdersApi', type: 'AWS::ApiGateway::RestApi', position: { x: 320, y: 0 }, properties: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 500 } },
      fn('CreateOrder', 640, 0, 80),
      { id: 'Orders', type: 'AWS::DynamoDB::Table', position: { x: 960, y: 0 }, properties: { BillingMode: 'PROVISIONED', WriteCapacityUnits: 200, ReadCapacityUnits: 100 } },
      { id: 'Jobs', type: 'AWS::SQS::Queue', position: { x: 960, y: 200 }, properties: { VisibilityTimeout: 60 } },
      fn('Worker', 1280, 200, 200),
      { id: 'JobsDlq', type: 'AWS::SQS::Queue', position: { x: 1280, y: 400 } },
      { id: 'OrderEvents', type: 'AWS::SNS::Topic', position: { x: 1600, y: 200 } },
      { id: 'Emails', type: 'AWS::SQS::Queue', position: { x: 1920, y: 100 } },
      fn('SendEmail', 2240, 100, 150),
      { id: 'Stats', type: 'AWS::SQS::Queue', position: { x: 1920, y: 300 } },
      fn('RecordSale', 2240, 300, 30),
    ],
    edges: [
      { id: 'e1', from: 'Shoppers', to: 'OrdersApi' },
      { id: 'e2', from: 'OrdersApi', to: 'CreateOrder' },
      { id: 'e3', from: 'CreateOrder', to: 'Orders', properties: { operation: 'PutItem', perInvocation: 1, itemSizeKB: 1 } },
      { id: 'e4', from: 'CreateOrder', to: 'Jobs', role: 'call' },
      { id: 'e5', from: 'Jobs', to: 'Worker', properties: { BatchSize: 10 } },
      { id: 'e6', from: 'Jobs', to: 'JobsDlq' },
      { id: 'e7', from: 'Worker', to: 'OrderEvents', role: 'call' },
      { id: 'e8', from: 'OrderEvents', to: 'Emails' },
      { id: 'e9', from: 'Emails', to: 'SendEmail' },
      { id: 'e10', from: 'OrderEvents', to: 'Stats' },
      { id: 'e11', from: 'Stats', to: 'RecordSale', properties: { BatchSize: 10 } },
    ],
  };
}
