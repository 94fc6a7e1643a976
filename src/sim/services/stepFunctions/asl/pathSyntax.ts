/**
 * The syntax of JSONPath paths as ASL uses them: the root (`$`, `$$`, `$variable`) and the plain segments
 * the interpreter reads itself. No library, so the definition checks can run in the app's bundle; paths.ts
 * hands anything else to jsonpath-plus.
 */
import { StatesError, StatesErrors } from './errors.ts';

export type Root = { kind: 'input' } | { kind: 'context' } | { kind: 'variable'; name: string };
export interface CompiledPath {
  root: Root;
  /** Segments of a plain reference path, or null when jsonpath-plus must evaluate `rest`. */
  segments: (string | number)[] | null;
  rest: string;
}

const compiled = new Map<string, CompiledPath>();
const VARIABLE = /^\$([A-Za-z_][A-Za-z0-9_]*)/;

export function compilePath(path: string): CompiledPath {
  const cached = compiled.get(path);
  if (cached) return cached;
  let root: Root;
  let rest: string;
  if (path.startsWith('$$')) {
    root = { kind: 'context' };
    rest = path.slice(2);
  } else if (VARIABLE.test(path)) {
    const name = VARIABLE.exec(path)![1];
    root = { kind: 'variable', name };
    rest = path.slice(name.length + 1);
  } else if (path.startsWith('$')) {
    root = { kind: 'input' };
    rest = path.slice(1);
  } else {
    throw new StatesError(StatesErrors.Runtime, `Invalid path '${path}': a path starts with '$'`);
  }
  const result: CompiledPath = { root, segments: plainSegments(rest), rest };
  if (compiled.size < 10_000) compiled.set(path, result);
  return result;
}

/** `.name`, `['name']`, `["name"]` and `[3]` segments; null when the path needs a JSONPath engine. */
function plainSegments(rest: string): (string | number)[] | null {
  const segments: (string | number)[] = [];
  let i = 0;
  while (i < rest.length) {
    const ch = rest[i];
    if (ch === '.') {
      if (rest[i + 1] === '.') return null;
      let j = i + 1;
      while (j < rest.length && rest[j] !== '.' && rest[j] !== '[') j++;
      const name = rest.slice(i + 1, j);
      if (name === '' || name === '*' || /[()?@,:]/.test(name)) return null;
      segments.push(name);
      i = j;
    } else if (ch === '[') {
      const close = rest.indexOf(']', i);
      if (close < 0) return null;
      const inner = rest.slice(i + 1, close);
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (/^'[^']*'$/.test(inner) || /^"[^"]*"$/.test(inner)) segments.push(inner.slice(1, -1));
      else return null;
      i = close + 1;
    } else {
      return null;
    }
  }
  return segments;
}
