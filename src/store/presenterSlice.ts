import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

/**
 * What a lesson gives presenter mode: its title, the steps a teacher walks through with ← and → (the
 * lesson's hints), and the charts to show big. A chart is `requests`, `latency`, `throttles`, `errors` or
 * `cost` (the whole system's headline charts) or `Node.Metric` (that node's chart of that metric, e.g.
 * `Fn.ConcurrentExecutions`).
 */
export interface PresenterScript {
  title: string;
  steps: string[];
  charts: string[];
}

export interface PresenterSlice {
  /** Presenter mode: large type, panels hidden, the canvas and two or three big charts. */
  presenting: boolean;
  setPresenting: (on: boolean) => void;
  presenterScript: PresenterScript | null;
  /** The step shown (index into presenterScript.steps). */
  presenterStep: number;
  /** Sets (or clears, with null) the script and goes back to its first step; throws naming a malformed field. */
  setPresenterScript: (script: PresenterScript | null) => void;
  /** Moves to the next (+1) or previous (-1) step, staying within the script. */
  stepPresenter: (delta: 1 | -1) => void;
}

function checkScript(script: PresenterScript): PresenterScript {
  const fail = (what: string) => {
    throw new Error(`setPresenterScript: ${what}`);
  };
  if (typeof script !== 'object' || script === null) fail('the script must be an object { title, steps, charts }');
  if (typeof script.title !== 'string') fail('title must be text');
  for (const key of ['steps', 'charts'] as const) {
    const list: unknown = script[key];
    if (!Array.isArray(list)) fail(`${key} must be a list of text`);
    (list as unknown[]).forEach((v, i) => {
      if (typeof v !== 'string') fail(`${key}[${i}] must be text, not ${JSON.stringify(v) ?? typeof v}`);
    });
  }
  return { title: script.title, steps: [...script.steps], charts: [...script.charts] };
}

export const createPresenterSlice: StateCreator<AppState, [], [], PresenterSlice> = (set, get) => ({
  presenting: false,
  setPresenting(on) {
    // An information line of the editor (an import's result, say) would only cover the room's charts.
    if (on !== get().presenting) set(on && get().notice?.tone === 'info' ? { presenting: on, notice: null } : { presenting: on });
  },
  presenterScript: null,
  presenterStep: 0,
  setPresenterScript(script) {
    set({ presenterScript: script === null ? null : checkScript(script), presenterStep: 0 });
  },
  stepPresenter(delta) {
    const script = get().presenterScript;
    if (!script || script.steps.length === 0) return;
    const step = Math.min(script.steps.length - 1, Math.max(0, get().presenterStep + delta));
    if (step !== get().presenterStep) set({ presenterStep: step });
  },
});
