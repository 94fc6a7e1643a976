import { z } from 'zod';
import { bool, choice, int, num } from '../../core/fields.ts';
import type { EdgeRole, SimNode } from '../../core/model.ts';
import type { AcceptRule, EmitRule } from '../../core/serviceKind.ts';

/**
 * A function's edges: `call` edges are SDK calls each invocation makes (docs/aws-behaviour.md, DynamoDB
 * "throttle" for the SDK's retries); `deadLetter`, `onFailure` and `onSuccess` serve asynchronous invocations
 * (Lambda "DLQ / destinations": a DLQ is SQS or SNS; destinations SQS, SNS, Lambda, EventBridge).
 */

const perInvocation = int(1, { min: 0, max: 1000 }, {
  label: 'Calls per invocation',
  help: 'How many such calls each invocation makes, one after another.',
  group: 'Settings',
});

const perRecord = bool(false, {
  label: 'Per record',
  help: 'Repeat the calls for every record of a batch (e.g. one PutItem per SQS message) instead of once per invocation.',
  group: 'Settings',
});

export const lambdaCallSchema = z.looseObject({
  operation: choice(['Invoke'] as const, 'Invoke', {
    label: 'Operation',
    help: 'The Lambda API called.',
    group: 'Settings',
  }),
  invocationType: choice(['RequestResponse', 'Event'] as const, 'RequestResponse', {
    label: 'Invocation type',
    help: 'RequestResponse waits for the function to finish (its time adds to this one\'s); Event queues it and returns 202.',
    group: 'Settings',
    rule: 'Lambda: async invocation',
  }),
  payloadSizeKB: num(1, { min: 0.001, max: 6144 }, {
    label: 'Payload size',
    help: 'Size of each request payload.',
    group: 'Settings',
    unit: 'KB',
  }),
  eventInvokeLatencyMs: num(20, { min: 0, max: 10_000 }, {
    label: 'Event invoke latency',
    help: 'Time an Event invoke takes to return its 202 (the request is queued, not run).',
    group: 'Advanced',
    unit: 'ms',
    assumption: true,
  }),
});

/** An Event invoke is taken asynchronously: the caller gets 202 and waits for no answer. */
const byInvocationType = (p: Record<string, unknown>) => (p.invocationType === 'Event' ? 'async' : 'sync');

/** How a client or an API invokes the function (Invoke with an InvocationType). */
export const lambdaInvokeEdge = z.looseObject({
  invocationType: choice(['RequestResponse', 'Event'] as const, 'RequestResponse', {
    label: 'Invocation type',
    help: 'RequestResponse waits for the function; Event is asynchronous: Lambda answers 202 Accepted at once.',
    group: 'Settings',
    rule: 'Lambda: async invocation',
  }),
});

/**
 * A function's outgoing edges: SDK calls to any kind that accepts a `call` (the target adds what the call
 * does), and for asynchronous invocations a DLQ (SQS or SNS) and OnFailure / OnSuccess destinations.
 */
export const lambdaEmits: readonly EmitRule[] = [
  { role: 'call', sdk: true, properties: z.looseObject({ perInvocation, perRecord }) },
  { role: 'deadLetter' },
  { role: 'onFailure' },
  { role: 'onSuccess' },
];

/** What invokes a function, and how (Lambda "invocation", "async invocation", event source mappings). */
export const lambdaAccepts: readonly AcceptRule[] = [
  { role: 'invoke', properties: lambdaInvokeEdge, delivery: byInvocationType },
  { role: 'call', sdkOnly: true, sdkProperties: lambdaCallSchema, delivery: byInvocationType },
  { role: 'eventSource', delivery: 'sync' },
  { role: 'subscription', delivery: 'async' },
  { role: 'target', delivery: 'async' },
  { role: 'onFailure', delivery: 'async' },
  { role: 'onSuccess', delivery: 'async' },
];

/** AWS refuses FIFO queues and topics as a function's DLQ or async destination. */
export function checkLambdaConnection(_from: SimNode, to: SimNode, role: EdgeRole): [string, string][] {
  if (role !== 'deadLetter' && role !== 'onFailure' && role !== 'onSuccess') return [];
  if (to.properties.FifoQueue === true || to.properties.FifoTopic === true)
    return [['', `a function's ${role} target cannot be a FIFO ${to.type === 'AWS::SNS::Topic' ? 'topic' : 'queue'}`]];
  return [];
}
