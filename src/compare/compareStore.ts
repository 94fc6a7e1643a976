import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioDoc } from '../scenario/index.ts';
import type { ResultDocument } from '../sim/result.ts';
import type { Section } from '../store/doc.ts';
import { setNodeField } from '../store/docOps.ts';
import { compareResults, type CompareRow } from './compareResults.ts';
import type { RunToEnd } from '../sim/engine.ts';
import { runBoth, type Design } from './runBoth.ts';

/** Run both: not yet, running one design, the results with the documents they came from, or why it stopped. */
export type CompareRun =
  | { status: 'idle' }
  | { status: 'running'; design: Design }
  | { status: 'done'; a: ResultDocument; b: ResultDocument; docA: ScenarioDoc; docB: ScenarioDoc; rows: CompareRow[] }
  | { status: 'error'; design: Design; message: string };

/**
 * A/B compare's own state: design B (a copy of the document when Compare was opened, edited here and never
 * in the main document or its undo history), the node of B being edited, and the last Run both.
 */
export interface CompareState {
  docB: ScenarioDoc | null;
  selectedB: string | null;
  run: CompareRun;
  /** Starts comparing: B is a copy of `docA`, the first node selected. */
  open: (docA: ScenarioDoc) => void;
  close: () => void;
  selectB: (id: string | null) => void;
  setBField: (id: string, section: Section, path: string, value: unknown) => void;
  /** Runs `docA` (the main document now) and B on A's seed, duration and `trafficScale`; ignored while running. */
  runBoth: (docA: ScenarioDoc, run: RunToEnd, trafficScale: number) => Promise<void>;
}

export type CompareStore = StoreApi<CompareState>;

export function createCompareStore(): CompareStore {
  // Each open, edit and Run both starts a new generation; a run's answer for an older one is dropped.
  let generation = 0;
  return createStore<CompareState>()((set, get) => ({
    docB: null,
    selectedB: null,
    run: { status: 'idle' },
    open(docA) {
      generation++;
      set({ docB: structuredClone(docA), selectedB: docA.nodes[0]?.id ?? null, run: { status: 'idle' } });
    },
    close() {
      generation++;
      set({ docB: null, selectedB: null, run: { status: 'idle' } });
    },
    selectB(id) {
      set({ selectedB: id });
    },
    setBField(id, section, path, value) {
      const docB = get().docB;
      if (!docB) return;
      generation++;
      set({ docB: setNodeField(docB, id, section, path, value), run: { status: 'idle' } });
    },
    async runBoth(docA, run, trafficScale) {
      const docB = get().docB;
      if (!docB || get().run.status === 'running') return;
      const mine = ++generation;
      const out = await runBoth(docA, docB, run, trafficScale, (design) => mine === generation && set({ run: { status: 'running', design } }));
      if (mine !== generation) return; // closed, reopened or B edited while running: these results are stale
      if (!out.ok) set({ run: { status: 'error', design: out.design, message: out.message } });
      else set({ run: { status: 'done', a: out.a, b: out.b, docA, docB, rows: compareResults(out.a, out.b, docA, docB) } });
    },
  }));
}

export const compareStore: CompareStore = createCompareStore();

export function useCompareStore<T>(selector: (s: CompareState) => T): T {
  return useStore(compareStore, selector);
}
