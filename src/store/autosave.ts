import { restoreScenario, type Problem } from '../scenario/index.ts';
import type { Doc } from './doc.ts';

/** The part of Web Storage autosave needs, so tests can pass a plain object. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'serverless-playground/autosave/v1';
export const UNREADABLE_KEY = `${AUTOSAVE_KEY}/unreadable`;

/** What is stored: the document, when, and which tab wrote it (so a tab can tell its own saves from another's). */
export interface SavedEntry {
  savedAt: number;
  tab?: string;
  doc: unknown;
}

export type SaveResult = { ok: true } | { ok: false; message: string };

/** Saves the document; a full or disabled storage comes back as a message for the user, never silently. */
export function saveDoc(storage: KeyValueStorage, doc: Doc, tab?: string): SaveResult {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: Date.now(), tab, doc } satisfies SavedEntry));
    return { ok: true };
  } catch (e) {
    const quota = e instanceof Error && (e.name === 'QuotaExceededError' || /quota/i.test(e.message));
    return {
      ok: false,
      message: quota
        ? "Autosave failed: this browser's storage for the playground is full, so your latest changes are not saved. Save as JSON file to keep them."
        : `Autosave failed (${e instanceof Error ? e.message : String(e)}), so your latest changes are not saved. Save as JSON file to keep them.`,
    };
  }
}

export type ReadAutosave =
  | { kind: 'none' }
  | { kind: 'ok'; doc: Doc; changes: string[]; problems: Problem[]; tab?: string; savedAt?: number }
  | { kind: 'unreadable'; raw: string; message: string };

/** Parses an autosave entry through the one restore path, keeping work in progress that has problems. */
export function readEntry(raw: string): ReadAutosave {
  let entry: unknown;
  try {
    entry = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', raw, message: 'it is not valid JSON' };
  }
  if (!entry || typeof entry !== 'object' || !('doc' in entry)) return { kind: 'unreadable', raw, message: 'it holds no scenario document' };
  const { doc, tab, savedAt } = entry as SavedEntry;
  const r = restoreScenario({ value: doc }, { keepInvalid: true });
  if (!r.ok) return { kind: 'unreadable', raw, message: r.message };
  return { kind: 'ok', doc: r.doc, changes: r.changes, problems: r.problems, tab: typeof tab === 'string' ? tab : undefined, savedAt: typeof savedAt === 'number' ? savedAt : undefined };
}

export function readAutosave(storage: KeyValueStorage): ReadAutosave {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'none' };
  }
  return raw ? readEntry(raw) : { kind: 'none' };
}

/** The autosaved document, or null when there is none or it cannot be restored. */
export function loadDoc(storage: KeyValueStorage): Doc | null {
  const r = readAutosave(storage);
  return r.kind === 'ok' ? r.doc : null;
}

/**
 * When an autosave exists but cannot be read, copies it aside (the next autosave would overwrite it) and
 * returns a message saying so and why; null when there is nothing unreadable.
 */
export function setAsideUnreadable(storage: KeyValueStorage): string | null {
  const r = readAutosave(storage);
  if (r.kind !== 'unreadable') return null;
  try {
    storage.setItem(UNREADABLE_KEY, r.raw);
  } catch {
    return `Your autosaved work could not be read (${r.message}), and there was no room to keep a copy; the example is open instead.`;
  }
  return `Your autosaved work could not be read (${r.message}), so the example is open instead. The unreadable copy is kept in this browser's localStorage under "${UNREADABLE_KEY}".`;
}

/** Calls `fn` once `delayMs` after the last call; `flush` runs a pending call now. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | null = null;
  const run = () => {
    timer = undefined;
    if (pending) {
      const args = pending;
      pending = null;
      fn(...args);
    }
  };
  const call = (...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  call.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  return call;
}
