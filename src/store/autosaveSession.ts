import { AUTOSAVE_KEY, debounce, readEntry, saveDoc, type KeyValueStorage } from './autosave.ts';
import type { Doc } from './doc.ts';
import type { AppStore } from './index.ts';

/** What the autosave banner shows; `ok` shows nothing. */
export type AutosaveStatus =
  | { state: 'ok' }
  | { state: 'failed'; message: string }
  | {
      state: 'conflict';
      /** The document another tab saved over this tab's. */
      theirs: Doc;
      /** Open the other tab's version here (undo brings this tab's back) and save it. */
      useTheirs: () => void;
      /** Save this tab's version over the other one. */
      keepMine: () => void;
    };

export const AUTOSAVE_DELAY_MS = 400;

/** The window events autosave listens to (typed here so tests in Node can pass a plain EventTarget). */
interface StorageChange {
  key: string | null;
  newValue: string | null;
}
export interface WindowEvents {
  addEventListener(type: 'storage' | 'beforeunload', listener: (e: StorageChange & { preventDefault(): void }) => void): void;
  removeEventListener(type: 'storage' | 'beforeunload', listener: (e: StorageChange & { preventDefault(): void }) => void): void;
}

function sameDoc(a: Doc, b: Doc): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Saves every change of the document (debounced), tells the user when a save fails, and notices when another
 * tab saves the same autosave: saving then stops until the user chooses whose version to keep, instead of
 * the last writer silently winning. Returns a function that stops it.
 */
export function startAutosave(
  store: AppStore,
  storage: KeyValueStorage,
  events: WindowEvents,
  tab: string = crypto.randomUUID(),
): { flush(): void; stop(): void } {
  const setStatus = (status: AutosaveStatus) => store.getState().setAutosave(status);
  const conflicted = () => store.getState().autosave.state === 'conflict';

  const write = (doc: Doc) => {
    if (conflicted()) return;
    const r = saveDoc(storage, doc, tab);
    const failed = store.getState().autosave.state === 'failed';
    if (!r.ok) setStatus({ state: 'failed', message: r.message });
    else if (failed) setStatus({ state: 'ok' });
  };
  const save = debounce(write, AUTOSAVE_DELAY_MS);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc !== prev.doc) save(s.doc);
  });

  const onStorage = (e: StorageChange) => {
    if (e.key !== AUTOSAVE_KEY || e.newValue === null) return;
    const entry = readEntry(e.newValue);
    if (entry.kind !== 'ok' || entry.tab === tab) return;
    const mine = store.getState().doc;
    if (sameDoc(entry.doc, mine)) return;
    setStatus({
      state: 'conflict',
      theirs: entry.doc,
      useTheirs() {
        store.getState().loadDoc(entry.doc);
        setStatus({ state: 'ok' });
        write(store.getState().doc);
        store.getState().notify('Opened the other tab’s version (undo brings this tab’s back)');
      },
      keepMine() {
        setStatus({ state: 'ok' });
        write(store.getState().doc);
        store.getState().notify('Kept this tab’s version; it is saved over the other tab’s');
      },
    });
  };
  events.addEventListener('storage', onStorage);
  const flush = () => save.flush();
  const onUnload = (e: { preventDefault(): void }) => {
    flush();
    // Closing with a choice pending would drop this tab's unsaved edits: let the browser ask first.
    if (conflicted()) e.preventDefault();
  };
  events.addEventListener('beforeunload', onUnload);
  return {
    flush,
    stop() {
      unsubscribe();
      events.removeEventListener('storage', onStorage);
      events.removeEventListener('beforeunload', onUnload);
    },
  };
}
