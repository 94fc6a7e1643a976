import type { StateCreator } from 'zustand';
import type { EdgeRole } from '../sim/core/model.ts';
import { findServiceKind } from '../sim/services/registry.ts';
import { connectionRule } from '../scenario/index.ts';
import { emptyDoc, type Doc, type DocEdge, type Section } from './doc.ts';
import * as ops from './docOps.ts';
import { emptyHistory, record, redo, undo, TYPING_MERGE_MS, type History, type MergeOptions } from './history.ts';
import type { AppState } from './index.ts';
import { EMPTY_SELECTION } from './uiSlice.ts';

export type ConnectResult = { ok: true; id: string } | { ok: false; reason: string };

export interface ScenarioSlice {
  /** The single source of truth; React Flow nodes and edges are derived from it. */
  doc: Doc;
  history: History<Doc>;
  /**
   * Applies a pure edit as one undo step. Edits sharing `coalesceKey` in a row merge into one step
   * (within `merge.withinMs` of each other when given).
   */
  edit: (update: (doc: Doc) => Doc, coalesceKey?: string, merge?: MergeOptions) => void;
  /** Replaces the document (new, import, restore), giving edges ids where missing. Undoable unless `resetHistory`. */
  loadDoc: (doc: Doc, options?: { resetHistory?: boolean }) => void;
  undo: () => void;
  redo: () => void;
  addNode: (type: string, position: { x: number; y: number }) => string | null;
  connect: (from: string, to: string, role?: EdgeRole) => ConnectResult;
  /** Moves nodes; `dragId` groups one drag into one undo step. */
  moveNodes: (positions: ReadonlyMap<string, { x: number; y: number }>, dragId?: number) => void;
  /**
   * Typing in one field is one undo step while the keystrokes come less than TYPING_MERGE_MS apart and,
   * when `focusSession` is given (a number per focus of the input), while the field keeps focus.
   */
  setNodeField: (id: string, section: Section, path: string, value: unknown, focusSession?: number) => void;
  setEdgeField: (edgeId: string, path: string, value: unknown, focusSession?: number) => void;
  setEdgeRole: (edgeId: string, role: EdgeRole) => ConnectResult;
  /**
   * Returns a problem message instead of renaming when the name is not allowed. Renames sharing
   * `coalesceKey` in a row (typing a name) are one undo step.
   */
  renameNode: (from: string, to: string, coalesceKey?: string) => string | null;
  setDocMeta: (meta: Partial<Pick<Doc, 'name' | 'seed' | 'durationSeconds'>>) => void;
  /** Sets (or with undefined removes) one account setting in doc.settings. */
  setDocSetting: (key: string, value: unknown) => void;
  deleteSelection: () => void;
  selectAll: () => void;
  copySelection: () => void;
  paste: () => void;
  duplicateSelection: () => void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set, get) => ({
  doc: emptyDoc(),
  history: emptyHistory<Doc>(),
  edit(update, coalesceKey, merge) {
    if (get().readOnly) return;
    const { doc, history } = get();
    const next = update(doc);
    if (next === doc) return;
    set({ doc: next, history: record(history, doc, coalesceKey ?? null, merge) });
  },
  loadDoc(doc, options) {
    const { doc: before, history } = get();
    set({
      doc: ops.withEdgeIds(doc),
      history: options?.resetHistory ? emptyHistory<Doc>() : record(history, before),
      selection: EMPTY_SELECTION,
    });
  },
  undo() {
    const r = undo(get().history, get().doc);
    if (r) set({ doc: r.value, history: r.history, selection: keepExisting(get().selection, r.value) });
  },
  redo() {
    const r = redo(get().history, get().doc);
    if (r) set({ doc: r.value, history: r.history, selection: keepExisting(get().selection, r.value) });
  },
  addNode(type, position) {
    const kind = findServiceKind(type);
    if (!kind) {
      get().notify(`Unknown service type ${type}`, 'error');
      return null;
    }
    const r = ops.addNode(get().doc, type, kind.shortName, position);
    get().edit(() => r.doc);
    get().select({ nodes: [r.id], edges: [] });
    return r.id;
  },
  connect(from, to, role) {
    const { doc } = get();
    const a = doc.nodes.find((n) => n.id === from);
    const b = doc.nodes.find((n) => n.id === to);
    if (!a || !b) return { ok: false, reason: 'Both ends must be nodes on the canvas.' };
    if (from === to) return { ok: false, reason: 'A node cannot connect to itself.' };
    const check = connectionRule(a.type, b.type, role);
    let chosen: EdgeRole;
    if (check.ok) chosen = check.role;
    else if (role === undefined && check.roles?.length) chosen = check.roles[0];
    else return { ok: false, reason: check.reason };
    const rolesAllowed = check.ok ? check.rule.roles : (check.roles ?? []);
    // State the role only where AWS allows several for this pair (docs/scenario-format.md).
    const edge: DocEdge = rolesAllowed.length > 1 ? { from, to, role: chosen } : { from, to };
    const exists = doc.edges.some((e) => e.from === from && e.to === to && (e.role ?? chosen) === chosen);
    if (exists) return { ok: false, reason: `${from} is already connected to ${to}.` };
    const added = ops.addEdge(doc, edge);
    if (added.id === null) return { ok: false, reason: `${from} is already connected to ${to}.` };
    get().edit(() => added.doc);
    return { ok: true, id: added.id };
  },
  moveNodes(positions, dragId) {
    get().edit((d) => ops.moveNodes(d, positions), dragId === undefined ? undefined : `move:${dragId}`);
  },
  setNodeField(id, section, path, value, focusSession) {
    get().edit((d) => ops.setNodeField(d, id, section, path, value), typingKey(`field:${id}:${section}.${path}`, focusSession), typing());
  },
  setEdgeField(edgeId, path, value, focusSession) {
    get().edit((d) => ops.setEdgeField(d, edgeId, path, value), typingKey(`edge:${edgeId}:${path}`, focusSession), typing());
  },
  setEdgeRole(edgeId, role) {
    const { doc } = get();
    const e = doc.edges.find((x) => x.id === edgeId);
    const a = doc.nodes.find((n) => n.id === e?.from);
    const b = doc.nodes.find((n) => n.id === e?.to);
    if (!e || !a || !b) return { ok: false, reason: 'No such edge.' };
    const check = connectionRule(a.type, b.type, role);
    if (!check.ok) return { ok: false, reason: check.reason };
    get().edit((d) => ops.setEdgeRole(d, edgeId, role));
    return { ok: true, id: edgeId };
  },
  renameNode(from, to, coalesceKey) {
    const r = ops.renameNode(get().doc, from, to);
    if ('error' in r) return r.error;
    get().edit(() => r.doc, coalesceKey);
    const sel = get().selection;
    if (sel.nodes.includes(from)) get().select({ nodes: sel.nodes.map((n) => (n === from ? to : n)) });
    return null;
  },
  setDocMeta(meta) {
    get().edit((d) => ({ ...d, ...meta }), `meta:${Object.keys(meta).join(',')}`, typing());
  },
  setDocSetting(key, value) {
    get().edit((d) => {
      const settings = ops.setPath(d.settings, key, value);
      const next = { ...d, settings };
      if (settings === undefined) delete next.settings;
      return next;
    }, `setting:${key}`, typing());
  },
  deleteSelection() {
    const { selection } = get();
    get().edit((d) => ops.deleteItems(d, selection.nodes, selection.edges));
    get().clearSelection();
  },
  selectAll() {
    const { doc } = get();
    get().select({ nodes: doc.nodes.map((n) => n.id), edges: doc.edges.flatMap((e) => (e.id ? [e.id] : [])) });
  },
  copySelection() {
    const { doc, selection } = get();
    if (selection.nodes.length === 0) return;
    set({ clipboard: ops.copyNodes(doc, selection.nodes), pasteCount: 0 });
  },
  paste() {
    const { clipboard, pasteCount } = get();
    if (!clipboard || clipboard.nodes.length === 0) return;
    const step = 48 * (pasteCount + 1);
    const r = ops.pasteClip(get().doc, clipboard, { x: step, y: step });
    get().edit(() => r.doc);
    set({ pasteCount: pasteCount + 1 });
    get().select({ nodes: r.ids, edges: [] });
  },
  duplicateSelection() {
    const { doc, selection } = get();
    if (selection.nodes.length === 0) return;
    const r = ops.pasteClip(doc, ops.copyNodes(doc, selection.nodes), { x: 48, y: 48 });
    get().edit(() => r.doc);
    get().select({ nodes: r.ids, edges: [] });
  },
});

function typingKey(key: string, focusSession: number | undefined): string {
  return focusSession === undefined ? key : `${key}#${focusSession}`;
}

function typing(): MergeOptions {
  return { now: Date.now(), withinMs: TYPING_MERGE_MS };
}

function keepExisting(selection: AppState['selection'], doc: Doc): AppState['selection'] {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const nodes = selection.nodes.filter((n) => ids.has(n));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const edges = selection.edges.filter((id) => edgeIds.has(id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length ? selection : { nodes, edges };
}
