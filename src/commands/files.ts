import { restoreScenario } from '../scenario/index.ts';
import type { Doc } from '../store/doc.ts';
import type { AppStore } from '../store/index.ts';

/**
 * Saving and opening files. The browser part (download, file picker) is installed by the app with
 * installFileBridge; the rest is plain code that tests run in Node.
 */
export interface FileBridge {
  save(fileName: string, text: string): void;
  /** Asks the user for a file; resolves null when cancelled. */
  pick(): Promise<{ name: string; text: string } | null>;
}

const bridge: FileBridge = { save: () => {}, pick: async () => null };

export function installFileBridge(b: FileBridge): void {
  Object.assign(bridge, b);
}

export function fileNameFor(doc: Doc): string {
  const stem = doc.name.trim().replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return `${stem || 'scenario'}.json`;
}

export function exportDocFile(doc: Doc): void {
  bridge.save(fileNameFor(doc), JSON.stringify(doc, null, 2) + '\n');
}

/**
 * Opens text from a file (picked, dropped or pasted) through the one restore path, as one undo step; says
 * why when it cannot, and what restoring changed when it did.
 */
export function openScenarioText(store: AppStore, text: string, source: string): boolean {
  const r = restoreScenario({ text });
  if (!r.ok) {
    store.getState().notify(`${source} was not opened: ${r.message}`, 'error');
    return false;
  }
  store.getState().loadDoc(r.doc);
  store.getState().requestFit();
  const changed = r.changes.length ? ` (changed: ${r.changes.join('; ')})` : '';
  store.getState().notify(`Opened ${r.doc.name}${changed}`);
  return true;
}

export async function importDocFile(store: AppStore): Promise<void> {
  const file = await bridge.pick();
  if (file) openScenarioText(store, file.text, file.name);
}
