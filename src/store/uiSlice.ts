import type { StateCreator } from 'zustand';
import type { AutosaveStatus } from './autosaveSession.ts';
import type { Clip } from './docOps.ts';
import type { AppState } from './index.ts';

export type Theme = 'light' | 'dark';
export type SidebarTab = 'inspector' | 'advisor';

export interface Selection {
  nodes: string[];
  /** Edge ids (doc.edges[i].id). */
  edges: string[];
}

export interface Notice {
  text: string;
  tone: 'info' | 'error';
  /** Increments so the same text shown twice restarts its timer. */
  seq: number;
}

export interface UiSlice {
  selection: Selection;
  theme: Theme;
  clipboard: Clip | null;
  pasteCount: number;
  notice: Notice | null;
  /** Height of the bottom (charts) panel in px. */
  bottomPanelHeight: number;
  /** Increments to ask the canvas to zoom to fit (after the nodes it must fit have rendered). */
  fitRequest: number;
  requestFit: () => void;
  sidebarTab: SidebarTab;
  setSidebarTab: (tab: SidebarTab) => void;
  select: (selection: Partial<Selection>) => void;
  clearSelection: () => void;
  setTheme: (theme: Theme) => void;
  notify: (text: string, tone?: Notice['tone']) => void;
  dismissNotice: () => void;
  setBottomPanelHeight: (px: number) => void;
  /** Whether autosave is working, failed (storage full) or waits for the user after another tab saved. */
  autosave: AutosaveStatus;
  setAutosave: (status: AutosaveStatus) => void;
  /** Side panels can be collapsed to give the canvas room (a projector, a small laptop). */
  paletteOpen: boolean;
  sidebarOpen: boolean;
  togglePanel: (panel: 'palette' | 'sidebar') => void;
  /** The keyboard shortcuts list ("?"). */
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  /** Embedded view: the document cannot be edited (runs, selection and charts still work). */
  readOnly: boolean;
  setReadOnly: (readOnly: boolean) => void;
  /** Theory overlays (Erlang B / C, Little's law) on the charts where they apply. */
  showTheory: boolean;
  setShowTheory: (show: boolean) => void;
  /** While a diagram image is taken the canvas draws every node and edge, not only those in view. */
  drawingAll: boolean;
  setDrawingAll: (on: boolean) => void;
  /** Selects the node alone and opens the inspector on it (its settings, not the advisor). */
  inspectNode: (node: string) => void;
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  selection: EMPTY_SELECTION,
  theme: 'light',
  clipboard: null,
  pasteCount: 0,
  notice: null,
  bottomPanelHeight: 260,
  fitRequest: 0,
  sidebarTab: 'inspector',
  setSidebarTab(tab) {
    set({ sidebarTab: tab });
  },
  requestFit() {
    set({ fitRequest: get().fitRequest + 1 });
  },
  select(partial) {
    const cur = get().selection;
    const next = { nodes: partial.nodes ?? cur.nodes, edges: partial.edges ?? cur.edges };
    if (sameList(next.nodes, cur.nodes) && sameList(next.edges, cur.edges)) return;
    set({ selection: next });
  },
  clearSelection() {
    if (get().selection !== EMPTY_SELECTION) set({ selection: EMPTY_SELECTION });
  },
  setTheme(theme) {
    set({ theme });
  },
  notify(text, tone = 'info') {
    set({ notice: { text, tone, seq: (get().notice?.seq ?? 0) + 1 } });
  },
  dismissNotice() {
    set({ notice: null });
  },
  paletteOpen: true,
  sidebarOpen: true,
  togglePanel(panel) {
    if (panel === 'palette') set({ paletteOpen: !get().paletteOpen });
    else set({ sidebarOpen: !get().sidebarOpen });
  },
  shortcutsOpen: false,
  setShortcutsOpen(open) {
    set({ shortcutsOpen: open });
  },
  readOnly: false,
  setReadOnly(readOnly) {
    set({ readOnly });
  },
  showTheory: true,
  setShowTheory(show) {
    set({ showTheory: show });
  },
  drawingAll: false,
  setDrawingAll(on) {
    set({ drawingAll: on });
  },
  inspectNode(node) {
    set({ selection: { nodes: [node], edges: [] }, sidebarTab: 'inspector', sidebarOpen: true });
  },
  autosave: { state: 'ok' },
  setAutosave(status) {
    set({ autosave: status });
  },
  setBottomPanelHeight(px) {
    set({ bottomPanelHeight: Math.round(Math.min(Math.max(px, 120), 800)) });
  },
});
