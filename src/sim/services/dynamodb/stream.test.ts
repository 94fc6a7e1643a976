import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../../scenario/catalog.ts';
import { formatProblem } from '../../../scenario/paths.ts';
import { validateScenario } from '../../../scenario/validate.ts';
import { scenario, series, sum, total } from '../../testing.ts';

const TABLE = 'AWS::DynamoDB::Table';
const FN = 'AWS::Lambda::Function';

/** Writers -> table (stream on) -> a function reading its changes. */
function changeCapture(writesPerSecond: number, extra: { poisonRate?: number; mapping?: Record<string, unknown> } = {}) {
  return scenario({ durationSeconds: 120 })
    .node('Writers', 'Client', { pattern: 'constant', ratePerSecond: writesPerSecond }, { poisonRate: extra.poisonRate ?? 0 })
    .node('Orders', TABLE, { BillingMode: 'PAY_PER_REQUEST', StreamSpecification: { StreamEnabled: true } })
    .node('Projector', FN, {}, { duration: { distribution: 'constant', valueMs: 20 }, coldStartMs: 0 })
    .node('Failures', 'AWS::SQS::Queue')
    .edge('Writers', 'Orders', { properties: { operation: 'PutItem' } })
    .edge('Orders', 'Projector', { properties: extra.mapping ?? {} })
    .edge('Orders', 'Failures', { role: 'onFailure' });
}

describe('DynamoDB Streams read by Lambda (polling 4 times a second)', () => {
  it('turns every write into a stream record the function reads within about a poll interval', () => {
    const sim = changeCapture(200).run();
    expect(sum(sim, 'Orders', 'StreamRecords')).toBe(sum(sim, 'Orders', 'ConsumedWriteCapacityUnits'));
    const processed = sum(sim, 'Projector', 'Invocations');
    expect(processed).toBeGreaterThan(400); // about 4 polls a second, each a batch
    const age = total(sim, 'Orders', 'IteratorAge');
    expect(age.Maximum).toBeLessThan(600);
    expect(age.p50).toBeLessThan(300);
  });

  it('sends a poison record\'s batch metadata to OnFailure after MaximumRetryAttempts, and moves on', () => {
    const sim = changeCapture(50, { poisonRate: 0.002, mapping: { MaximumRetryAttempts: 1, BisectBatchOnFunctionError: true } }).run();
    const poisoned = sum(sim, 'Orders', 'RecordsDiscarded');
    expect(poisoned).toBeGreaterThan(5);
    expect(total(sim, 'Failures', 'ApproximateNumberOfMessagesVisible').Maximum).toBe(poisoned);
    expect(Math.max(...series(sim, 'Orders', 'IteratorAge', 'Maximum').slice(-10))).toBeLessThan(10_000);
  });

  it('refuses a mapping on a table whose stream is off, saying how to turn it on', () => {
    const doc = {
      format: 'serverless-playground/scenario',
      version: 1,
      name: 'no stream',
      nodes: [
        { id: 'Orders', type: TABLE },
        { id: 'Projector', type: FN },
      ],
      edges: [{ from: 'Orders', to: 'Projector' }],
    };
    const r = validateScenario(doc, defaultCatalog());
    if (r.ok) throw new Error('accepted');
    expect(r.problems.map(formatProblem)).toContain("edges[0]: turn on the table's stream (StreamSpecification.StreamEnabled) so that a function can read Orders's changes");
  });
});
