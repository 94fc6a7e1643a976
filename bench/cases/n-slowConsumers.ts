import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (n) Slow consumers (issue 7): an SQS queue at 1,000 msgs/s drained by a function capped at 10 concurrent
 * 1 s batches of 1, and an async function at reserved concurrency 1 receiving 1,000 events/s, for 30 days.
 * With the default backlog budget the run must stop with a message in bounded memory.
 */
const slowConsumers: BenchCase = {
  title: '(n) slow SQS consumer + async function at reserved 1, 1,000/s each for 30 days',
  durationsSeconds: [30 * 86_400],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: slow consumers', durationSeconds, [
      { id: 'Producer', type: 'Client', properties: { pattern: 'constant', ratePerSecond: 1000 } },
      { id: 'Backlog', type: 'AWS::SQS::Queue', properties: { MessageRetentionPeriod: 1_209_600, VisibilityTimeout: 60 } },
      { id: 'Consumer', type: 'AWS::Lambda::Function', properties: { ReservedConcurrentExecutions: 10, Timeout: 10 }, behaviour: { duration: 1000, coldStartMs: 0 } },
      { id: 'Events', type: 'Client', properties: { pattern: 'constant', ratePerSecond: 1000 } },
      { id: 'Single', type: 'AWS::Lambda::Function', properties: { ReservedConcurrentExecutions: 1, Timeout: 10 }, behaviour: { duration: 100, coldStartMs: 0 } },
    ], [
      { from: 'Producer', to: 'Backlog' },
      { from: 'Backlog', to: 'Consumer', properties: { BatchSize: 1 } },
      { from: 'Events', to: 'Single', properties: { invocationType: 'Event' } },
    ]),
  requests: (r) => counterOf(r, 'Client', 'Requests'),
  budget: { text: 'stops with a message, peak RSS under 1,500 MB', met: (m) => m.stopped !== undefined && m.peakRssMB < 1500 },
};
export default slowConsumers;
