/**
 * JSONPath data flow of Amazon States Language (aws-behaviour.md, Step Functions, "data" row): paths over the
 * state input (`$`), the context object (`$$`) and variables (`$name`), payload templates (`.$` keys) and
 * ResultPath. Plain reference paths (`$.a['b'][0]`) are walked directly because every state evaluates several;
 * anything else (wildcards, filters, slices, `..`) goes to jsonpath-plus, which returns every match as a list,
 * as AWS does for an indefinite path.
 */
import { JSONPath } from 'jsonpath-plus';
import { StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import type { Random } from '../../../core/random.ts';
import { evaluateIntrinsic } from './intrinsics.ts';
import { compileObjectLiteral, type LiteralField } from '../../../core/objectLiteral.ts';
import { compilePath, type CompiledPath, type Root } from './pathSyntax.ts';

export { compilePath } from './pathSyntax.ts';

/** What a path can read besides the state input. */
export interface PathScope {
  context: Json;
  variables: Record<string, Json>;
  random: Random;
}

function rootValue(root: Root, input: Json, scope: PathScope, path: string): Json {
  if (root.kind === 'input') return input;
  if (root.kind === 'context') return scope.context;
  if (!(root.name in scope.variables)) {
    throw new StatesError(StatesErrors.Runtime, `Invalid path '${path}': the variable '${root.name}' is not defined`);
  }
  return scope.variables[root.name];
}

/** The value a path selects; a plain path that selects nothing is States.Runtime, as in AWS. */
export function readPath(path: string, input: Json, scope: PathScope): Json {
  return readCompiledPath(compilePath(path), path, input, scope);
}

function readCompiledPath(c: CompiledPath, path: string, input: Json, scope: PathScope): Json {
  let value = rootValue(c.root, input, scope, path);
  if (c.segments === null) {
    return JSONPath<Json[]>({ path: `$${c.rest}`, json: value as object, wrap: true });
  }
  for (const segment of c.segments) {
    if (value !== null && typeof value === 'object') {
      const next: Json | undefined = Array.isArray(value)
        ? typeof segment === 'number' ? value[segment] : undefined
        : (value)[String(segment)];
      if (next !== undefined) {
        value = next;
        continue;
      }
    }
    throw new StatesError(
      StatesErrors.Runtime,
      `Invalid path '${path}': the field '${segment}' was not found in ${describe(c.root)}`,
    );
  }
  return value;
}

/** Does the path select something (Choice's IsPresent)? */
export function pathExists(path: string, input: Json, scope: PathScope): boolean {
  try {
    const value = readPath(path, input, scope);
    return compilePath(path).segments !== null || (Array.isArray(value) && value.length > 0);
  } catch (e) {
    if (e instanceof StatesError) return false;
    throw e;
  }
}

function describe(root: Root): string {
  return root.kind === 'input' ? 'the input' : root.kind === 'context' ? 'the context object' : `$${root.name}`;
}

/** Parameters, ResultSelector, ItemSelector and JSONPath Assign: `.$` keys take a path or an intrinsic. */
export function applyPayloadTemplate(template: Json, input: Json, scope: PathScope): Json {
  if (template === null || typeof template !== 'object') return template;
  let apply = compiledTemplates.get(template);
  if (!apply) {
    apply = compileTemplate(template);
    compiledTemplates.set(template, apply);
  }
  return apply(input, scope);
}

type Evaluate = (input: Json, scope: PathScope) => Json;

/** A definition's templates are applied at every run of their state: each is read once into closures. */
const compiledTemplates = new WeakMap<object, Evaluate>();

function compileTemplate(template: Json[] | JsonObject): Evaluate {
  if (Array.isArray(template)) {
    const items = template.map(compileValue);
    return (input, scope) => items.map((item) => item(input, scope));
  }
  const keys: string[] = [];
  const values: Evaluate[] = [];
  /** Each key's value: a plain (not object) constant, or its evaluator. */
  const fields: LiteralField<Json, PathScope>[] = [];
  for (const key of Object.keys(template)) {
    const value = template[key];
    let evaluate: Evaluate;
    if (!key.endsWith('.$')) {
      keys.push(key);
      evaluate = compileValue(value);
      fields.push(value === null || typeof value !== 'object' ? { value } : { make: evaluate });
    } else if (typeof value !== 'string') {
      // Thrown when the state runs, after the fields before it, as an uncompiled template would.
      keys.push(key);
      evaluate = () => {
        throw new StatesError(StatesErrors.Runtime, `The value of '${key}' must be a path or an intrinsic function`);
      };
      fields.push({ make: evaluate });
    } else {
      keys.push(key.slice(0, -2));
      evaluate = compileDynamic(value);
      fields.push({ make: evaluate });
    }
    values.push(evaluate);
  }
  // Built from a literal of the template's own keys (core/objectLiteral.ts), else key by key.
  const literal = compileObjectLiteral(keys, fields) as Evaluate | null;
  return literal ?? ((input, scope) => {
    const out: JsonObject = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]] = values[i](input, scope);
    return out;
  });
}

function compileValue(value: Json): Evaluate {
  if (value === null || typeof value !== 'object') return () => value;
  return compileTemplate(value);
}

function compileDynamic(expression: string): Evaluate {
  if (expression.startsWith('States.')) return (input, scope) => evaluateDynamic(expression, input, scope);
  return pathReader(expression);
}

/** `readPath` of one path, parsed on its first use (so a bad path throws where readPath would). */
export function pathReader(path: string): Evaluate {
  let compiled: CompiledPath | undefined;
  return (input, scope) => readCompiledPath((compiled ??= compilePath(path)), path, input, scope);
}

/** The value of a `.$` field: an intrinsic function call or a path. */
export function evaluateDynamic(expression: string, input: Json, scope: PathScope): Json {
  if (expression.startsWith('States.')) {
    return evaluateIntrinsic(expression, (path) => readPath(path, input, scope), scope.random);
  }
  return readPath(expression, input, scope);
}

/** InputPath / OutputPath: absent means `$`, null means `{}`. */
export function selectPath(path: string | null | undefined, input: Json, scope: PathScope): Json {
  if (path === undefined || path === '$') return input;
  if (path === null) return {};
  return readPath(path, input, scope);
}

/**
 * ResultPath: absent means `$` (the result replaces the input), null discards the result, and a path puts
 * the result into a copy of the input, creating objects on the way (States.ResultPathMatchFailure when a
 * step is not an object).
 */
export function applyResultPath(resultPath: string | null | undefined, input: Json, result: Json): Json {
  if (resultPath === undefined || resultPath === '$') return result;
  if (resultPath === null) return input;
  const c = compilePath(resultPath);
  if (c.root.kind !== 'input' || c.segments === null || c.segments.length === 0) {
    throw new StatesError(StatesErrors.ResultPathMatchFailure, `ResultPath '${resultPath}' is not a reference path into the input`);
  }
  return setIn(input, c.segments, 0, result, resultPath);
}

function setIn(target: Json, segments: (string | number)[], at: number, value: Json, path: string): Json {
  if (target === null || typeof target !== 'object' || Array.isArray(target)) {
    throw new StatesError(
      StatesErrors.ResultPathMatchFailure,
      `Unable to apply ResultPath '${path}' to the input: '${segments.slice(0, at).join('.') || '$'}' is not an object`,
    );
  }
  const key = String(segments[at]);
  const copy: JsonObject = { ...target };
  copy[key] = at === segments.length - 1 ? value : setIn(copy[key] ?? {}, segments, at + 1, value, path);
  return copy;
}
