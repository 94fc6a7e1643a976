import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/** (a) The hot-path budget: a Client -> Lambda loss system (1,000 req/s, concurrency 80, 80 ms exponential). */
const lossSystem: BenchCase = {
  title: '(a) loss system: 1,000 req/s -> Lambda, concurrency 80, 80 ms exp',
  durationsSeconds: [600],
  repeat: 3,
  scenario: (durationSeconds) =>
    scenarioDoc('bench: loss system', durationSeconds, [
      { id: 'Callers', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 1000 } },
      {
        id: 'Worker',
        type: 'AWS::Lambda::Function',
        properties: { ReservedConcurrentExecutions: 80, Timeout: 30 },
        behaviour: { duration: { distribution: 'exponential', meanMs: 80 }, coldStartMs: 0 },
      },
    ], [{ from: 'Callers', to: 'Worker' }]),
  requests: (r) => counterOf(r, 'Client', 'Requests'),
  budget: {
    text: '>= 3,500,000 simulated requests per wall-second and >= 50% of the floor',
    met: (m, floor) => m.requestsPerSecond >= 3_500_000 && m.requestsPerSecond >= 0.5 * floor,
  },
};
export default lossSystem;
