import { restoreScenario } from '../scenario/index.ts';
import type { Doc } from '../store/doc.ts';
import type { AppStore } from '../store/index.ts';

/**
 * Saving and opening files. The browser part (download, file picker) is installed by the app with
 * installFileBridge; the rest is plain code that tests run in Node.
 */
/** A file as the app reads it (a browser File fits). */
export interface PickedFile {
  name: string;
  size: number;
  text: () => Promise<string>;
}

export interface FileBridge {
  save: (fileName: string, text: string, mimeType?: string) => void;
  /** Saves a `data:` URL (an image) as a download. */
  saveDataUrl: (fileName: string, dataUrl: string) => void;
  /** Asks the user for a file; resolves null when cancelled. */
  pick: () => Promise<PickedFile | null>;
}

const bridge: FileBridge = { save: () => {}, saveDataUrl: () => {}, pick: () => Promise.resolve(null) };

export function fileBridge(): FileBridge {
  return bridge;
}

export function installFileBridge(b: FileBridge): void {
  Object.assign(bridge, b);
}

export function fileNameFor(doc: Doc, suffix = '.json'): string {
  const stem = doc.name.trim().replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
  return `${stem || 'scenario'}${suffix}`;
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
  if (file) await openDroppedFile(store, [file]);
}

/** Larger files are refused before reading: a scenario of 500 nodes is well under 1 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A picked file, or files dropped on the canvas: one scenario, size-checked before it is read. */
export async function openDroppedFile(store: AppStore, files: ArrayLike<PickedFile>): Promise<boolean> {
  if (files.length !== 1) {
    store.getState().notify(`Drop one scenario file at a time (${files.length} were dropped)`, 'error');
    return false;
  }
  const file = files[0];
  if (file.size > MAX_FILE_BYTES) {
    store.getState().notify(`${file.name} was not opened: it is ${(file.size / 1024 / 1024).toFixed(1)} MB; scenario files are at most ${MAX_FILE_BYTES / 1024 / 1024} MB`, 'error');
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    store.getState().notify(`${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`, 'error');
    return false;
  }
  return openScenarioText(store, text, file.name);
}
