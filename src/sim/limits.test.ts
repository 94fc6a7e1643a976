import { describe, expect, it } from 'vitest';
import { Simulation } from './engine.ts';
import { scenario } from './testing.ts';
import { loadedModels } from './services/registry.ts';

const FN = 'AWS::Lambda::Function';
const TABLE = 'AWS::DynamoDB::Table';

function build() {
  return scenario({ durationSeconds: 60 })
    .node('A', FN, { ReservedConcurrentExecutions: 50 })
    .node('B', FN, { ReservedConcurrentExecutions: 200 })
    .node('C', FN)
    .node('T', TABLE, { BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 7 } })
    .node('U', TABLE, { BillingMode: 'PAY_PER_REQUEST' })
    .node('G', 'AWS::ApiGateway::RestApi', { ThrottlingRateLimit: 20000 })
    .node('Q', 'AWS::SQS::Queue')
    .build();
}

describe('Simulation.limits (the limit lines the UI draws)', () => {
  it('caps a reserved function at its reservation, the others at the unreserved pool; tables and APIs at their capacity', () => {
    expect(new Simulation(build(), loadedModels()).limits()).toEqual({
      A: { ConcurrentExecutions: 50 },
      B: { ConcurrentExecutions: 200 },
      C: { ConcurrentExecutions: 750 },
      T: { ConsumedReadCapacityUnits: 5, ConsumedWriteCapacityUnits: 7 },
      // On-demand: what a new table serves without throttling (docs/aws-behaviour.md, DynamoDB "on-demand").
      U: { ConsumedReadCapacityUnits: 12000, ConsumedWriteCapacityUnits: 4000 },
      // The stage asks for 20,000/s but the account allows 10,000/s.
      G: { Count: 10000 },
    });
  });

  it('follows live edits, including another function\'s reservation changing the shared pool', () => {
    const built = build();
    const sim = new Simulation(built, loadedModels());
    const a = built.nodes.find((n) => n.id === 'A')!;
    sim.advanceTo(1000);
    sim.updateNode({ ...a, properties: { ...a.properties, ReservedConcurrentExecutions: 10 } });
    expect(sim.limits().A).toEqual({ ConcurrentExecutions: 10 });
    expect(sim.limits().C).toEqual({ ConcurrentExecutions: 790 });
  });
});
