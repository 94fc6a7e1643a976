import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/** (b) A 1,000 rps API Gateway -> Lambda system for an hour, and a tenth of it to show memory stays flat. */
const apiLambda: BenchCase = {
  title: '(b) 1,000 rps API Gateway -> Lambda',
  durationsSeconds: [360, 3600],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: API -> Lambda', durationSeconds, [
      { id: 'Users', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 1000 } },
      { id: 'Api', type: 'AWS::ApiGateway::RestApi' },
      {
        id: 'Handler',
        type: 'AWS::Lambda::Function',
        properties: { MemorySize: 512, Timeout: 10 },
        behaviour: { duration: { distribution: 'lognormal', medianMs: 80, p99Ms: 400 }, errorRate: 0.01 },
      },
    ], [{ from: 'Users', to: 'Api' }, { from: 'Api', to: 'Handler' }]),
  requests: (r) => counterOf(r, 'Client', 'Requests'),
  budget: { text: 'one simulated hour in under 1.2 s', met: (m) => m.durationSeconds < 3600 || m.wallSeconds < 1.2 },
};
export default apiLambda;
