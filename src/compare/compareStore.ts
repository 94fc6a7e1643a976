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
  /** `done`: the fraction of both runs done (A is the first half) `elapsedMs` after Run both. */
  | { status: 'running'; design: Design; done: number; elapsedMs: number }
  /** `stale`: B was edited since (the results stay on screen, marked, until Run both runs again). */
  | { status: 'done'; a: ResultDocument; b: ResultDocument; docA: ScenarioDoc; docB: ScenarioDoc; rows: CompareRow[]; stale?: boolean }
  | { status: 'error'; design: Design; message: string };

/**
 * A/B compare's own state: design B (a copy of the document when Compare was opened, edited here and never
 * in the main document or its undo history), the node of B being edited, and the last Run both. Closing the
 * view keeps B and its results: opening it again on the same document (nothing changed on the canvas) finds
 * them as they were; a changed document starts B again from it.
 */
export interface CompareState {
  /** The document B was copied from. */
  origin: ScenarioDoc | null;
  docB: ScenarioDoc | null;
  selectedB: string | null;
  run: CompareRun;
  /** Starts comparing `docA`: B as it was if B was copied from this very document, else a fresh copy of it. */
  open: (docA: ScenarioDoc) => void;
  /** The view closed: a run under way is dropped; B and the last results are kept for the next open. */
  close: () => void;
  /** B back to a copy of A, results cleared. */
  resetB: () => void;
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
    origin: null,
    docB: null,
    selectedB: null,
    run: { status: 'idle' },
    open(docA) {
      generation++;
      const s = get();
      if (s.origin === docA && s.docB !== null) {
        if (s.run.status === 'running') set({ run: { status: 'idle' } });
        return;
      }
      set({ origin: docA, docB: structuredClone(docA), selectedB: docA.nodes[0]?.id ?? null, run: { status: 'idle' } });
    },
    close() {
      generation++;
      if (get().run.status === 'running') set({ run: { status: 'idle' } });
    },
    resetB() {
      const origin = get().origin;
      if (!origin) return;
      generation++;
      set({ docB: structuredClone(origin), run: { status: 'idle' } });
    },
    selectB(id) {
      set({ selectedB: id });
    },
    setBField(id, section, path, value) {
      const docB = get().docB;
      if (!docB) return;
      generation++;
      const run = get().run;
      set({ docB: setNodeField(docB, id, section, path, value), run: run.status === 'done' ? { ...run, stale: true } : { status: 'idle' } });
    },
    async runBoth(docA, run, trafficScale) {
      const docB = get().docB;
      if (!docB || get().run.status === 'running') return;
      const mine = ++generation;
      const startedAt = performance.now();
      const out = await runBoth(docA, docB, run, trafficScale, (design, fraction) => {
        if (mine === generation) set({ run: { status: 'running', design, done: (design === 'A' ? 0 : 0.5) + fraction / 2, elapsedMs: performance.now() - startedAt } });
      });
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
