/**
 * Intrinsic functions of JSONPath states (`"x.$": "States.Format('{}', $.name)"`). Arguments are string
 * literals in single quotes (escapes \' \{ \} \\), numbers, true/false/null, paths, and nested calls.
 * Randomness (States.MathRandom, States.UUID) comes from the execution's stream, so runs are reproducible.
 */
import type { Random } from '../../../core/random.ts';
import { StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import { parseIntrinsic, type Arg } from './intrinsicSyntax.ts';

type Impl = (args: Json[], random: Random) => Json;

const fail = (message: string): never => {
  throw new StatesError(StatesErrors.IntrinsicFailure, message);
};

const FUNCTIONS: Record<string, Impl> = {
  'States.Format': (args) => format(args),
  'States.StringToJson': ([s]) => {
    try {
      return JSON.parse(str(s, 'States.StringToJson')) as Json;
    } catch (e) {
      if (e instanceof StatesError) throw e;
      return fail(`States.StringToJson: the argument is not valid JSON`);
    }
  },
  'States.JsonToString': ([v]) => JSON.stringify(v),
  'States.Array': (args) => args,
  'States.ArrayPartition': ([a, size]) => {
    const items = arr(a, 'States.ArrayPartition');
    const n = int(size, 'States.ArrayPartition', 1);
    const out: Json[] = [];
    for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
    return out;
  },
  'States.ArrayContains': ([a, v]) => arr(a, 'States.ArrayContains').some((item) => deepEqual(item, v)),
  'States.ArrayRange': ([start, end, step]) => {
    const s = num(start, 'States.ArrayRange'), e = num(end, 'States.ArrayRange'), d = num(step, 'States.ArrayRange');
    if (d === 0) fail('States.ArrayRange: the step must not be 0');
    const out: number[] = [];
    for (let x = s; d > 0 ? x <= e : x >= e; x += d) {
      if (out.length === 1000) fail('States.ArrayRange: at most 1,000 items');
      out.push(x);
    }
    return out;
  },
  'States.ArrayGetItem': ([a, i]) => {
    const items = arr(a, 'States.ArrayGetItem');
    const index = int(i, 'States.ArrayGetItem', 0);
    return index < items.length ? items[index] : fail(`States.ArrayGetItem: index ${index} is out of bounds`);
  },
  'States.ArrayLength': ([a]) => arr(a, 'States.ArrayLength').length,
  'States.ArrayUnique': ([a]) => {
    const out: Json[] = [];
    for (const item of arr(a, 'States.ArrayUnique')) if (!out.some((o) => deepEqual(o, item))) out.push(item);
    return out;
  },
  'States.Base64Encode': ([s]) => base64Encode(str(s, 'States.Base64Encode')),
  'States.Base64Decode': ([s]) => base64Decode(str(s, 'States.Base64Decode')),
  'States.JsonMerge': ([a, b, deep]) => {
    if (deep !== false) fail('States.JsonMerge: only a shallow merge (third argument false) is supported by AWS');
    return { ...obj(a, 'States.JsonMerge'), ...obj(b, 'States.JsonMerge') };
  },
  'States.MathRandom': ([start, end], random) => {
    const s = int(start, 'States.MathRandom', -Infinity), e = int(end, 'States.MathRandom', -Infinity);
    if (e <= s) fail('States.MathRandom: the end must be greater than the start');
    return s + random.int(e - s);
  },
  'States.MathAdd': ([a, b]) => num(a, 'States.MathAdd') + num(b, 'States.MathAdd'),
  'States.StringSplit': ([s, delimiters]) => {
    const text = str(s, 'States.StringSplit');
    const chars = new Set(str(delimiters, 'States.StringSplit'));
    const out: string[] = [];
    let current = '';
    for (const ch of text) {
      if (chars.has(ch)) {
        if (current !== '') out.push(current);
        current = '';
      } else current += ch;
    }
    if (current !== '') out.push(current);
    return out;
  },
  'States.UUID': (_args, random) => uuid(random),
};

/** The functions implemented here: intrinsicSyntax.ts's SUPPORTED_INTRINSICS must list exactly these. */
export const IMPLEMENTED_INTRINSICS: readonly string[] = Object.keys(FUNCTIONS);

export function evaluateIntrinsic(expression: string, read: (path: string) => Json, random: Random): Json {
  return evaluate(parseIntrinsic(expression), read, random);
}

function evaluate(arg: Arg, read: (path: string) => Json, random: Random): Json {
  if (arg.kind === 'literal') return arg.value;
  if (arg.kind === 'path') return read(arg.path);
  const impl = FUNCTIONS[arg.name];
  if (!impl) return fail(`${arg.name} is not a supported intrinsic function`);
  return impl(arg.args.map((a) => evaluate(a, read, random)), random);
}

function format(args: Json[]): string {
  const template = str(args[0], 'States.Format');
  let out = '';
  let next = 1;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '\\' && i + 1 < template.length) out += template[++i];
    else if (ch === '{' && template[i + 1] === '}') {
      if (next >= args.length) fail('States.Format: more {} placeholders than arguments');
      const v = args[next++];
      out += typeof v === 'string' ? v : JSON.stringify(v);
      i++;
    } else out += ch;
  }
  if (next !== args.length) fail('States.Format: more arguments than {} placeholders');
  return out;
}

function str(v: Json, fn: string): string {
  return typeof v === 'string' ? v : fail(`${fn}: expected a string, got ${JSON.stringify(v)}`);
}
function num(v: Json, fn: string): number {
  return typeof v === 'number' ? v : fail(`${fn}: expected a number, got ${JSON.stringify(v)}`);
}
function int(v: Json, fn: string, min: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min
    ? v
    : fail(`${fn}: expected an integer${min > -Infinity ? ` >= ${min}` : ''}, got ${JSON.stringify(v)}`);
}
function arr(v: Json, fn: string): Json[] {
  return Array.isArray(v) ? v : fail(`${fn}: expected an array, got ${JSON.stringify(v)}`);
}
function obj(v: Json, fn: string): JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : fail(`${fn}: expected an object`);
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as Json[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a, bo = b as JsonObject;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && deepEqual(ao[k], bo[k]));
}

function uuid(random: Random): string {
  const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');
  const a = random.nextUint32(), b = random.nextUint32(), c = random.nextUint32(), d = random.nextUint32();
  const version = ((b >>> 16) & 0x0fff) | 0x4000;
  const variant = ((c >>> 16) & 0x3fff) | 0x8000;
  return `${hex(a, 8)}-${hex(b & 0xffff, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
}

function base64Encode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function base64Decode(text: string): string {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return fail('States.Base64Decode: the argument is not base64');
  }
  return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}
