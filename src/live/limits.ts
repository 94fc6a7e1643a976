import type { SimScenario } from '../sim/engine.ts';

/**
 * Limit lines drawn on charts and shown on nodes, per node and metric, from the validated scenario. A
 * counter's limit is per second (the chart scales it to the period). Rows of docs/aws-behaviour.md:
 *  - Lambda "reserved concurrency" / "account concurrency": a function with ReservedConcurrentExecutions is
 *    capped there; the others share the account's concurrency minus all reservations.
 *  - DynamoDB provisioned mode: consumed read/write capacity against the table's provisioned RCU/WCU.
 *  - Kinesis: 1,000 records/s per shard for writes.
 *  - API Gateway: the stage's ThrottlingRateLimit, within the account's rate.
 */
export type Limits = Record<string, Record<string, number>>;

export function limitsOf(sim: SimScenario): Limits {
  const out: Limits = {};
  const functions = sim.nodes.filter((n) => n.type === 'AWS::Lambda::Function');
  const reserved = functions.reduce((sum, n) => sum + (num(n.properties.ReservedConcurrentExecutions) ?? 0), 0);
  const unreserved = Math.max(0, sim.settings.lambdaAccountConcurrency - reserved);
  for (const n of sim.nodes) {
    const p = n.properties;
    switch (n.type) {
      case 'AWS::Lambda::Function':
        out[n.id] = { ConcurrentExecutions: num(p.ReservedConcurrentExecutions) ?? unreserved };
        break;
      case 'AWS::DynamoDB::Table': {
        if (p.BillingMode === 'PAY_PER_REQUEST') break;
        const pt = (p.ProvisionedThroughput ?? {}) as Record<string, unknown>;
        const rcu = num(p.ReadCapacityUnits) ?? num(pt.ReadCapacityUnits);
        const wcu = num(p.WriteCapacityUnits) ?? num(pt.WriteCapacityUnits);
        const limits: Record<string, number> = {};
        if (rcu !== undefined) limits.ConsumedReadCapacityUnits = rcu;
        if (wcu !== undefined) limits.ConsumedWriteCapacityUnits = wcu;
        out[n.id] = limits;
        break;
      }
      case 'AWS::Kinesis::Stream': {
        const shards = num(p.ShardCount);
        if (shards !== undefined) out[n.id] = { IncomingRecords: shards * 1000 };
        break;
      }
      case 'AWS::ApiGateway::RestApi': {
        const rate = num(p.ThrottlingRateLimit);
        const account = sim.settings.apiGatewayAccountRateLimit;
        out[n.id] = { Count: rate === undefined ? account : Math.min(rate, account) };
        break;
      }
    }
  }
  return out;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
