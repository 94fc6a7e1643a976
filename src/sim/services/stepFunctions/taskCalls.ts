/**
 * How a Task state's call reaches a node on the canvas and how its answer comes back as ASL errors
 * (docs/aws-behaviour.md, Step Functions "error names" and "Task" rows): a Lambda throttle is
 * Lambda.TooManyRequestsException, a function error the function's error name, a Lambda timeout
 * Sandbox.Timedout; other services' throttles and faults keep their exception names.
 */
import { Outcome, type Message, type ReplyInfo } from '../../core/model.ts';
import type { Json, JsonObject } from './asl/errors.ts';
import type { TaskRequest } from './asl/types.ts';

/** The error-name prefix Step Functions gives each integration's errors. */
const PREFIX: Record<string, string> = {
  lambda: 'Lambda',
  dynamodb: 'DynamoDB',
  sqs: 'SQS',
  sns: 'SNS',
  events: 'EventBridge',
  states: 'StepFunctions',
  kinesis: 'Kinesis',
};

export function errorPrefix(request: Pick<TaskRequest, 'integration'>): string {
  const service = request.integration.service.replace(/^aws-sdk:/, '');
  return PREFIX[service] ?? service.charAt(0).toUpperCase() + service.slice(1);
}

/**
 * The simulated functions run no code, so the function's error carries no name of its own: it is `Error`,
 * what a Node.js handler's `throw new Error(...)` reports (docs/architecture.md lists this departure).
 */
export const FUNCTION_ERROR_NAME = 'Error';

const isException = (reason: string | undefined): reason is string => reason !== undefined && /^[A-Z][A-Za-z]*Exception$/.test(reason);

/** The ASL error for a failed call: [error, cause]. */
export function taskError(request: TaskRequest, outcome: Outcome, info: ReplyInfo | undefined): [string, string] {
  const prefix = errorPrefix(request);
  const reason = info?.reason;
  const cause = reason ?? 'the call failed';
  const lambda = prefix === 'Lambda';
  switch (outcome) {
    case Outcome.Throttled:
      if (lambda) return ['Lambda.TooManyRequestsException', `Rate exceeded (${cause})`];
      return [`${prefix}.${isException(reason) ? reason : prefix === 'DynamoDB' ? 'ProvisionedThroughputExceededException' : 'ThrottlingException'}`, cause];
    case Outcome.FunctionError:
      return [lambda ? FUNCTION_ERROR_NAME : `${prefix}.${isException(reason) ? reason : 'ServiceException'}`, cause];
    case Outcome.FunctionTimeout:
      return ['Sandbox.Timedout', 'Task timed out (the function ran past its Timeout)'];
    default:
      return [`${prefix}.${isException(reason) ? reason : 'ServiceException'}`, cause];
  }
}

/**
 * What the call returns, in AWS's response shape. The simulated services keep no data, so a function returns
 * the payload it was given and a GetItem finds no item (docs/architecture.md).
 */
export function taskResult(request: TaskRequest, msg: Message): Json {
  const { service, action } = request.integration;
  const payload = (msg.body ?? null) as Json;
  if (service === 'lambda') return request.integration.statesArn ? { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: payload } : payload;
  if (service === 'sqs' && action === 'sendMessage') return { MessageId: messageId(msg), MD5OfMessageBody: '' };
  if (service === 'sns' && action === 'publish') return { MessageId: messageId(msg) };
  if (service === 'events' && action === 'putEvents') {
    const entries = isObject(request.input) && Array.isArray(request.input.Entries) ? request.input.Entries : [];
    const id = messageId(msg);
    return { FailedEntryCount: 0, Entries: entries.map((_, i) => ({ EventId: `${id}-${i}` })) };
  }
  if (service === 'states' && action === 'startExecution') return { ExecutionArn: `arn:aws:states:us-east-1:123456789012:execution:${request.target ?? 'machine'}:${messageId(msg)}`, StartDate: 0 };
  return {};
}

/** A UUID-shaped id made from the call's message id (written only for the answers that carry one). */
function messageId(msg: Message): string {
  return `${msg.id.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
}

/** The body a call carries: a Lambda invoke's Payload (or a bare ARN's input), else the API request itself. */
export function callBody(request: TaskRequest): Json {
  if (request.integration.service === 'lambda' && request.integration.statesArn) {
    return isObject(request.input) ? (request.input.Payload ?? null) : null;
  }
  return request.input;
}

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
