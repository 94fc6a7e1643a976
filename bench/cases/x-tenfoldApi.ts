import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (x) "What happens at 10x traffic?" (issue 9): API Gateway -> Lambda -> DynamoDB at 10,000 req/s. The account
 * limits are raised (API Gateway 20,000 rps, Lambda concurrency 3,000, an on-demand table with a past peak of
 * 20,000 writes/s) so the case measures the engine, not throttles. By default 360 simulated seconds keep
 * `npm run bench` quick and the hour is projected; `npm run bench -- --full x` runs 360 s and the whole hour,
 * which shows whether memory stays flat.
 */
const HOUR = 3600;
const tenfoldApi: BenchCase = {
  title: '(x) 10,000 rps API Gateway -> Lambda -> DynamoDB PutItem',
  durationsSeconds: [360],
  fullDurationsSeconds: [360, HOUR],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: 10x API -> Lambda -> DynamoDB', durationSeconds, [
      { id: 'Users', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 10_000 } },
      { id: 'Api', type: 'AWS::ApiGateway::RestApi' },
      {
        id: 'Handler',
        type: 'AWS::Lambda::Function',
        properties: { MemorySize: 512, Timeout: 10 },
        behaviour: { duration: { distribution: 'lognormal', medianMs: 40, p99Ms: 200 }, errorRate: 0.01 },
      },
      {
        id: 'Orders',
        type: 'AWS::DynamoDB::Table',
        properties: { BillingMode: 'PAY_PER_REQUEST' },
        behaviour: { onDemandInitialWritesPerSecond: 20_000 },
      },
    ], [
      { from: 'Users', to: 'Api' },
      { from: 'Api', to: 'Handler' },
      { from: 'Handler', to: 'Orders', role: 'call', properties: { operation: 'PutItem', itemSizeKB: 1 } },
    ], {
      apiGatewayAccountRateLimit: 20_000,
      apiGatewayAccountBurstLimit: 10_000,
      lambdaAccountConcurrency: 3000,
      maxEvents: 2_000_000_000,
    }),
  requests: (r) => counterOf(r, 'Client', 'Requests'),
  report: (r, m) =>
    `${counterOf(r, 'AWS::DynamoDB::Table', 'ConsumedWriteCapacityUnits').toLocaleString('en-US')} write units consumed, ` +
    `${counterOf(r, 'AWS::Lambda::Function', 'Throttles').toLocaleString('en-US')} Lambda throttles; ` +
    `one simulated hour ${m.durationSeconds < HOUR ? 'projected at' : 'took'} ${((m.wallSeconds * HOUR) / m.durationSeconds).toFixed(1)} s wall, peak RSS ${m.peakRssMB.toFixed(0)} MB`,
  budget: { text: 'one simulated hour in under 12 s (projected from a shorter run), memory flat', met: (m) => (m.wallSeconds * HOUR) / m.durationSeconds < 12 },
};
export default tenfoldApi;
