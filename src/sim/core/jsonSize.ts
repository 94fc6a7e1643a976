/**
 * Sizes of JSON payloads without writing their text: a Step Functions execution measures its input, every
 * state's output and every Task's call, thousands of times per simulated second, and JSON.stringify builds a
 * string each time only to take its length.
 */

/** A string JSON writes as itself in quotes: no quote, backslash, control character or surrogate. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Below this an integer's digits are counted; above, JSON may use an exponent and String decides. */
const COUNTED_INTEGERS = 1e15;

/** `JSON.stringify(value).length` for JSON data (plain objects, arrays, strings, numbers, booleans, null). */
export function jsonTextLength(value: unknown): number {
  if (value === null) return 4;
  switch (typeof value) {
    case 'string':
      return stringLength(value);
    case 'number':
      return numberLength(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      return Array.isArray(value) ? arrayLength(value) : objectLength(value as Record<string, unknown>);
    default:
      // undefined, a function or a symbol at the top writes nothing.
      return 0;
  }
}

function stringLength(s: string): number {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s).length : s.length + 2;
}

function numberLength(n: number): number {
  if (!Number.isFinite(n)) return 4; // null
  if (Number.isInteger(n) && n >= 0 && n < COUNTED_INTEGERS) {
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    return digits;
  }
  return String(n).length;
}

/** Array items JSON cannot write (undefined, functions, symbols) become null. */
function arrayLength(items: unknown[]): number {
  let length = items.length > 0 ? items.length + 1 : 2;
  for (const item of items) length += writable(item) ? jsonTextLength(item) : 4;
  return length;
}

/** Object fields JSON cannot write are left out. */
function objectLength(object: Record<string, unknown>): number {
  let length = 2;
  let fields = 0;
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (!writable(value)) continue;
    length += stringLength(key) + 1 + jsonTextLength(value);
    fields++;
  }
  return fields > 1 ? length + fields - 1 : length;
}

function writable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** Longest text JSON writes for a number (`-2.2250738585072014e-308` is 24 characters). */
const NUMBER_AT_MOST = 25;

/**
 * At least the UTF-8 size of the JSON text of `value`, counted from lengths alone: a character of a string
 * takes at most 6 bytes (`\u001f`), a number at most 25. Cheap enough to tell a payload far below a limit.
 */
export function jsonBytesAtMost(value: unknown): number {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value.length * 6 + 2 : NUMBER_AT_MOST;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) bytes += jsonBytesAtMost(item) + 1;
    return bytes;
  }
  const object = value as Record<string, unknown>;
  // for...in allocates no key list; inherited keys it also visits only raise the bound.
  for (const key in object) bytes += key.length * 6 + 4 + jsonBytesAtMost(object[key]);
  return bytes;
}
