/**
 * Which integration each Task state calls and which resource it names, read where AWS reads it
 * (FunctionName, TableName, QueueUrl, TopicArn, Entries[].EventBusName, StateMachineArn), after
 * DefinitionSubstitutions. Imports no library, so the canvas can draw edges from a pasted definition.
 */
import type { Json, JsonObject } from './errors.ts';

export type IntegrationPattern = 'requestResponse' | 'sync' | 'waitForTaskToken';

export interface TaskIntegration {
  /** lambda, dynamodb, sqs, sns, events, states, apigateway, aws-sdk:<service>, activity, ... */
  service: string;
  /** invoke, putItem, sendMessage, publish, putEvents, startExecution, ... ('invoke' for a bare Lambda ARN). */
  action: string;
  pattern: IntegrationPattern;
  /** The input field AWS reads the target from, when the integration has one. */
  targetField?: string;
  /**
   * The Resource starts with `arn:aws:states:` (an optimised or SDK integration, which names its target in the
   * input); a bare function ARN or name does not. Read once here rather than at every call.
   */
  statesArn: boolean;
}

export interface TaskTarget {
  stateName: string;
  resource: string;
  integration: TaskIntegration;
  /** The target as written after substitution (an ARN, a URL, a name); undefined when set by a path. */
  value?: string;
  /** The short name in `value` (function, table, queue, topic, bus or state machine name) to match a node. */
  name?: string;
  /** The `${Name}` of DefinitionSubstitutions the target came from, if any. */
  substitution?: string;
  /** True when the target is computed at run time (`FunctionName.$` or a JSONata expression). */
  dynamic: boolean;
}

const TARGET_FIELDS: Record<string, string> = {
  'lambda:invoke': 'FunctionName',
  'dynamodb:putItem': 'TableName',
  'dynamodb:getItem': 'TableName',
  'dynamodb:updateItem': 'TableName',
  'dynamodb:deleteItem': 'TableName',
  'dynamodb:query': 'TableName',
  'aws-sdk:dynamodb:*': 'TableName',
  'sqs:sendMessage': 'QueueUrl',
  'sns:publish': 'TopicArn',
  'events:putEvents': 'EventBusName',
  'states:startExecution': 'StateMachineArn',
  'apigateway:invoke': 'ApiEndpoint',
  'aws-sdk:s3:*': 'Bucket',
};

/** Reads a Resource (after substitution): an optimised or SDK integration, a bare Lambda ARN, an activity. */
export function parseResource(resource: string): TaskIntegration {
  const statesArn = resource.startsWith('arn:aws:states:');
  const optimised = /^arn:aws[\w-]*:states:[^:]*:[^:]*:(.+)$/.exec(resource);
  if (optimised && !optimised[1].startsWith('activity:') && !optimised[1].startsWith('stateMachine:')) {
    let rest = optimised[1];
    let pattern: IntegrationPattern = 'requestResponse';
    const suffix = /\.(sync(:\d+)?|waitForTaskToken)$/.exec(rest);
    if (suffix) {
      pattern = suffix[1] === 'waitForTaskToken' ? 'waitForTaskToken' : 'sync';
      rest = rest.slice(0, -suffix[0].length);
    }
    const parts = rest.split(':');
    const action = parts.pop() ?? '';
    const service = parts.join(':');
    const targetField = TARGET_FIELDS[`${service}:${action}`] ?? TARGET_FIELDS[`${service}:*`];
    return { service, action, pattern, targetField, statesArn };
  }
  if (optimised) return { service: 'activity', action: 'getActivityTask', pattern: 'requestResponse', targetField: undefined, statesArn };
  // A bare function ARN, or (after substitution with a node id) the function's name.
  return { service: 'lambda', action: 'invoke', pattern: 'requestResponse', targetField: undefined, statesArn };
}

/** The short name of an ARN, URL or name: the part a canvas node is named by. */
export function shortName(value: string): string {
  // A plain name (what most definitions and inputs hold) is its own short name: most start with neither 'a' nor 'h'.
  const first = value.charCodeAt(0);
  if ((first !== 97 || !value.startsWith('arn:')) && (first !== 104 || !value.startsWith('http'))) return value;
  const lambda = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(value);
  if (lambda) return lambda[1];
  if (/^https?:\/\//.test(value)) return value.replace(/\/+$/, '').split('/').pop() ?? value;
  if (value.startsWith('arn:')) {
    const resource = value.split(':').slice(5).join(':');
    return resource.split('/').pop()!.split(':').pop()!;
  }
  return value;
}

/** Replaces `${Name}` in every string of a definition (CloudFormation's DefinitionSubstitutions). */
export function substitute<T extends Json>(value: T, substitutions: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(/\$\{([^}]+)\}/g, (whole, name: string) =>
      Object.prototype.hasOwnProperty.call(substitutions, name) ? substitutions[name] : whole,
    ) as T;
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, substitutions)) as T;
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = substitute((value as JsonObject)[key], substitutions) // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: T narrows to the union, not JsonObject;
    return out as T;
  }
  return value;
}

/**
 * Every Task of a definition (inside Parallel branches and Map processors too) with its integration and the
 * resources it names; an events:putEvents task gives one row per entry (the default bus when none is named).
 */
export function listTaskTargets(definition: Json, substitutions: Record<string, string> = {}): TaskTarget[] {
  const out: TaskTarget[] = [];
  visitMachine(definition, (stateName, state) => {
    if (state.Type !== 'Task' || typeof state.Resource !== 'string') return;
    const resource = substitute(state.Resource, substitutions);
    const integration = parseResource(resource);
    const base = { stateName, resource, integration };
    const resourceSubstitution = /^\$\{([^}]+)\}$/.exec(state.Resource)?.[1];
    if (!integration.statesArn || integration.service === 'activity') {
      out.push({ ...base, value: resource, name: shortName(resource), substitution: resourceSubstitution, dynamic: false });
      return;
    }
    const args = (state.Parameters ?? state.Arguments ?? {}) as Json;
    if (!integration.targetField) {
      out.push({ ...base, dynamic: false });
      return;
    }
    if (integration.service === 'events' && integration.action === 'putEvents') {
      const entries = isObject(args) ? args.Entries : undefined;
      if (!Array.isArray(entries)) {
        out.push({ ...base, dynamic: true });
        return;
      }
      for (const entry of entries) out.push({ ...base, ...readTarget(entry, 'EventBusName', substitutions, 'default') });
      return;
    }
    out.push({ ...base, ...readTarget(args, integration.targetField, substitutions) });
  });
  return out;
}

function readTarget(
  args: Json,
  field: string,
  substitutions: Record<string, string>,
  fallback?: string,
): Pick<TaskTarget, 'value' | 'name' | 'substitution' | 'dynamic'> {
  if (!isObject(args)) return { dynamic: true };
  const raw = args[field];
  if (typeof raw === 'string' && !(raw.startsWith('{%') && raw.endsWith('%}'))) {
    const value = substitute(raw, substitutions);
    return { value, name: shortName(value), substitution: /^\$\{([^}]+)\}$/.exec(raw)?.[1], dynamic: false };
  }
  if (raw === undefined && args[`${field}.$`] === undefined && fallback !== undefined) {
    return { value: fallback, name: fallback, dynamic: false };
  }
  return { dynamic: true };
}

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Calls `visit` for every state of a machine and its nested machines, depth first. */
export function visitMachine(machine: Json, visit: (name: string, state: JsonObject, path: string) => void, path = 'States'): void {
  if (!isObject(machine) || !isObject(machine.States)) return;
  for (const [name, state] of Object.entries(machine.States)) {
    if (!isObject(state)) continue;
    const statePath = `${path}.${name}`;
    visit(name, state, statePath);
    if (Array.isArray(state.Branches)) {
      state.Branches.forEach((branch, i) => visitMachine(branch, visit, `${statePath}.Branches[${i}].States`));
    }
    if (isObject(state.ItemProcessor)) visitMachine(state.ItemProcessor, visit, `${statePath}.ItemProcessor.States`);
    if (isObject(state.Iterator)) visitMachine(state.Iterator, visit, `${statePath}.Iterator.States`);
  }
}
