import { describe, joinPath } from './paths.ts';
import { LIMITS, type Problem } from './types.ts';

/** Keys that could reach Object.prototype if some code copied them onto a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Copies untrusted JSON-like input into fresh plain objects and arrays, so nothing later can be tricked
 * through prototype keys, getters, cycles or sheer size. Forbidden or overlong keys, values JSON cannot hold
 * (Infinity, NaN, functions), too deep nesting and too many values are reported with their path and left out
 * of the copy. `truncated` says the value limit cut the copy short, so what follows it was never read.
 */
export function sanitize(input: unknown): { value: unknown; problems: Problem[]; truncated: boolean } {
  const problems: Problem[] = [];
  let count = 0;
  let truncated = false;
  const seen = new Set<object>();

  function copy(v: unknown, path: string, depth: number): unknown {
    if (++count > LIMITS.values) {
      if (!truncated) {
        truncated = true;
        problems.push({ path, message: `the document has more than ${LIMITS.values.toLocaleString('en-US')} values; nothing after this point was read` });
      }
      return undefined;
    }
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      problems.push({ path, message: `must be a finite number, not ${v} (JSON cannot hold it; a literal such as 1e400 overflows to Infinity)` });
      return undefined;
    }
    if (typeof v === 'string') {
      if (v.length <= LIMITS.stringLength) return v;
      problems.push({ path, message: `text is ${v.length.toLocaleString('en-US')} characters long; at most ${LIMITS.stringLength.toLocaleString('en-US')} allowed` });
      return v.slice(0, LIMITS.stringLength);
    }
    if (typeof v !== 'object') {
      problems.push({ path, message: `must be a JSON value, not a ${typeof v}` });
      return undefined;
    }
    if (depth > LIMITS.depth) {
      problems.push({ path, message: `nested more than ${LIMITS.depth} levels deep` });
      return undefined;
    }
    if (seen.has(v)) {
      problems.push({ path, message: 'refers to itself (a cycle), which JSON cannot hold' });
      return undefined;
    }
    seen.add(v);
    try {
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length && !truncated; i++) out.push(copy(v[i], joinPath(path, i), depth + 1));
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        if (truncated) break;
        if (key.length > LIMITS.keyLength) {
          problems.push({
            path,
            message: `has a key of ${key.length.toLocaleString('en-US')} characters (${describe(key)}); at most ${LIMITS.keyLength} allowed`,
          });
          continue;
        }
        const p = joinPath(path, key);
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ path: p, message: `the key "${key}" is not allowed (it could alter built-in objects)` });
          continue;
        }
        const desc = Object.getOwnPropertyDescriptor(v, key);
        if (!desc || !('value' in desc)) continue;
        out[key] = copy(desc.value, p, depth + 1);
      }
      return out;
    } finally {
      seen.delete(v);
    }
  }

  const value = copy(input, '', 0);
  return { value, problems, truncated };
}
