import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (m) Backlogs that grow without bound (issue 7): a queue nobody reads, at 1,000 msgs/s for 30 days. With the
 * default backlog budget (settings.maxBacklog) the run must stop with a message in bounded memory.
 */
const unreadQueue: BenchCase = {
  title: '(m) queue nobody reads, 1,000 msgs/s for 30 days (backlog budget)',
  durationsSeconds: [30 * 86_400],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: unread queue', durationSeconds, [
      { id: 'Producer', type: 'Client', properties: { pattern: 'constant', ratePerSecond: 1000 } },
      { id: 'Unread', type: 'AWS::SQS::Queue', properties: { MessageRetentionPeriod: 1_209_600 } },
    ], [{ from: 'Producer', to: 'Unread' }]),
  requests: (r) => counterOf(r, 'Client', 'Requests'),
  budget: { text: 'stops with a message, peak RSS under 1,500 MB', met: (m) => m.stopped !== undefined && m.peakRssMB < 1500 },
};
export default unreadQueue;
