import { z } from 'zod';
import { bool, choice, int, num } from '../../core/fields.ts';
import type { EdgeRole, SimNode } from '../../core/model.ts';
import type { ConnectionRule } from '../../core/serviceKind.ts';
import { dynamodbCallSchema } from '../dynamodb/spec.ts';

/**
 * A function's outgoing edges: `call` edges are SDK calls each invocation makes (docs/aws-behaviour.md,
 * DynamoDB "throttle" for the SDK's retries); `deadLetter`, `onFailure` and `onSuccess` serve asynchronous
 * invocations (Lambda "DLQ / destinations": a DLQ is SQS or SNS; destinations SQS, SNS, Lambda, EventBridge).
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

export const sqsCallSchema = z.looseObject({
  operation: choice(['SendMessage'] as const, 'SendMessage', {
    label: 'Operation',
    help: 'The SQS API called.',
    group: 'Settings',
  }),
  perInvocation,
  perRecord,
  messageSizeKB: num(1, { min: 0.001, max: 1024 }, {
    label: 'Message size',
    help: 'Size of each message sent (SQS allows up to 1 MiB; every 64 KB is billed as one request).',
    group: 'Settings',
    unit: 'KB',
  }),
});

export const snsCallSchema = z.looseObject({
  operation: choice(['Publish'] as const, 'Publish', {
    label: 'Operation',
    help: 'The SNS API called.',
    group: 'Settings',
  }),
  perInvocation,
  perRecord,
  messageSizeKB: num(1, { min: 0.001, max: 256 }, {
    label: 'Message size',
    help: 'Size of each message published (up to 256 KB; every 64 KB is billed as one publish).',
    group: 'Settings',
    unit: 'KB',
  }),
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
  perInvocation,
  perRecord,
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

const ASYNC_ROLES = ['onFailure', 'onSuccess'] as const;

export const lambdaConnections: readonly ConnectionRule[] = [
  { to: 'AWS::DynamoDB::Table', roles: ['call'], properties: { call: dynamodbCallSchema.extend({ perRecord }) } },
  { to: 'AWS::SQS::Queue', roles: ['call', 'deadLetter', ...ASYNC_ROLES], properties: { call: sqsCallSchema } },
  { to: 'AWS::SNS::Topic', roles: ['call', 'deadLetter', ...ASYNC_ROLES], properties: { call: snsCallSchema } },
  { to: 'AWS::Lambda::Function', roles: ['call', ...ASYNC_ROLES], properties: { call: lambdaCallSchema } },
  // EventBridge and Step Functions: add { to, roles: ['call', ...] } rules here when those kinds exist.
];

/** AWS refuses FIFO queues and topics as a function's DLQ or async destination. */
export function checkLambdaConnection(_from: SimNode, to: SimNode, role: EdgeRole): [string, string][] {
  if (role !== 'deadLetter' && role !== 'onFailure' && role !== 'onSuccess') return [];
  if (to.properties.FifoQueue === true || to.properties.FifoTopic === true)
    return [['', `a function's ${role} target cannot be a FIFO ${to.type === 'AWS::SNS::Topic' ? 'topic' : 'queue'}`]];
  return [];
}
