/**
 * Capacity units of one DynamoDB request (docs/aws-behaviour.md "DynamoDB: units"): a read of up to 4 KB is
 * 1 RCU strongly consistent, 0.5 eventually consistent, 2 transactional; a write of up to 1 KB is 1 WCU, 2
 * transactional. Sizes round up per item, except Query and Scan, which add the item sizes first and round
 * the total up to the next 4 KB (as AWS documents for Query).
 */

export const DYNAMODB_OPERATIONS = [
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
] as const;
export type DynamoOperation = (typeof DYNAMODB_OPERATIONS)[number];
export type ReadConsistency = 'eventual' | 'strong';

const READS: ReadonlySet<string> = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

export function isWrite(op: DynamoOperation): boolean {
  return !READS.has(op);
}

/** Rounds up, ignoring float noise (3 x 4/3 KB is 4 KB, not a hair above). */
const ceil = (x: number) => Math.ceil(x - 1e-9);

/** The largest item DynamoDB stores (KB). */
export const MAX_ITEM_KB = 400;

/**
 * Units consumed by one request that reads or writes `items` items of `itemSizeKB` each.
 * Reads return RCUs, writes WCUs; the caller knows which from isWrite(op).
 */
export function capacityUnits(op: DynamoOperation, itemSizeKB: number, items = 1, consistency: ReadConsistency = 'eventual'): number {
  const n = Math.max(1, Math.floor(items));
  const size = Math.max(0, itemSizeKB);
  switch (op) {
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'BatchWriteItem':
      return n * Math.max(1, ceil(size));
    case 'TransactWriteItems':
      return 2 * n * Math.max(1, ceil(size));
    case 'TransactGetItems':
      return 2 * n * Math.max(1, ceil(size / 4));
    case 'GetItem':
    case 'BatchGetItem':
      return (consistency === 'strong' ? 1 : 0.5) * n * Math.max(1, ceil(size / 4));
    case 'Query':
    case 'Scan':
      return (consistency === 'strong' ? 1 : 0.5) * Math.max(1, ceil((n * size) / 4));
  }
}
