import type { Doc } from './doc.ts';

/** The part of Web Storage autosave needs, so tests can pass a plain object. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'serverless-playground/autosave/v1';

export function saveDoc(storage: KeyValueStorage, doc: Doc): void {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: Date.now(), doc }));
  } catch {
    // Storage full or disabled (private mode): autosave is best effort, the user can still export a file.
  }
}

/** Reads the autosaved document; returns null when there is none or it is not a scenario document. */
export function loadDoc(storage: KeyValueStorage): Doc | null {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { doc?: unknown };
    return isDocShape(parsed.doc) ? parsed.doc : null;
  } catch {
    return null;
  }
}

export const UNREADABLE_KEY = `${AUTOSAVE_KEY}/unreadable`;

/**
 * When an autosave exists but cannot be read, copies it aside (the next autosave would overwrite it) and
 * returns a message saying so; null when there is nothing unreadable.
 */
export function setAsideUnreadable(storage: KeyValueStorage): string | null {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  if (!raw || loadDoc(storage)) return null;
  try {
    storage.setItem(UNREADABLE_KEY, raw);
  } catch {
    return 'Your autosaved work could not be read, and there was no room to keep a copy; the example is open instead.';
  }
  return `Your autosaved work could not be read (it is not a scenario document), so the example is open instead. The unreadable copy is kept in this browser's localStorage under "${UNREADABLE_KEY}".`;
}

export function isDocShape(value: unknown): value is Doc {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    d.format === 'serverless-playground/scenario' &&
    Array.isArray(d.nodes) &&
    Array.isArray(d.edges) &&
    d.nodes.every(
      (n) =>
        n && typeof n === 'object' && typeof (n as { id?: unknown }).id === 'string' &&
        typeof (n as { type?: unknown }).type === 'string',
    )
  );
}

/** Calls `save` at most once per `delayMs` after the last change. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), delayMs);
  };
}
