/**
 * JSONata states (QueryLanguage "JSONata"; aws-behaviour.md, Step Functions, "data" row: AWS runs JSONata
 * 2.0.6, which this project pins). A field holds a `{% expression %}` string, or an object or array whose
 * strings may be such expressions. Expressions see `$states` (input, result, errorOutput, context), the
 * workflow variables, and AWS's extra functions; `$now`, `$millis`, `$random` and `$uuid` read the simulated
 * clock and the execution's random stream instead of the machine's. JSONata 2 evaluates asynchronously, so
 * these functions return promises (see the host's `hold` in README.md).
 */
import jsonata from 'jsonata';
import type { Random } from '../../../core/random.ts';
import { StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import { evaluateIntrinsic } from './intrinsics.ts';
import { isJsonataExpression } from './jsonataSyntax.ts';

export { isJsonataExpression } from './jsonataSyntax.ts';

export interface JsonataScope {
  states: { input: Json; context: Json; result?: Json; errorOutput?: Json };
  variables: Record<string, Json>;
  random: Random;
  nowMs: number;
}

const compiledExpressions = new Map<string, jsonata.Expression>();


export function compileJsonata(text: string): jsonata.Expression {
  let expr = compiledExpressions.get(text);
  if (!expr) {
    try {
      expr = jsonata(text.slice(2, -2));
    } catch (e) {
      throw new StatesError(StatesErrors.QueryEvaluationError, `Invalid JSONata ${text}: ${(e as Error).message}`);
    }
    if (compiledExpressions.size < 10_000) compiledExpressions.set(text, expr);
  }
  return expr;
}

/** Evaluates a field's template; undefined where an expression selects nothing (the field is left out). */
export async function evaluateTemplate(template: Json | undefined, scope: JsonataScope): Promise<Json | undefined> {
  if (template === undefined) return undefined;
  if (isJsonataExpression(template)) return evaluateExpression(template, scope);
  if (Array.isArray(template)) {
    const out: Json[] = [];
    for (const item of template) {
      const value = await evaluateTemplate(item, scope);
      if (value !== undefined) out.push(value);
    }
    return out;
  }
  if (template !== null && typeof template === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(template)) {
      const value = await evaluateTemplate(template[key], scope);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return template;
}

/** Like evaluateTemplate, but a result of nothing is States.QueryEvaluationError naming the field. */
export async function evaluateRequired(template: Json, scope: JsonataScope, field: string): Promise<Json> {
  const value = await evaluateTemplate(template, scope);
  if (value === undefined) {
    throw new StatesError(StatesErrors.QueryEvaluationError, `${field}: the expression ${JSON.stringify(template)} returned nothing`);
  }
  return value;
}

async function evaluateExpression(text: string, scope: JsonataScope): Promise<Json | undefined> {
  const expr = compileJsonata(text);
  const bindings: Record<string, unknown> = Object.create(scope.variables) as Record<string, unknown>;
  Object.assign(bindings, functionsFor(scope));
  bindings.states = scope.states;
  try {
    const value = (await expr.evaluate(scope.states.input, bindings)) as unknown;
    return value === undefined ? undefined : toJson(value);
  } catch (e) {
    if (e instanceof StatesError) throw e;
    throw new StatesError(StatesErrors.QueryEvaluationError, `${text}: ${(e as Error).message}`);
  }
}

function functionsFor(scope: JsonataScope): Record<string, unknown> {
  const call = (name: string, ...args: Json[]) =>
    evaluateIntrinsic(`${name}(${args.map((_, i) => `$a${i}`).join(',')})`, (path) => args[Number(path.slice(2))], scope.random);
  return {
    now: () => new Date(scope.nowMs).toISOString(),
    millis: () => scope.nowMs,
    random: () => scope.random.next(),
    uuid: () => call('States.UUID'),
    partition: (array: Json, size: Json) => call('States.ArrayPartition', array, size),
    range: (start: Json, end: Json, step: Json) => call('States.ArrayRange', start, end, step),
    hash: () => {
      throw new StatesError(StatesErrors.QueryEvaluationError, '$hash is not supported in the simulation');
    },
    parse: (text: Json) => call('States.StringToJson', text),
  };
}

/** JSONata returns arrays carrying a `sequence` flag and may return functions; keep plain JSON only. */
function toJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  throw new StatesError(StatesErrors.QueryEvaluationError, `An expression returned a ${typeof value}, not JSON`);
}
