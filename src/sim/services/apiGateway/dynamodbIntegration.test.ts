import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../scenario/paths.ts';
import { validateScenario } from '../../../scenario/validate.ts';
import { Simulation } from '../../engine.ts';
import { loadedModels } from '../registry.ts';

/** Users -> API Gateway -> DynamoDB (a direct integration), validated as a scenario file would be. */
function runDirect(edge: Record<string, unknown>) {
  const doc = {
    format: 'serverless-playground/scenario',
    version: 1,
    name: 'direct integration',
    seed: 1,
    durationSeconds: 10,
    nodes: [
      { id: 'Users', type: 'Client', properties: { pattern: 'constant', ratePerSecond: 50 } },
      { id: 'Api', type: 'AWS::ApiGateway::RestApi' },
      { id: 'Table', type: 'AWS::DynamoDB::Table', properties: { BillingMode: 'PROVISIONED', ReadCapacityUnits: 100, WriteCapacityUnits: 100 } },
    ],
    edges: [{ from: 'Users', to: 'Api' }, { from: 'Api', to: 'Table', properties: edge }],
  };
  const r = validateScenario(doc);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  const sim = new Simulation(r.sim, loadedModels());
  sim.run();
  const totals = sim.result().nodes.Table.totals;
  return { reads: totals.ConsumedReadCapacityUnits.Sum, writes: totals.ConsumedWriteCapacityUnits.Sum };
}

describe('API Gateway -> DynamoDB direct integration', () => {
  it('a PutItem consumes write capacity: 500 requests of 1 KB are 500 WCU and no reads', () => {
    expect(runDirect({ operation: 'PutItem', itemSizeKB: 1 })).toEqual({ reads: 0, writes: 500 });
  });

  it('keeps the operation and consistency: a strongly consistent 8 KB GetItem is 2 RCU', () => {
    expect(runDirect({ operation: 'GetItem', itemSizeKB: 8, consistency: 'strong' })).toEqual({ reads: 1000, writes: 0 });
  });

  it('defaults to an eventually consistent GetItem (half an RCU for up to 4 KB)', () => {
    expect(runDirect({})).toEqual({ reads: 250, writes: 0 });
  });

  it('rejects an unknown operation with a message that says where', () => {
    const r = validateScenario({
      format: 'serverless-playground/scenario', version: 1, name: 'bad', durationSeconds: 10,
      nodes: [{ id: 'Api', type: 'AWS::ApiGateway::RestApi' }, { id: 'Table', type: 'AWS::DynamoDB::Table' }],
      edges: [{ from: 'Api', to: 'Table', properties: { operation: 'PutItems' } }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem).join('\n')).toMatch(/edges\[0\].*operation/);
  });
});
