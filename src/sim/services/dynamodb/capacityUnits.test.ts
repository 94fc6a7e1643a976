import { describe, expect, it } from 'vitest';
import { capacityUnits, type DynamoOperation, type ReadConsistency } from './capacityUnits.ts';
import { partitionCount } from './model.ts';
import { hashKey, partitionShares } from './keySkew.ts';
import { checkDynamoTable } from './kind.ts';

describe('DynamoDB capacity units per item size and consistency', () => {
  const table: [DynamoOperation, number, number, ReadConsistency, number][] = [
    // op, itemSizeKB, items, consistency, units
    ['GetItem', 1, 1, 'eventual', 0.5],
    ['GetItem', 1, 1, 'strong', 1],
    ['GetItem', 4, 1, 'strong', 1],
    ['GetItem', 4.1, 1, 'strong', 2],
    ['GetItem', 9, 1, 'eventual', 1.5],
    ['GetItem', 0, 1, 'strong', 1],
    ['BatchGetItem', 1, 10, 'strong', 10],
    ['BatchGetItem', 5, 10, 'eventual', 10],
    ['Query', 1, 10, 'eventual', 1.5],
    ['Query', 1, 10, 'strong', 3],
    ['Scan', 4 / 3, 3, 'strong', 1],
    ['TransactGetItems', 5, 1, 'strong', 4],
    ['TransactGetItems', 1, 3, 'eventual', 6],
    ['PutItem', 1, 1, 'eventual', 1],
    ['PutItem', 0.2, 1, 'eventual', 1],
    ['PutItem', 1.5, 1, 'eventual', 2],
    ['UpdateItem', 3, 1, 'eventual', 3],
    ['DeleteItem', 400, 1, 'eventual', 400],
    ['BatchWriteItem', 0.5, 25, 'eventual', 25],
    ['TransactWriteItems', 1, 1, 'eventual', 2],
    ['TransactWriteItems', 3.5, 2, 'eventual', 16],
  ];
  it.each(table)('%s of %s KB x %s (%s) = %s units', (op, size, items, consistency, units) => {
    expect(capacityUnits(op, size, items, consistency)).toBe(units);
  });
});

describe('DynamoDB partitions', () => {
  it('come from capacity (3,000 RCU + 1,000 WCU each) and size (10 GB each)', () => {
    expect(partitionCount(5, 5, 1)).toBe(1);
    expect(partitionCount(3000, 1000, 0)).toBe(2);
    expect(partitionCount(1000, 4000, 0)).toBe(5);
    expect(partitionCount(100, 100, 55)).toBe(6);
    expect(partitionCount(12000, 4000, 0)).toBe(8);
  });

  it('a hash spreads keys evenly and a Zipf skew concentrates them', () => {
    expect(hashKey(1)).not.toBe(hashKey(2));
    const uniform = partitionShares({ distribution: 'uniform', keys: 100_000, zipfExponent: 1, hotKeyShare: 0 }, 8);
    for (const s of uniform) expect(s).toBeCloseTo(1 / 8, 2);
    const zipf = partitionShares({ distribution: 'zipf', keys: 10_000, zipfExponent: 1.2, hotKeyShare: 0 }, 8);
    expect(Math.max(...zipf)).toBeGreaterThan(0.3);
    const hot = partitionShares({ distribution: 'hotKey', keys: 1000, zipfExponent: 1, hotKeyShare: 0.6 }, 4);
    expect(Math.max(...hot)).toBeCloseTo(0.6 + 0.4 / 4, 1);
    expect(hot.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('DynamoDB table checks (CloudFormation rules)', () => {
  const node = (properties: Record<string, unknown>) => ({ id: 'T', type: 'AWS::DynamoDB::Table', properties, behaviour: {} });
  it('refuses capacity on an on-demand table and two disagreeing statements of it', () => {
    expect(checkDynamoTable(node({ BillingMode: 'PAY_PER_REQUEST', ProvisionedThroughput: { WriteCapacityUnits: 5 } }))).toEqual([
      ['properties.ProvisionedThroughput.WriteCapacityUnits', 'cannot be set when BillingMode is PAY_PER_REQUEST (on-demand)'],
    ]);
    expect(checkDynamoTable(node({ BillingMode: 'PROVISIONED', ReadCapacityUnits: 5, ProvisionedThroughput: { ReadCapacityUnits: 6 } }))).toEqual([
      ['properties.ReadCapacityUnits', 'disagrees with ProvisionedThroughput.ReadCapacityUnits (6); state it once'],
    ]);
    expect(checkDynamoTable(node({ BillingMode: 'PROVISIONED', WriteCapacityUnits: 100 }))).toEqual([]);
  });
});
