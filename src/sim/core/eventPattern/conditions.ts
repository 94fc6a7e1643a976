import { compileCidr, matchesCidr, type CidrRange } from './cidr.ts';
import { PatternError, type PatternDialect } from './dialect.ts';
import { compileWildcard, matchesWildcard, type Wildcard } from './wildcard.ts';

/**
 * One leaf of a pattern: the array of values and operators under a key, any of which may match (OR). Rows of
 * ../shared/docs/aws-behaviour.md "EventBridge: event patterns": operators apply to leaf fields; a string
 * operator never matches a number and a number never matches a string; an array in the event matches when
 * any of its elements does; a key whose value is an object is not a leaf, so only {"exists": false} matches it.
 */
export type Condition =
  | { readonly kind: 'exact'; readonly value: string | number | boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'prefix' | 'suffix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'equalsIgnoreCase'; readonly value: string }
  | { readonly kind: 'wildcard'; readonly wildcard: Wildcard }
  | { readonly kind: 'numeric'; readonly lo: number; readonly loInclusive: boolean; readonly hi: number; readonly hiInclusive: boolean; readonly limit: number }
  | { readonly kind: 'cidr'; readonly range: CidrRange }
  | { readonly kind: 'exists'; readonly value: boolean; readonly needsValue: boolean }
  | { readonly kind: 'anythingBut'; readonly values: readonly (string | number)[] }
  | { readonly kind: 'anythingButPrefix' | 'anythingButSuffix'; readonly value: string }
  | { readonly kind: 'anythingButIgnoreCase'; readonly values: readonly string[] }
  | { readonly kind: 'anythingButWildcard'; readonly wildcards: readonly Wildcard[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function compileLeaf(spec: readonly unknown[], path: string, dialect: PatternDialect): Condition[] {
  if (spec.length === 0) throw new PatternError(path, 'must list at least one value or operator');
  return spec.map((c, i) => compileCondition(c, `${path}[${i}]`, dialect));
}

function compileCondition(c: unknown, path: string, dialect: PatternDialect): Condition {
  if (typeof c === 'string' || typeof c === 'boolean') return { kind: 'exact', value: c };
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) throw new PatternError(path, 'must be a finite number');
    return { kind: 'exact', value: c };
  }
  if (c === null) return { kind: 'null' };
  if (!isObject(c)) throw new PatternError(path, 'must be a string, a number, true, false, null or an operator object');
  const ops = Object.keys(c);
  if (ops.length !== 1) throw new PatternError(path, `an operator object has exactly one key, not ${ops.length}`);
  const op = ops[0];
  const arg = c[op];
  const at = `${path}.${op}`;
  if (!(dialect.operators as ReadonlySet<string>).has(op))
    throw new PatternError(at, `unknown operator (supported here: ${[...dialect.operators].join(', ')})`);
  switch (op) {
    case 'prefix':
    case 'suffix': {
      if (typeof arg === 'string') return { kind: op, value: arg, ignoreCase: false };
      const inner = isObject(arg) ? arg['equals-ignore-case'] : undefined;
      if (dialect.prefixSuffixIgnoreCase && isObject(arg) && Object.keys(arg).length === 1 && typeof inner === 'string')
        return { kind: op, value: inner.toLowerCase(), ignoreCase: true };
      throw new PatternError(at, dialect.prefixSuffixIgnoreCase ? 'must be a string or {"equals-ignore-case": "..."}' : 'must be a string');
    }
    case 'equals-ignore-case':
      if (typeof arg !== 'string') throw new PatternError(at, 'must be a string');
      return { kind: 'equalsIgnoreCase', value: arg.toLowerCase() };
    case 'wildcard':
      if (typeof arg !== 'string') throw new PatternError(at, 'must be a string');
      return { kind: 'wildcard', wildcard: wildcardOrThrow(arg, at) };
    case 'cidr': {
      if (typeof arg !== 'string') throw new PatternError(at, 'must be a string such as "10.0.0.0/24"');
      const range = compileCidr(arg);
      if (typeof range === 'string') throw new PatternError(at, range);
      return { kind: 'cidr', range };
    }
    case 'exists':
      if (typeof arg !== 'boolean') throw new PatternError(at, 'must be true or false');
      return { kind: 'exists', value: arg, needsValue: dialect.existsNeedsValue };
    case 'numeric':
      return compileNumeric(arg, at, dialect.numericLimit);
    default:
      return compileAnythingBut(arg, at, dialect);
  }
}

function wildcardOrThrow(text: string, path: string): Wildcard {
  const w = compileWildcard(text);
  if (typeof w === 'string') throw new PatternError(path, w);
  return w;
}

function compileAnythingBut(arg: unknown, path: string, dialect: PatternDialect): Condition {
  const forms = [...dialect.anythingButForms];
  const shapes = ['a string', 'a number', 'a non-empty list of strings or of numbers', ...forms.map((f) => `{"${f}": ...}`)].join(', ');
  if (isObject(arg)) {
    const keys = Object.keys(arg);
    const form = keys[0];
    const v = arg[form];
    if (keys.length !== 1 || !(dialect.anythingButForms as ReadonlySet<string>).has(form))
      throw new PatternError(path, `must be one of: ${shapes}`);
    const at = `${path}.${form}`;
    if (form === 'prefix' || form === 'suffix') {
      if (typeof v !== 'string') throw new PatternError(at, 'must be a string');
      return { kind: form === 'prefix' ? 'anythingButPrefix' : 'anythingButSuffix', value: v };
    }
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0 || !list.every((s) => typeof s === 'string'))
      throw new PatternError(at, 'must be a string or a non-empty list of strings');
    if (form === 'wildcard')
      return { kind: 'anythingButWildcard', wildcards: list.map((s, i) => wildcardOrThrow(s, Array.isArray(v) ? `${at}[${i}]` : at)) };
    return { kind: 'anythingButIgnoreCase', values: list.map((s) => (s).toLowerCase()) };
  }
  const values = Array.isArray(arg) ? arg : [arg];
  const allStrings = values.every((v) => typeof v === 'string');
  const allNumbers = values.every((v) => typeof v === 'number' && Number.isFinite(v));
  if (values.length === 0 || !(allStrings || allNumbers)) throw new PatternError(path, `must be one of: ${shapes}`);
  return { kind: 'anythingBut', values: values as (string | number)[] };
}

const NUMERIC_SHAPE = 'must be ["=", n], [op, n] or [op, n, op, n] with op one of >, >=, <, <=';

function compileNumeric(arg: unknown, path: string, limit: number): Condition {
  if (!Array.isArray(arg) || (arg.length !== 2 && arg.length !== 4))
    throw new PatternError(path, `${NUMERIC_SHAPE}: expected an operator and a number, or two of each`);
  let lo = -Infinity, hi = Infinity, loInclusive = false, hiInclusive = false;
  for (let i = 0; i < arg.length; i += 2) {
    const op = arg[i];
    const n = arg[i + 1];
    if (typeof n !== 'number' || !Number.isFinite(n) || typeof op !== 'string')
      throw new PatternError(path, `${NUMERIC_SHAPE}: expected an operator and a number at [${i}] and [${i + 1}]`);
    if (Math.abs(n) > limit) throw new PatternError(`${path}[${i + 1}]`, `${n} is outside the supported range -${limit}..${limit}`);
    if (op === '=' && arg.length === 2) {
      lo = hi = n;
      loInclusive = hiInclusive = true;
    } else if ((op === '>' || op === '>=') && lo === -Infinity) {
      lo = n;
      loInclusive = op === '>=';
    } else if ((op === '<' || op === '<=') && hi === Infinity) {
      hi = n;
      hiInclusive = op === '<=';
    } else throw new PatternError(path, `${NUMERIC_SHAPE}: "${op}" at [${i}] is not allowed there`);
  }
  if (lo > hi) throw new PatternError(path, 'the lower bound must not exceed the upper bound');
  return { kind: 'numeric', lo, loInclusive, hi, hiInclusive, limit };
}

/** Whether one scalar of the event satisfies a condition (exists is decided by leafMatches). */
function scalarMatches(c: Condition, v: string | number | boolean | null): boolean {
  switch (c.kind) {
    case 'exact':
      return v === c.value;
    case 'null':
      return v === null;
    case 'prefix':
      return typeof v === 'string' && (c.ignoreCase ? v.toLowerCase().startsWith(c.value) : v.startsWith(c.value));
    case 'suffix':
      return typeof v === 'string' && (c.ignoreCase ? v.toLowerCase().endsWith(c.value) : v.endsWith(c.value));
    case 'equalsIgnoreCase':
      return typeof v === 'string' && v.toLowerCase() === c.value;
    case 'wildcard':
      return typeof v === 'string' && matchesWildcard(c.wildcard, v);
    case 'numeric':
      return (
        typeof v === 'number' &&
        Math.abs(v) <= c.limit &&
        (c.loInclusive ? v >= c.lo : v > c.lo) &&
        (c.hiInclusive ? v <= c.hi : v < c.hi)
      );
    case 'cidr':
      return typeof v === 'string' && matchesCidr(c.range, v);
    case 'anythingBut':
      // Lists are short: a scan beats a Set's hashing.
      return v !== null && !c.values.includes(v as string | number);
    case 'anythingButPrefix':
      return typeof v === 'string' && !v.startsWith(c.value);
    case 'anythingButSuffix':
      return typeof v === 'string' && !v.endsWith(c.value);
    case 'anythingButIgnoreCase':
      return typeof v === 'string' && !c.values.includes(v.toLowerCase());
    case 'anythingButWildcard':
      if (typeof v !== 'string') return false;
      for (const w of c.wildcards) if (matchesWildcard(w, v)) return false;
      return true;
    case 'exists':
      return false;
  }
}

/** Nested arrays in events are searched this deep; deeper elements are ignored rather than overflow the stack. */
export const MAX_ARRAY_DEPTH = 16;

function anyScalar(c: Condition, v: unknown, depth: number): boolean {
  if (Array.isArray(v)) {
    if (depth >= MAX_ARRAY_DEPTH) return false;
    for (let i = 0; i < v.length; i++) if (anyScalar(c, v[i], depth + 1)) return true;
    return false;
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return scalarMatches(c, v);
  return false;
}

/** Whether the value holds a leaf value: a scalar, or an array with one somewhere inside. */
function hasLeaf(v: unknown, needsValue: boolean, depth: number): boolean {
  if (Array.isArray(v)) {
    if (depth >= MAX_ARRAY_DEPTH) return false;
    for (let i = 0; i < v.length; i++) if (hasLeaf(v[i], needsValue, depth + 1)) return true;
    return false;
  }
  if (v === null) return !needsValue;
  if (typeof v === 'string') return !needsValue || v !== '';
  return typeof v === 'number' || typeof v === 'boolean';
}

/** Whether a field's value (undefined when the event lacks it) passes any of the leaf's conditions. */
export function leafMatches(conditions: readonly Condition[], v: unknown): boolean {
  // Most event values are single scalars: test them without the array walk.
  const scalar = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    if (c.kind === 'exists') {
      if (c.value ? hasLeaf(v, c.needsValue, 0) : !hasLeaf(v, false, 0)) return true;
    } else if (scalar ? scalarMatches(c, v) : anyScalar(c, v, 0)) return true;
  }
  return false;
}
