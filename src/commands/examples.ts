/// <reference types="vite/client" />
import { restoreScenario } from '../scenario/index.ts';
import { spreadOut } from '../store/docOps.ts';
import type { AppStore } from '../store/index.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../theme/sizes.ts';

/**
 * The examples gallery: every examples/*.json (not examples/bad/), each loaded only when the gallery
 * opens, so new example files appear with no code change and none of them is in the initial bundle.
 */
export type ExampleLoaders = Record<string, () => Promise<unknown>>;

const bundled: ExampleLoaders = import.meta.glob<unknown>('../../examples/*.json', { import: 'default' });

export interface ExampleSummary {
  /** File name, e.g. "spike.json": the key to open it with. */
  file: string;
  name: string;
  /** The document's optional `description`, else a summary of what it holds. */
  description: string;
}

function fileOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function loaderFor(file: string, loaders: ExampleLoaders): (() => Promise<unknown>) | undefined {
  const key = Object.keys(loaders).find((p) => fileOf(p) === file);
  return key ? loaders[key] : undefined;
}

/** Name and one line per example file, sorted by name; files that are not scenario documents are left out. */
export async function loadExampleList(loaders: ExampleLoaders = bundled): Promise<ExampleSummary[]> {
  const entries = await Promise.all(
    Object.entries(loaders).map(async ([path, load]) => {
      const doc = (await load()) as Record<string, unknown> | null;
      if (!doc || typeof doc !== 'object' || typeof doc.name !== 'string' || !Array.isArray(doc.nodes)) return null;
      const description =
        typeof doc.description === 'string' && doc.description.trim() !== ''
          ? doc.description.trim()
          : `${doc.nodes.length} services, ${Array.isArray(doc.edges) ? doc.edges.length : 0} connections`;
      return { file: fileOf(path), name: doc.name, description };
    }),
  );
  return entries.filter((e): e is ExampleSummary => e !== null).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Opens an example: validated like any file, replaces the document as one undo step, zooms to fit and
 * resets a loaded run to 0 s with the new architecture. Returns false (with a message) when it cannot.
 */
export async function openExample(store: AppStore, file: string, loaders: ExampleLoaders = bundled): Promise<boolean> {
  const s = store.getState;
  const load = loaderFor(file, loaders);
  if (!load) {
    s().notify(`There is no example named ${file}`, 'error');
    return false;
  }
  let raw: unknown;
  try {
    raw = await load();
  } catch (e) {
    s().notify(`Example ${file} could not be loaded: ${e instanceof Error ? e.message : String(e)}`, 'error');
    return false;
  }
  const r = restoreScenario({ value: raw });
  if (!r.ok) {
    s().notify(`Example ${file} was not opened: ${r.message}`, 'error');
    return false;
  }
  const wasLoaded = s().run.status !== 'idle';
  s().pauseRun();
  s().loadDoc(spreadOut(r.doc, { width: NODE_WIDTH, height: NODE_HEIGHT }, 72));
  s().requestFit();
  if (wasLoaded) await s().resetRun();
  s().notify(`Opened the example "${r.doc.name}" (undo brings your work back)`);
  return true;
}
