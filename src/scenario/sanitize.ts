import { describe, pathOf } from './paths.ts';
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
  // The keys from the root to the value being copied; a path is spelt out only for a problem.
  const keys: (string | number)[] = [];
  const report = (message: string) => problems.push({ path: pathOf('', keys), message });

  function child(v: unknown, key: string | number): unknown {
    keys.push(key);
    const out = copy(v);
    keys.pop();
    return out;
  }

  function copy(v: unknown): unknown {
    if (++count > LIMITS.values) {
      if (!truncated) {
        truncated = true;
        report(`the document has more than ${LIMITS.values.toLocaleString('en-US')} values; nothing after this point was read`);
      }
      return undefined;
    }
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      report(`must be a finite number, not ${v} (JSON cannot hold it; a literal such as 1e400 overflows to Infinity)`);
      return undefined;
    }
    if (typeof v === 'string') {
      if (v.length <= LIMITS.stringLength) return v;
      report(`text is ${v.length.toLocaleString('en-US')} characters long; at most ${LIMITS.stringLength.toLocaleString('en-US')} allowed`);
      return v.slice(0, LIMITS.stringLength);
    }
    if (typeof v !== 'object') {
      report(`must be a JSON value, not a ${typeof v}`);
      return undefined;
    }
    if (keys.length > LIMITS.depth) {
      report(`nested more than ${LIMITS.depth} levels deep`);
      return undefined;
    }
    if (seen.has(v)) {
      report('refers to itself (a cycle), which JSON cannot hold');
      return undefined;
    }
    seen.add(v);
    try {
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length && !truncated; i++) out.push(child(v[i], i));
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        if (truncated) break;
        if (key.length > LIMITS.keyLength) {
          report(`has a key of ${key.length.toLocaleString('en-US')} characters (${describe(key)}); at most ${LIMITS.keyLength} allowed`);
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ path: pathOf('', [...keys, key]), message: `the key "${key}" is not allowed (it could alter built-in objects)` });
          continue;
        }
        const desc = Object.getOwnPropertyDescriptor(v, key);
        if (!desc || !('value' in desc)) continue;
        out[key] = child(desc.value, key);
      }
      return out;
    } finally {
      seen.delete(v);
    }
  }

  const value = copy(input);
  return { value, problems, truncated };
}
