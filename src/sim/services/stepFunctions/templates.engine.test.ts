/**
 * Every template the inspector offers (templates.ts) validates as the engine checks it (asl-validator included)
 * and runs to completion in a scenario whose nodes are named as the template's targets, each with an assertion
 * on what its states did.
 */
import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../core/model.ts';
import type { Simulation } from '../../engine.ts';
import { scenario, sum, total } from '../../testing.ts';
import { lintDefinition } from './definitionLint.ts';
import { stepFunctionsKind } from './kind.ts';
import { stepFunctionsTemplates } from './templates.ts';

const SM = 'AWS::StepFunctions::StateMachine';
const fast = { duration: { distribution: 'constant', valueMs: 50 }, coldStartMs: { distribution: 'constant', valueMs: 0 } };
const template = (id: string) => stepFunctionsTemplates.find((t) => t.id === id)!;

/** Clients at 4 requests a second send the template's input to the state machine; its targets are on the canvas. */
function runTemplate(id: string, behaviour: Record<string, Record<string, unknown>> = {}): { sim: Simulation; n: (metric: string) => number } {
  const t = template(id);
  let build = scenario({ durationSeconds: 30 })
    .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 4 }, t.input ? { body: t.input } : {})
    .node('Flow', SM, t.properties, behaviour.Flow ?? {})
    .edge('Users', 'Flow');
  for (const target of new Map(t.targets.map((x) => [x.name, x])).values()) {
    build = build.node(target.name, target.type, {}, behaviour[target.name] ?? (target.type === 'AWS::Lambda::Function' ? fast : {})).edge('Flow', target.name, target.edge ? { properties: target.edge } : {});
  }
  const sim = build.run();
  return { sim, n: (metric) => sum(sim, 'Flow', metric) };
}

function expectAllDone(n: (metric: string) => number) {
  expect(n('ExecutionsStarted')).toBeGreaterThanOrEqual(100);
  expect(n('ExecutionsFailed') + n('ExecutionsTimedOut') + n('ExecutionsAborted')).toBe(0);
  // Executions started in the last seconds may still be running at the end.
  expect(n('ExecutionsSucceeded')).toBeGreaterThan(n('ExecutionsStarted') * 0.9);
}

describe('state machine templates', () => {
  it('offers them from the kind, lazily', async () => {
    expect(await stepFunctionsKind.templates!()).toBe(stepFunctionsTemplates);
    expect(new Set(stepFunctionsTemplates.map((t) => t.id)).size).toBe(stepFunctionsTemplates.length);
  });

  it.each(stepFunctionsTemplates.map((t) => [t.id, t] as const))('%s validates with asl-validator and the service checks, and names its origin', (_id, t) => {
    const node: SimNode = { id: 'Flow', type: SM, properties: stepFunctionsKind.properties.parse(t.properties), behaviour: {} };
    expect(lintDefinition(node)).toEqual([]);
    expect(t.origin).toMatch(/serverless-patterns [\w-]+/);
    // Every ${Name} the definition uses is a target the inspector binds.
    const used = new Set([...JSON.stringify(t.properties.Definition).matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...new Set(t.targets.map((x) => x.name))].sort());
  });

  it('lambda-retry-catch: a failing payment is caught and the order cancelled', () => {
    const { n } = runTemplate('lambda-retry-catch', { ProcessPayment: { ...fast, errorRate: 0.25 } });
    expectAllDone(n);
    expect(n('State:ProcessPayment:Caught')).toBeGreaterThan(0);
    expect(n('State:CancelOrder:Entered')).toBe(n('State:ProcessPayment:Caught'));
    expect(n('State:ReserveInventory:Succeeded') + n('State:CancelOrder:Succeeded')).toBe(n('ExecutionsSucceeded'));
  });

  it('choice-crud: the Choices send GET, PUT and DELETE with a pathParam to their own Tasks, none to Scan', () => {
    const { sim, n } = runTemplate('choice-crud');
    expectAllDone(n);
    for (const state of ['Get Item', 'Update Item', 'DynamoDB DeleteItem']) expect(n(`State:${state}:Entered`)).toBeGreaterThan(n('ExecutionsStarted') / 6);
    expect(n('State:Scan:Entered') + n('State:Create Item:Entered')).toBe(0);
    expect(sum(sim, 'DDBTable', 'ConsumedWriteCapacityUnits')).toBeGreaterThan(0);
  });

  it('parallel-dynamodb: both branches write once per execution, and the execution waits for both', () => {
    const { sim, n } = runTemplate('parallel-dynamodb');
    expectAllDone(n);
    expect(n('State:Save order:Succeeded')).toBe(n('State:Write audit record:Succeeded'));
    expect(n('State:Save everywhere:Succeeded')).toBe(n('ExecutionsSucceeded'));
    expect(sum(sim, 'OrdersTable', 'ConsumedWriteCapacityUnits')).toBeGreaterThanOrEqual(n('ExecutionsSucceeded'));
    expect(sum(sim, 'AuditTable', 'ConsumedWriteCapacityUnits')).toBeGreaterThanOrEqual(n('ExecutionsSucceeded'));
  });

  it('map-items: five invocations per execution, at most two at a time, so about three function durations each', () => {
    const { sim, n } = runTemplate('map-items');
    expectAllDone(n);
    expect(n('State:Process item:Succeeded')).toBe(5 * n('ExecutionsSucceeded'));
    expect(sum(sim, 'ItemFunction', 'Invocations')).toBeGreaterThanOrEqual(5 * n('ExecutionsSucceeded'));
    // Five items two at a time take three rounds of 50 ms.
    expect(total(sim, 'Flow', 'ExecutionTime').Minimum).toBeGreaterThanOrEqual(150);
    expect(total(sim, 'Flow', 'ExecutionTime').Minimum).toBeLessThan(200);
  });

  it('sns-publish: one publish per execution', () => {
    const { sim, n } = runTemplate('sns-publish');
    expectAllDone(n);
    expect(sum(sim, 'StateMachineSNSTopic', 'NumberOfMessagesPublished')).toBe(n('ExecutionsSucceeded'));
  });

  it('sqs-then-sns: each execution queues one message, then publishes one', () => {
    const { sim, n } = runTemplate('sqs-then-sns');
    expectAllDone(n);
    expect(sum(sim, 'WorkQueue', 'NumberOfMessagesSent')).toBe(n('ExecutionsSucceeded'));
    expect(sum(sim, 'NotifyTopic', 'NumberOfMessagesPublished')).toBe(n('ExecutionsSucceeded'));
  });

  it('wait-for-callback: each execution waits for the callback before it publishes', () => {
    const { sim, n } = runTemplate('wait-for-callback', { Flow: { callbackDelay: { distribution: 'constant', valueMs: 2000 } } });
    expectAllDone(n);
    expect(total(sim, 'Flow', 'ExecutionTime').Minimum).toBeGreaterThanOrEqual(2050);
    expect(sum(sim, 'NotifyTopic', 'NumberOfMessagesPublished')).toBe(n('ExecutionsSucceeded'));
  });
});
