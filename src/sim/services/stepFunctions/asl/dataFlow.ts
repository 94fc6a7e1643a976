/**
 * How a state's input becomes its work's input and how a result becomes its output, in both query languages
 * (aws-behaviour.md, Step Functions, "data" row). JSONPath: InputPath -> Parameters -> (work) ->
 * ResultSelector -> ResultPath (default `$`) -> OutputPath, and Assign reads the selected result.
 * JSONata: Arguments -> (work) -> Output (default: the result, or the input for states without one) and
 * Assign, both seeing `$states.input` and `$states.result`. JSONPath returns values at once; JSONata returns
 * promises.
 */
import type { Random } from '../../../core/random.ts';
import { StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import { evaluateRequired, evaluateTemplate, type JsonataScope } from './jsonataEval.ts';
import { applyPayloadTemplate, applyResultPath, evaluateDynamic, readPath, selectPath, type PathScope } from './paths.ts';
import type { Catcher } from './retry.ts';
import type { AslState } from './types.ts';

export type Maybe<T> = T | Promise<T>;

/** Everything an expression in one run of a state can see. */
export interface StateEnv {
  raw: Json;
  context: JsonObject;
  variables: Record<string, Json>;
  random: Random;
  nowMs: number;
  jsonata: boolean;
}

export interface Produced {
  output: Json;
  assign?: JsonObject;
}

function pathScope(env: StateEnv): PathScope {
  return env;
}

function jsonataScope(env: StateEnv, extra: { result?: Json; errorOutput?: Json } = {}): JsonataScope {
  return {
    states: {
      input: env.raw,
      get context() {
        return env.context;
      },
      ...extra,
    },
    variables: env.variables,
    random: env.random,
    nowMs: env.nowMs,
  };
}

/** The input of a state's work (Task call, Parallel branches, Pass's result): Parameters or Arguments. */
export function effectiveInput(state: AslState, env: StateEnv): Maybe<Json> {
  if (env.jsonata) {
    return state.Arguments === undefined ? env.raw : evaluateRequired(state.Arguments, jsonataScope(env), 'Arguments');
  }
  const selected = selectPath(state.InputPath, env.raw, pathScope(env));
  return state.Parameters === undefined ? selected : applyPayloadTemplate(state.Parameters, selected, pathScope(env));
}

/**
 * The state's output and variable assignments. `result` is the work's result for Task, Map, Parallel and
 * Pass; undefined for Choice, Wait and Succeed, whose output is their (filtered) input.
 */
export function stateOutput(state: AslState, env: StateEnv, result: Json | undefined): Maybe<Produced> {
  if (env.jsonata) return jsonataOutput(state.Output, state.Assign, env, result);
  const scope = pathScope(env);
  if (result === undefined) return passThrough(state, env, state.Assign);
  const selected = state.ResultSelector === undefined ? result : applyPayloadTemplate(state.ResultSelector, result, scope);
  const merged = applyResultPath(state.ResultPath, env.raw, selected);
  return {
    output: selectPath(state.OutputPath, merged, scope),
    assign: state.Assign && (applyPayloadTemplate(state.Assign, selected, scope) as JsonObject),
  };
}

/** A Choice rule's or Choice default's Output and Assign. */
export function choiceOutput(state: AslState, rule: JsonObject | undefined, env: StateEnv): Maybe<Produced> {
  const assign = (rule ? rule.Assign : state.Assign) as JsonObject | undefined;
  if (env.jsonata) return jsonataOutput(rule ? rule.Output : state.Output, assign, env, undefined);
  return passThrough(state, env, assign);
}

/** JSONPath output of a state without a result: InputPath, then OutputPath; Assign reads the input. */
function passThrough(state: AslState, env: StateEnv, assign: JsonObject | undefined): Produced {
  const input = selectPath(state.InputPath, env.raw, env);
  return {
    output: selectPath(state.OutputPath, input, env),
    assign: assign && (applyPayloadTemplate(assign, input, env) as JsonObject),
  };
}

async function jsonataOutput(
  outputTemplate: Json | undefined,
  assignTemplate: JsonObject | undefined,
  env: StateEnv,
  result: Json | undefined,
  extra: { errorOutput?: Json } = {},
): Promise<Produced> {
  const scope = jsonataScope(env, result === undefined ? extra : { result, ...extra });
  const fallback = extra.errorOutput ?? result ?? env.raw;
  const output = outputTemplate === undefined ? fallback : await evaluateRequired(outputTemplate, scope, 'Output');
  const assign = assignTemplate === undefined ? undefined : ((await evaluateTemplate(assignTemplate, scope)) as JsonObject);
  return { output, assign };
}

/** A Catch's output: the error output `{Error, Cause}` put at ResultPath (JSONPath) or through Output. */
export function catchOutput(catcher: Catcher, env: StateEnv, err: StatesError): Maybe<Produced> {
  const errorOutput = err.output;
  if (env.jsonata) return jsonataOutput(catcher.Output, catcher.Assign, env, undefined, { errorOutput });
  const scope = pathScope(env);
  return {
    output: applyResultPath(catcher.ResultPath, env.raw, errorOutput),
    assign: catcher.Assign && (applyPayloadTemplate(catcher.Assign, errorOutput, scope) as JsonObject),
  };
}

const PATH_FIELDS = {
  TimeoutSeconds: 'TimeoutSecondsPath',
  HeartbeatSeconds: 'HeartbeatSecondsPath',
  Seconds: 'SecondsPath',
  MaxConcurrency: 'MaxConcurrencyPath',
  ToleratedFailurePercentage: 'ToleratedFailurePercentagePath',
  ToleratedFailureCount: 'ToleratedFailureCountPath',
} as const;

/**
 * A number field that may be a literal, a JSONata expression or (JSONPath) its `...Path` form read from the
 * effective input; undefined when the state sets neither.
 */
export function numberField(
  state: AslState,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds' | 'Seconds' | 'MaxConcurrency' | 'ToleratedFailurePercentage' | 'ToleratedFailureCount',
  env: StateEnv,
  input: Json,
): Maybe<number | undefined> {
  const literal = state[field];
  if (typeof literal === 'number') return literal;
  const path = (state as unknown as Record<string, unknown>)[PATH_FIELDS[field]];
  if (typeof literal === 'string') {
    return evaluateRequired(literal, jsonataScope(env), field).then((v) => checkSeconds(v, field));
  }
  if (typeof path === 'string') return checkSeconds(readPath(path, input, pathScope(env)), `${field}Path`);
  return undefined;
}

function checkSeconds(value: Json | undefined, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new StatesError(StatesErrors.Runtime, `${where}: expected a number >= 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A Wait state's target time, in simulated milliseconds. */
export function waitUntilMs(state: AslState, env: StateEnv, epochMs: number): Maybe<number> {
  const fromTimestamp = (value: Json | undefined, field: string): number => {
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(ms)) throw new StatesError(StatesErrors.Runtime, `${field}: ${JSON.stringify(value)} is not an ISO 8601 timestamp`);
    return ms - epochMs;
  };
  const input = env.jsonata ? env.raw : selectPath(state.InputPath, env.raw, pathScope(env));
  if (state.Timestamp !== undefined || state.TimestampPath !== undefined) {
    if (env.jsonata && typeof state.Timestamp === 'string' && state.Timestamp.startsWith('{%')) {
      return evaluateRequired(state.Timestamp, jsonataScope(env), 'Timestamp').then((v) => fromTimestamp(v, 'Timestamp'));
    }
    if (state.Timestamp !== undefined) return fromTimestamp(state.Timestamp, 'Timestamp');
    return fromTimestamp(readPath(state.TimestampPath!, input, pathScope(env)), 'TimestampPath');
  }
  const seconds = numberField(state, 'Seconds', env, input);
  const toMs = (s: number | undefined) => env.nowMs - epochMs + (s ?? 0) * 1000;
  return seconds instanceof Promise ? seconds.then(toMs) : toMs(seconds);
}

/** A Fail state's Error and Cause (literals, JSONata, or ErrorPath/CausePath paths and intrinsics). */
export function failError(state: AslState, env: StateEnv): Maybe<StatesError> {
  if (env.jsonata) {
    const scope = jsonataScope(env);
    return Promise.all([evaluateTemplate(state.Error, scope), evaluateTemplate(state.Cause, scope)]).then(
      ([error, cause]) => new StatesError(stringOr(error, 'States.Fail'), stringOr(cause, '')),
    );
  }
  const scope = pathScope(env);
  const error = state.ErrorPath !== undefined ? evaluateDynamic(state.ErrorPath, env.raw, scope) : state.Error;
  const cause = state.CausePath !== undefined ? evaluateDynamic(state.CausePath, env.raw, scope) : state.Cause;
  return new StatesError(stringOr(error, 'States.Fail'), stringOr(cause, ''));
}

function stringOr(value: Json | undefined, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Map: the items to iterate (ItemsPath / Items) and the input of one iteration (ItemSelector). */
export function mapItems(state: AslState, env: StateEnv): Maybe<{ items: Json[]; input: Json }> {
  const check = (items: Json | undefined, field: string) => {
    if (!Array.isArray(items)) {
      throw new StatesError(StatesErrors.Runtime, `${field}: the Map state's items must be an array, got ${JSON.stringify(items)?.slice(0, 80)}`);
    }
    return items;
  };
  if (env.jsonata) {
    if (state.Items === undefined) return { items: check(env.raw, 'Items'), input: env.raw };
    return evaluateRequired(state.Items, jsonataScope(env), 'Items').then((items) => ({ items: check(items, 'Items'), input: env.raw }));
  }
  const scope = pathScope(env);
  const input = selectPath(state.InputPath, env.raw, scope);
  const items = state.Items !== undefined ? applyPayloadTemplate(state.Items, input, scope) : readPath(state.ItemsPath ?? '$', input, scope);
  return { items: check(items, state.Items !== undefined ? 'Items' : 'ItemsPath'), input };
}

export function itemInput(state: AslState, env: StateEnv, mapInput: Json, index: number, value: Json): Maybe<Json> {
  const selector = state.ItemSelector ?? state.Parameters;
  if (selector === undefined) return value;
  const context = { ...env.context, Map: { Item: { Index: index, Value: value } } };
  const itemEnv: StateEnv = { raw: env.raw, context, variables: env.variables, random: env.random, nowMs: env.nowMs, jsonata: env.jsonata };
  if (env.jsonata) return evaluateRequired(selector, jsonataScope(itemEnv), 'ItemSelector');
  return applyPayloadTemplate(selector, mapInput, pathScope(itemEnv));
}
