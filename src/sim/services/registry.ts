import type { ServiceKind } from '../core/serviceKind.ts';
import { apiGatewayKind } from './apiGateway/kind.ts';
import { clientKind } from './client/kind.ts';
import { dynamodbKind } from './dynamodb/kind.ts';
import { lambdaKind } from './lambda/kind.ts';
import { snsKind } from './sns/kind.ts';
import { sqsKind } from './sqs/kind.ts';

/**
 * Every node kind the playground knows, in palette order. Adding a service is a folder under
 * src/sim/services/ with a ServiceKind and one line here.
 */
export const SERVICE_KINDS: readonly ServiceKind[] = [
  clientKind,
  apiGatewayKind,
  lambdaKind,
  sqsKind,
  snsKind,
  dynamodbKind,
];

const byType = new Map(SERVICE_KINDS.map((k) => [k.type, k]));

export function findServiceKind(type: string): ServiceKind | undefined {
  return byType.get(type);
}

export function serviceKind(type: string): ServiceKind {
  const kind = byType.get(type);
  if (!kind) throw new Error(`unknown node type ${type}`);
  return kind;
}
