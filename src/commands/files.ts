import { formatProblem, parseScenarioText, validateScenario } from '../scenario/index.ts';
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

const bridge: FileBridge = { save: () => {}, pick: () => Promise.resolve(null) };

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

/** Validates text from a file (or paste) with the runner's validator and opens it; says why when it cannot. */
export function openScenarioText(store: AppStore, text: string, source: string): boolean {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    store.getState().notify(`${source}: ${parsed.message}`, 'error');
    return false;
  }
  const r = validateScenario(parsed.value);
  if (!r.ok) {
    const errors = r.problems.filter((p) => p.severity !== 'warning');
    const shown = errors.slice(0, 3).map(formatProblem).join('; ');
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
    store.getState().notify(`${source} was not opened: ${shown}${more}`, 'error');
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
