import type { Problem } from './types.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends one key to a JSON path: `a.b`, `a[3]`, or `a["odd key"]` for keys that are not identifiers. */
export function joinPath(base: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const k = String(key);
  if (IDENTIFIER.test(k)) return base ? `${base}.${k}` : k;
  return `${base}[${JSON.stringify(k)}]`;
}

export function pathOf(base: string, keys: readonly PropertyKey[]): string {
  let p = base;
  for (const k of keys) p = joinPath(p, k);
  return p;
}

/** "nodes[2].properties.Timeout: must be 1..900" (warnings are prefixed "warning: "). */
export function formatProblem(p: Problem): string {
  const text = `${p.path || '(document)'}: ${p.message}`;
  return p.severity === 'warning' ? `warning: ${text}` : text;
}

const NODE_PATH = /^nodes\[(\d+)\](?:\.(.*))?$/;

/** The node index and the path inside the node of a problem path such as `nodes[2].properties.Timeout`, or null. */
export function nodePath(path: string): { index: number; rest: string } | null {
  const m = NODE_PATH.exec(path);
  return m ? { index: Number(m[1]), rest: m[2] ?? '' } : null;
}

export function isError(p: Problem): boolean {
  return p.severity !== 'warning';
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short description of a value for messages: `"abc"`, `42`, `an array`, `null`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return String(v);
}

/** Appends `items` to `target` one by one: spreading a long list into push() would overflow the stack. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Edit-distance cells one validation may spend on "did you mean" hints (a few milliseconds). */
export const HINT_BUDGET_CELLS = 2_000_000;

/**
 * "Did you mean" hints under a work budget shared by one validation, so a document with a hundred thousand
 * unknown keys or dangling edges costs linear time: once the budget is spent, problems come without hints.
 */
export class Hints {
  /** Edit-distance cells computed so far (the work, which tests count). */
  cells = 0;
  constructor(private readonly budget = HINT_BUDGET_CELLS) {}

  /** The closest of `candidates` to `word` by edit distance, if it is close enough to be a likely typo. */
  closest(word: string, candidates: Iterable<string>): string | undefined {
    if (word.length > MAX_HINT_LENGTH) return undefined;
    const w = word.toLowerCase();
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best: string | undefined;
    let bestD = limit + 1;
    for (const c of candidates) {
      if (Math.abs(c.length - w.length) >= bestD || c.length > MAX_HINT_LENGTH) continue;
      if (this.cells >= this.budget) return undefined;
      const d = this.distance(w, c.toLowerCase(), bestD - 1);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }

  /** Levenshtein distance of a and b if it is at most `max`, else max + 1 (a band of width 2 * max + 1). */
  private distance(a: string, b: string, max: number): number {
    const n = b.length;
    let prev = new Array<number>(n + 1);
    let cur = new Array<number>(n + 1);
    for (let j = 0; j <= n; j++) prev[j] = j <= max ? j : max + 1;
    for (let i = 1; i <= a.length; i++) {
      const from = Math.max(1, i - max);
      const to = Math.min(n, i + max);
      cur[0] = i <= max ? i : max + 1;
      if (from > 1) cur[from - 1] = max + 1;
      let rowMin = cur[0];
      for (let j = from; j <= to; j++) {
        const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
        cur[j] = v > max ? max + 1 : v;
        if (cur[j] < rowMin) rowMin = cur[j];
      }
      if (to < n) cur[to + 1] = max + 1;
      this.cells += to - from + 1;
      if (rowMin > max) return max + 1;
      const done = prev;
      prev = cur;
      cur = done;
    }
    return prev[n] > max ? max + 1 : prev[n];
  }
}

/** Words longer than this get no hint: typos are in names, and names are short. */
const MAX_HINT_LENGTH = 64;
