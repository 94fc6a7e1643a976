import { counterOf, scenarioDoc, type BenchCase } from '../benchCase.ts';

/**
 * (w) A compact backlog (issue 9): 1,000 msgs/s into an SQS queue nobody reads for 6 simulated hours, 21.6 million
 * messages waiting at the end. The backlog budget is raised to 25 million so the engine lets it grow; the bench
 * stops the run itself at 2 GB of RSS (the budget is 1.5 GB) so that an engine that needs more per message reports
 * how far it got instead of exhausting a shared machine.
 */
const RSS_CAP_MB = 2048;
const unreadQueueCompact: BenchCase = {
  title: '(w) queue nobody reads, 1,000 msgs/s for 6 h (21.6 M waiting)',
  durationsSeconds: [6 * 3600],
  rssCapMB: RSS_CAP_MB,
  scenario: (durationSeconds) =>
    scenarioDoc('bench: 21.6 M waiting messages', durationSeconds, [
      { id: 'Producer', type: 'Client', properties: { pattern: 'constant', ratePerSecond: 1000 } },
      { id: 'Unread', type: 'AWS::SQS::Queue', properties: { MessageRetentionPeriod: 1_209_600 } },
    ], [{ from: 'Producer', to: 'Unread' }], { maxBacklog: 25_000_000 }),
  requests: (r) => counterOf(r, 'AWS::SQS::Queue', 'NumberOfMessagesSent'),
  report: (_r, m) => {
    const bytesEach = ((m.peakRssMB - m.rssBeforeMB) * 2 ** 20) / m.requests;
    return (
      `${m.requests.toLocaleString('en-US')} messages waiting at ${m.simulatedSeconds.toFixed(0)} s; ` +
      `${bytesEach.toFixed(0)} bytes of RSS per waiting message (peak ${m.peakRssMB.toFixed(0)} MB less ${m.rssBeforeMB.toFixed(0)} MB before the run), ` +
      `so 21.6 M would take about ${((bytesEach * 21.6e6) / 2 ** 30).toFixed(1)} GB`
    );
  },
  budget: { text: 'finishes, peak RSS under 1,500 MB', met: (m) => m.stopped === undefined && m.peakRssMB < 1500 },
};
export default unreadQueueCompact;
