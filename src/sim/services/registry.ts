import { deliveryOf, deriveConnections, type ConnectionRule, type ModelFactory, type ModelRegistry, type ServiceKind } from '../core/serviceKind.ts';
import type { AdviceRule } from '../core/advice.ts';
import type { EdgeRole } from '../core/model.ts';
import { apiGatewayKind } from './apiGateway/kind.ts';
import { clientKind } from './client/kind.ts';
import { dynamodbKind } from './dynamodb/kind.ts';
import { eventBridgeKind } from './eventBridge/kind.ts';
import { kinesisKind } from './kinesis/kind.ts';
import { lambdaKind } from './lambda/kind.ts';
import { schedulerKind } from './scheduler/kind.ts';
import { snsKind } from './sns/kind.ts';
import { sqsKind } from './sqs/kind.ts';
import { stepFunctionsKind } from './stepFunctions/kind.ts';

/** A registered service: its description, and its model, loaded only by the engine's hosts. */
export interface ServiceEntry {
  kind: ServiceKind;
  model: () => Promise<{ createModel: ModelFactory }>;
}

/**
 * Every node kind the playground knows, in palette order. Adding a service is a folder under
 * src/sim/services/ (kind.ts: its description; model.ts: `createModel`) and one line here. The app imports only
 * descriptions; models load lazily (a chunk of their own in the browser) through loadModels().
 */
export const SERVICES: readonly ServiceEntry[] = [
  { kind: clientKind, model: () => import('./client/model.ts') },
  { kind: apiGatewayKind, model: () => import('./apiGateway/model.ts') },
  { kind: lambdaKind, model: () => import('./lambda/model.ts') },
  { kind: sqsKind, model: () => import('./sqs/model.ts') },
  { kind: snsKind, model: () => import('./sns/model.ts') },
  { kind: dynamodbKind, model: () => import('./dynamodb/model.ts') },
  { kind: kinesisKind, model: () => import('./kinesis/model.ts') },
  { kind: stepFunctionsKind, model: () => import('./stepFunctions/model.ts') },
  { kind: eventBridgeKind, model: () => import('./eventBridge/model.ts') },
  { kind: schedulerKind, model: () => import('./scheduler/model.ts') },
];

export const SERVICE_KINDS: readonly ServiceKind[] = SERVICES.map((s) => s.kind);

const byType = new Map(SERVICE_KINDS.map((k) => [k.type, k]));
const connections = deriveConnections(SERVICE_KINDS);

export function findServiceKind(type: string): ServiceKind | undefined {
  return byType.get(type);
}

export function serviceKind(type: string): ServiceKind {
  const kind = byType.get(type);
  if (!kind) throw new Error(`unknown node type ${type}`);
  return kind;
}

/** The connections a node of `type` may start (derived from every kind's emits and accepts). */
export function connectionsFrom(type: string): readonly ConnectionRule[] {
  return connections.get(type) ?? [];
}

/** The connection rule from one kind to another, if AWS allows any. */
export function connectionBetween(fromType: string, toType: string): ConnectionRule | undefined {
  return connectionsFrom(fromType).find((c) => c.to === toType);
}

/** Whether the target takes messages over an edge of this role fire-and-forget (its AcceptRule's delivery). */
export function isAsyncEdge(fromType: string, toType: string, role: EdgeRole, properties: Record<string, unknown>): boolean {
  return deliveryOf(connectionBetween(fromType, toType)?.delivery[role], properties) === 'async';
}

let loaded: ModelRegistry | null = null;

/** Loads every kind's model (in the browser, each is a chunk of its own) and returns the engine's registry. */
export async function loadModels(): Promise<ModelRegistry> {
  if (loaded) return loaded;
  const modules = await Promise.all(SERVICES.map((s) => s.model()));
  const factories = new Map(SERVICES.map((s, i) => [s.kind.type, modules[i].createModel]));
  loaded = {
    kind: serviceKind,
    factory(type: string): ModelFactory {
      const f = factories.get(type);
      if (!f) throw new Error(`no model for node type ${type}`);
      return f;
    },
    isAsync: isAsyncEdge,
  };
  return loaded;
}

let advice: readonly AdviceRule[] | null = null;

/** Every kind's design-advisor rules (ServiceKind.advice), in registry order; loaded once. */
export async function loadAdvice(): Promise<readonly AdviceRule[]> {
  advice ??= (await Promise.all(SERVICE_KINDS.map((k) => k.advice?.() ?? Promise.resolve([])))).flat();
  return advice;
}

/** The rules loadAdvice() loaded; for synchronous callers that awaited it once (the advisor, tests). */
export function loadedAdvice(): readonly AdviceRule[] {
  if (!advice) throw new Error('loadAdvice() must be awaited before the advisor runs (tests: src/sim/testSetup.ts)');
  return advice;
}

/** The registry loadModels() built; for synchronous hosts (tests, benches) that awaited it once at start. */
export function loadedModels(): ModelRegistry {
  if (!loaded) throw new Error('loadModels() must be awaited before a Simulation is built (tests: src/sim/testSetup.ts)');
  return loaded;
}
