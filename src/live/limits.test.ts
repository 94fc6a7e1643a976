import { describe, expect, it } from 'vitest';
import type { SimScenario } from '../sim/engine.ts';
import { limitsOf } from './limits.ts';

const settings = {
  lambdaAccountConcurrency: 1000,
  lambdaMinimumUnreserved: 100,
  lambdaScaling: 'current' as const,
  lambdaLegacyBurst: 3000,
  lambdaIdleLifetimeSeconds: 600,
  apiGatewayAccountRateLimit: 10000,
  apiGatewayAccountBurstLimit: 5000,
  maxEvents: 1e8,
};
const node = (id: string, type: string, properties: Record<string, unknown> = {}) => ({ id, type, properties, behaviour: {} });

describe('limitsOf', () => {
  it('caps a reserved function at its reservation and the others at the unreserved pool', () => {
    const sim: SimScenario = {
      name: 'x',
      seed: 1,
      durationSeconds: 60,
      settings,
      nodes: [
        node('A', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 50 }),
        node('B', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 200 }),
        node('C', 'AWS::Lambda::Function'),
        node('T', 'AWS::DynamoDB::Table', { BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 7 } }),
        node('U', 'AWS::DynamoDB::Table', { BillingMode: 'PAY_PER_REQUEST' }),
        node('K', 'AWS::Kinesis::Stream', { ShardCount: 3 }),
        node('G', 'AWS::ApiGateway::RestApi', { ThrottlingRateLimit: 20000 }),
        node('Q', 'AWS::SQS::Queue'),
      ],
      edges: [],
    };
    expect(limitsOf(sim)).toEqual({
      A: { ConcurrentExecutions: 50 },
      B: { ConcurrentExecutions: 200 },
      C: { ConcurrentExecutions: 750 },
      T: { ConsumedReadCapacityUnits: 5, ConsumedWriteCapacityUnits: 7 },
      K: { IncomingRecords: 3000 },
      G: { Count: 10000 },
    });
  });
});
