/**
 * Undo/redo as two stacks of whole documents. Documents are immutable and share unchanged parts, so a
 * snapshot costs one object per edit. Edits with the same `coalesceKey` in a row (typing in one field,
 * one drag) become one undo step -- for typing, only while they come within a short window of each other,
 * so "set 5, run for a minute, set 50" stays two steps.
 */
export interface History<T> {
  past: T[];
  future: T[];
  lastKey: string | null;
  /** When the last keyed edit happened (ms, any clock), for the merge window. */
  lastAt: number;
}

export const HISTORY_LIMIT = 200;

/** Keystrokes in one field closer together than this are one undo step. */
export const TYPING_MERGE_MS = 1000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null, lastAt: -Infinity };
}

export interface MergeOptions {
  /** Time of this edit (ms). */
  now?: number;
  /** Merge with the previous edit of the same key only if it was at most this long ago (default: always). */
  withinMs?: number;
}

/** Records `before` as an undo step for a change that is about to happen. */
export function record<T>(h: History<T>, before: T, coalesceKey: string | null = null, merge: MergeOptions = {}): History<T> {
  const now = merge.now ?? 0;
  const withinMs = merge.withinMs ?? Infinity;
  if (coalesceKey !== null && coalesceKey === h.lastKey && now - h.lastAt <= withinMs) return { ...h, future: [], lastAt: now };
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(1) : h.past.slice();
  past.push(before);
  return { past, future: [], lastKey: coalesceKey, lastAt: now };
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  if (h.past.length === 0) return null;
  const value = h.past[h.past.length - 1];
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: null, lastAt: -Infinity }, value };
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  if (h.future.length === 0) return null;
  const [value, ...future] = h.future;
  return { history: { past: [...h.past, current], future, lastKey: null, lastAt: -Infinity }, value };
}
