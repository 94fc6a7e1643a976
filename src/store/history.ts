/**
 * Undo/redo as two stacks of whole documents. Documents are immutable and share unchanged parts, so a
 * snapshot costs one object per edit. Edits with the same `coalesceKey` in a row (typing in one field,
 * one drag) become one undo step.
 */
export interface History<T> {
  past: T[];
  future: T[];
  lastKey: string | null;
}

export const HISTORY_LIMIT = 200;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null };
}

/** Records `before` as an undo step for a change that is about to happen. */
export function record<T>(h: History<T>, before: T, coalesceKey: string | null = null): History<T> {
  if (coalesceKey !== null && coalesceKey === h.lastKey) return { ...h, future: [] };
  const past = h.past.length >= HISTORY_LIMIT ? h.past.slice(1) : h.past.slice();
  past.push(before);
  return { past, future: [], lastKey: coalesceKey };
}

export function undo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  if (h.past.length === 0) return null;
  const value = h.past[h.past.length - 1];
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future], lastKey: null }, value };
}

export function redo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  if (h.future.length === 0) return null;
  const [value, ...future] = h.future;
  return { history: { past: [...h.past, current], future, lastKey: null }, value };
}
