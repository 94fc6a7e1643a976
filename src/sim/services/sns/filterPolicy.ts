import type { Message } from '../../core/model.ts';

/**
 * SNS subscription filter policies (docs/aws-behaviour.md "SNS: fan-out"), compiled once per subscription and
 * matched without allocation.
 *
 * AWS's semantics: every key of the policy must match (AND); within a key's array, any condition may match
 * (OR); a key missing from the message fails every condition except {"exists": false}; an array attribute
 * (String.Array, or an array in the body) matches when any of its elements does; "$or" holds alternative
 * sub-policies of which at least one must match.
 *
 * How a message is represented: Message.attributes holds the message attributes (strings, numbers and string
 * arrays, like SNS's String, Number and String.Array types). For FilterPolicyScope MessageBody it also stands
 * for the JSON body, flattened: a body field at `order.status` is the attribute named "order.status". A
 * body-scope policy may nest objects ({"order": {"status": [...]}}); they are flattened the same way.
 */

export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';
export type Attributes = Message['attributes'];
type Value = string | number | boolean | readonly string[];

const EXACT = 0, PREFIX = 1, SUFFIX = 2, IGNORE_CASE = 3, ANYTHING_BUT = 4, ANYTHING_BUT_PREFIX = 5,
  ANYTHING_BUT_SUFFIX = 6, NUMERIC = 7, EXISTS = 8, IS_NULL = 9;

interface Condition {
  type: number;
  /** EXACT: the literal; PREFIX/SUFFIX/IGNORE_CASE (lower-cased)/ANYTHING_BUT_*: the string. */
  value: string | number | boolean;
  /** ANYTHING_BUT: the excluded literals. */
  excluded: readonly (string | number)[];
  /** NUMERIC: the range. */
  lo: number;
  loInclusive: boolean;
  hi: number;
  hiInclusive: boolean;
}

interface KeyRule {
  name: string;
  conditions: Condition[];
}

export interface CompiledFilterPolicy {
  keys: KeyRule[];
  /** Each entry is one "$or": at least one of its alternatives must match. */
  ors: CompiledFilterPolicy[][];
}

export class FilterPolicyError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Compiles a policy; throws FilterPolicyError naming the JSON path of the first problem. */
export function compileFilterPolicy(
  policy: unknown,
  scope: FilterPolicyScope = 'MessageAttributes',
  path = 'FilterPolicy',
): CompiledFilterPolicy {
  if (!isObject(policy)) throw new FilterPolicyError(path, 'must be a JSON object');
  const out: CompiledFilterPolicy = { keys: [], ors: [] };
  compileInto(out, policy, scope, path, '');
  if (out.keys.length === 0 && out.ors.length === 0) throw new FilterPolicyError(path, 'must name at least one key');
  const n = combinations(out);
  if (n > MAX_COMBINATIONS)
    throw new FilterPolicyError(path, `has ${n} combinations of values (the values per key multiplied together); AWS allows at most ${MAX_COMBINATIONS}`);
  return out;
}

/** AWS's limit on a filter policy's combinations (the product of the number of values of each key). */
export const MAX_COMBINATIONS = 150;

function combinations(p: CompiledFilterPolicy): number {
  let n = 1;
  for (const k of p.keys) n *= k.conditions.length;
  for (const alts of p.ors) n *= alts.reduce((sum, alt) => sum + combinations(alt), 0);
  return n;
}

function compileInto(
  out: CompiledFilterPolicy,
  policy: Record<string, unknown>,
  scope: FilterPolicyScope,
  path: string,
  prefix: string,
): void {
  for (const [key, spec] of Object.entries(policy)) {
    const here = `${path}.${key}`;
    if (key === '$or') {
      if (!Array.isArray(spec) || spec.length < 1 || !spec.every(isObject))
        throw new FilterPolicyError(here, 'must be an array of policy objects');
      out.ors.push(
        spec.map((alt, i) => {
          const sub: CompiledFilterPolicy = { keys: [], ors: [] };
          compileInto(sub, alt as Record<string, unknown>, scope, `${here}[${i}]`, prefix);
          return sub;
        }),
      );
    } else if (Array.isArray(spec)) {
      if (spec.length === 0) throw new FilterPolicyError(here, 'must list at least one value or operator');
      out.keys.push({ name: prefix + key, conditions: spec.map((c, i) => compileCondition(c, `${here}[${i}]`)) });
    } else if (isObject(spec)) {
      if (scope !== 'MessageBody')
        throw new FilterPolicyError(here, 'nested keys are only allowed with FilterPolicyScope MessageBody');
      compileInto(out, spec, scope, here, `${prefix}${key}.`);
    } else {
      throw new FilterPolicyError(here, 'must be an array of values or operator objects, e.g. ["value"]');
    }
  }
}

function condition(type: number, value: string | number | boolean = ''): Condition {
  return { type, value, excluded: [], lo: -Infinity, loInclusive: false, hi: Infinity, hiInclusive: false };
}

function compileCondition(c: unknown, path: string): Condition {
  if (typeof c === 'string' || typeof c === 'boolean') return condition(EXACT, c);
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) throw new FilterPolicyError(path, 'must be a finite number');
    return condition(EXACT, c);
  }
  if (c === null) return condition(IS_NULL);
  if (!isObject(c)) throw new FilterPolicyError(path, 'must be a string, a number, or an operator object');
  const ops = Object.keys(c);
  if (ops.length !== 1) throw new FilterPolicyError(path, 'an operator object has exactly one key');
  const op = ops[0];
  const arg = c[op];
  const at = `${path}.${op}`;
  switch (op) {
    case 'prefix':
    case 'suffix':
    case 'equals-ignore-case': {
      if (typeof arg !== 'string') throw new FilterPolicyError(at, 'must be a string');
      if (op === 'prefix') return condition(PREFIX, arg);
      if (op === 'suffix') return condition(SUFFIX, arg);
      return condition(IGNORE_CASE, arg.toLowerCase());
    }
    case 'exists':
      if (typeof arg !== 'boolean') throw new FilterPolicyError(at, 'must be true or false');
      return condition(EXISTS, arg);
    case 'numeric':
      return compileNumeric(arg, at);
    case 'anything-but':
      return compileAnythingBut(arg, at);
    default:
      throw new FilterPolicyError(
        at,
        'unknown operator (simulated: prefix, suffix, equals-ignore-case, anything-but, numeric, exists)',
      );
  }
}

function compileAnythingBut(arg: unknown, path: string): Condition {
  if (isObject(arg)) {
    const keys = Object.keys(arg);
    const v = arg[keys[0]];
    if (keys.length !== 1 || (keys[0] !== 'prefix' && keys[0] !== 'suffix') || typeof v !== 'string')
      throw new FilterPolicyError(path, 'must be a value, an array of values, {"prefix": "..."} or {"suffix": "..."}');
    return condition(keys[0] === 'prefix' ? ANYTHING_BUT_PREFIX : ANYTHING_BUT_SUFFIX, v);
  }
  const values = Array.isArray(arg) ? arg : [arg];
  if (values.length === 0 || !values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))))
    throw new FilterPolicyError(path, 'must be a string or number, or a non-empty array of them');
  return { ...condition(ANYTHING_BUT), excluded: values as (string | number)[] };
}

function compileNumeric(arg: unknown, path: string): Condition {
  const bad = () => new FilterPolicyError(path, 'must be ["=", n], [op, n] or [op, n, op, n] with op one of >, >=, <, <=');
  if (!Array.isArray(arg) || (arg.length !== 2 && arg.length !== 4)) throw bad();
  const c = condition(NUMERIC);
  for (let i = 0; i < arg.length; i += 2) {
    const op = arg[i];
    const n = arg[i + 1];
    if (typeof n !== 'number' || !Number.isFinite(n)) throw bad();
    if (op === '=' && arg.length === 2) {
      c.lo = c.hi = n;
      c.loInclusive = c.hiInclusive = true;
    } else if ((op === '>' || op === '>=') && c.lo === -Infinity) {
      c.lo = n;
      c.loInclusive = op === '>=';
    } else if ((op === '<' || op === '<=') && c.hi === Infinity) {
      c.hi = n;
      c.hiInclusive = op === '<=';
    } else throw bad();
  }
  if (c.lo > c.hi) throw new FilterPolicyError(path, 'the lower bound must not exceed the upper bound');
  return c;
}

function scalarMatches(c: Condition, v: string | number | boolean): boolean {
  switch (c.type) {
    case EXACT:
      return v === c.value;
    case PREFIX:
      return typeof v === 'string' && v.startsWith(c.value as string);
    case SUFFIX:
      return typeof v === 'string' && v.endsWith(c.value as string);
    case IGNORE_CASE:
      return typeof v === 'string' && v.toLowerCase() === c.value;
    case ANYTHING_BUT: {
      const ex = c.excluded;
      for (let i = 0; i < ex.length; i++) if (ex[i] === v) return false;
      return true;
    }
    case ANYTHING_BUT_PREFIX:
      return typeof v === 'string' && !v.startsWith(c.value as string);
    case ANYTHING_BUT_SUFFIX:
      return typeof v === 'string' && !v.endsWith(c.value as string);
    case NUMERIC:
      return (
        typeof v === 'number' &&
        (c.loInclusive ? v >= c.lo : v > c.lo) &&
        (c.hiInclusive ? v <= c.hi : v < c.hi)
      );
    case EXISTS:
      return c.value === true;
    default:
      return false;
  }
}

function keyMatches(rule: KeyRule, v: Value | null | undefined): boolean {
  const conds = rule.conditions;
  for (let i = 0; i < conds.length; i++) {
    const c = conds[i];
    if (v === undefined) {
      if (c.type === EXISTS && c.value === false) return true;
      continue;
    }
    if (v === null) {
      // A JSON null in the body: present, matched only by a null literal or {"exists": true}.
      if (c.type === IS_NULL || (c.type === EXISTS && c.value === true)) return true;
      continue;
    }
    if (typeof v === 'object') {
      for (let j = 0; j < v.length; j++) if (scalarMatches(c, v[j])) return true;
    } else if (scalarMatches(c, v)) return true;
  }
  return false;
}

/** Whether a message with these attributes (or flattened body) passes the compiled policy. */
export function matchesFilterPolicy(policy: CompiledFilterPolicy, attributes: Attributes): boolean {
  const keys = policy.keys;
  for (let i = 0; i < keys.length; i++) {
    const rule = keys[i];
    const v = attributes === null ? undefined : (attributes[rule.name] as Value | null | undefined);
    if (!keyMatches(rule, v)) return false;
  }
  const ors = policy.ors;
  for (let i = 0; i < ors.length; i++) {
    const alts = ors[i];
    let any = false;
    for (let j = 0; j < alts.length && !any; j++) any = matchesFilterPolicy(alts[j], attributes);
    if (!any) return false;
  }
  return true;
}
