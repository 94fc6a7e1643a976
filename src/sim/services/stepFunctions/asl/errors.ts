/**
 * Step Functions error names and the matching rules of Retry and Catch (aws-behaviour.md, Step Functions,
 * "error names" row).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const StatesErrors = {
  ALL: 'States.ALL',
  TaskFailed: 'States.TaskFailed',
  Timeout: 'States.Timeout',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  Runtime: 'States.Runtime',
  DataLimitExceeded: 'States.DataLimitExceeded',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  ParameterPathFailure: 'States.ParameterPathFailure',
  IntrinsicFailure: 'States.IntrinsicFailure',
  BranchFailed: 'States.BranchFailed',
  NoChoiceMatched: 'States.NoChoiceMatched',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  QueryEvaluationError: 'States.QueryEvaluationError',
  Permissions: 'States.Permissions',
} as const;

/** V8 (Chromium, Node) reads this before building a stack trace; other engines ignore it. */
const V8Error = Error as ErrorConstructor & { stackTraceLimit?: number };

/** A failure inside an execution: what ErrorEquals matches and what a Catch's error output carries. */
export class StatesError extends Error {
  readonly error: string;
  readonly cause: string;
  /** Set when the error came out of a Parallel branch or a Map iteration (matched by States.BranchFailed). */
  fromBranch: boolean;

  constructor(error: string, cause: string) {
    // Workflow errors are data, often thousands per simulated second: a stack trace would cost more than the state.
    const limit = V8Error.stackTraceLimit;
    V8Error.stackTraceLimit = 0;
    super(`${error}: ${cause}`);
    V8Error.stackTraceLimit = limit;
    this.error = error;
    this.cause = cause;
    this.fromBranch = false;
  }

  get output(): JsonObject {
    return { Error: this.error, Cause: this.cause };
  }
}

/** Any thrown value as a StatesError (a bug in a host or an expression becomes States.Runtime). */
export function asStatesError(thrown: unknown): StatesError {
  if (thrown instanceof StatesError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new StatesError(StatesErrors.Runtime, message);
}

const UNCATCHABLE_BY_WILDCARD = new Set<string>([StatesErrors.Runtime, StatesErrors.DataLimitExceeded]);
const TIMEOUTS = new Set<string>([StatesErrors.Timeout, StatesErrors.HeartbeatTimeout]);

/**
 * Does one ErrorEquals entry match the error? States.ALL matches everything except States.Runtime and
 * States.DataLimitExceeded; States.TaskFailed matches everything States.ALL does except timeouts;
 * States.Timeout also matches a heartbeat timeout (AWS: "ran longer than TimeoutSeconds or failed to send a
 * heartbeat"); States.BranchFailed matches any error that left a Parallel branch or Map iteration.
 */
export function errorNameMatches(pattern: string, err: StatesError): boolean {
  if (pattern === err.error) return true;
  switch (pattern) {
    case StatesErrors.ALL:
      return !UNCATCHABLE_BY_WILDCARD.has(err.error);
    case StatesErrors.TaskFailed:
      return !UNCATCHABLE_BY_WILDCARD.has(err.error) && !TIMEOUTS.has(err.error);
    case StatesErrors.Timeout:
      return err.error === StatesErrors.HeartbeatTimeout;
    case StatesErrors.BranchFailed:
      return err.fromBranch && !UNCATCHABLE_BY_WILDCARD.has(err.error);
    default:
      return false;
  }
}

export function errorEqualsMatches(errorEquals: readonly string[], err: StatesError): boolean {
  for (const pattern of errorEquals) if (errorNameMatches(pattern, err)) return true;
  return false;
}
