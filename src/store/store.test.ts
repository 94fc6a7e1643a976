import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDoc, saveDoc, setAsideUnreadable, AUTOSAVE_KEY, UNREADABLE_KEY, type KeyValueStorage } from './autosave.ts';
import { emptyDoc, type Doc } from './doc.ts';
import { nameProblem, pasteClip, copyNodes, setNodeField, spreadOut, uniqueName } from './docOps.ts';
import { emptyHistory, HISTORY_LIMIT, record, TYPING_MERGE_MS } from './history.ts';
import { createAppStore } from './index.ts';

function sample(): Doc {
  return {
    ...emptyDoc('Sample'),
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { ratePerSecond: 100 } },
      { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 200, y: 0 } },
      { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 400, y: 0 }, properties: { Timeout: 10 } },
    ],
    edges: [
      { id: 'e1', from: 'Users', to: 'Api' },
      { id: 'e2', from: 'Api', to: 'Fn' },
    ],
  };
}

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('scenario store', () => {
  it('undoes and redoes every edit, and a run of edits to one field is one step', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    s().setNodeField('Fn', 'properties', 'MemorySize', 256);
    s().setNodeField('Fn', 'properties', 'MemorySize', 2048);
    s().setNodeField('Fn', 'properties', 'Timeout', 20);
    expect(s().history.past).toHaveLength(2);
    s().undo();
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 10, MemorySize: 2048 });
    s().undo();
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 10 });
    s().undo(); // nothing left: no change
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 10 });
    s().redo();
    s().redo();
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 20, MemorySize: 2048 });
  });

  it('edits of one field merge only within the typing window: 5, a pause, 50, undo -> 5', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    const field = 'ReservedConcurrentExecutions';
    s().setNodeField('Fn', 'properties', field, 5);
    vi.advanceTimersByTime(TYPING_MERGE_MS + 1); // the user runs the simulation, then comes back
    s().setNodeField('Fn', 'properties', field, 500); // a slip, corrected within the window
    vi.advanceTimersByTime(200);
    s().setNodeField('Fn', 'properties', field, 50);
    expect(s().history.past).toHaveLength(2);
    s().undo();
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 10, [field]: 5 });
    s().undo();
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 10 });
  });

  it('each keystroke resets the window, so slow but steady typing is still one step', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    for (const v of [1, 12, 128, 1280]) {
      s().setNodeField('Fn', 'properties', 'MemorySize', v);
      vi.advanceTimersByTime(TYPING_MERGE_MS - 1);
    }
    expect(s().history.past).toHaveLength(1);
  });

  it('a new focus of the field starts a new undo step even within the window', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    s().setNodeField('Fn', 'properties', 'Timeout', 2, 1);
    s().setNodeField('Fn', 'properties', 'Timeout', 20, 1);
    s().setNodeField('Fn', 'properties', 'Timeout', 30, 2);
    expect(s().history.past).toHaveLength(2);
    s().undo();
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 20 });
  });

  it('record merges by key and window; undo and redo end the merge', () => {
    let h = record(emptyHistory<string>(), 'a', 'k', { now: 0, withinMs: 1000 });
    h = record(h, 'b', 'k', { now: 1000, withinMs: 1000 });
    expect(h.past).toEqual(['a']);
    h = record(h, 'c', 'k', { now: 2001, withinMs: 1000 });
    expect(h.past).toEqual(['a', 'c']);
    h = record(h, 'd', 'other', { now: 2002, withinMs: 1000 });
    expect(h.past).toEqual(['a', 'c', 'd']);
    // no window given (a drag): merges however long the gap
    h = record(h, 'e', 'drag', { now: 0 });
    h = record(h, 'f', 'drag', { now: 1e9 });
    expect(h.past).toEqual(['a', 'c', 'd', 'e']);
  });

  it('a new edit after undo clears the redo stack', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    s().setNodeField('Fn', 'properties', 'Timeout', 5);
    s().undo();
    s().setNodeField('Api', 'properties', 'ThrottlingRateLimit', 50);
    expect(s().history.future).toHaveLength(0);
    s().redo();
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 10 });
  });

  it('keeps at most HISTORY_LIMIT undo steps', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) store.getState().setDocMeta(i % 2 ? { name: `n${i}` } : { seed: i });
    expect(store.getState().history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('removing a value that equals nothing leaves no empty objects behind', () => {
    const doc = setNodeField(sample(), 'Fn', 'properties', 'Timeout', undefined);
    expect('properties' in doc.nodes[2]).toBe(false);
    const nested = setNodeField(sample(), 'Api', 'properties', 'RedrivePolicy.maxReceiveCount', 3);
    expect(nested.nodes[1].properties).toEqual({ RedrivePolicy: { maxReceiveCount: 3 } });
    expect(setNodeField(nested, 'Api', 'properties', 'RedrivePolicy.maxReceiveCount', undefined).nodes[1].properties).toBeUndefined();
  });

  it('renaming a node renames the edges that name it and the selection, as one undo step', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    s().select({ nodes: ['Api'] });
    expect(s().renameNode('Api', 'OrdersApi')).toBeNull();
    expect(s().doc.edges).toEqual([
      { id: 'e1', from: 'Users', to: 'OrdersApi' },
      { id: 'e2', from: 'OrdersApi', to: 'Fn' },
    ]);
    expect(s().selection.nodes).toEqual(['OrdersApi']);
    s().undo();
    expect(s().doc.edges[1]).toEqual({ id: 'e2', from: 'Api', to: 'Fn' });
  });

  it('typing a name letter by letter is one undo step', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    for (const name of ['Ap', 'A', 'Ab', 'Abc']) s().renameNode(s().doc.nodes[1].id, name, 'rename:1');
    expect(s().doc.edges[1]).toEqual({ id: 'e2', from: 'Abc', to: 'Fn' });
    s().undo();
    expect(s().doc.nodes.map((n) => n.id)).toEqual(['Users', 'Api', 'Fn']);
    expect(s().doc.edges[1]).toEqual({ id: 'e2', from: 'Api', to: 'Fn' });
  });

  it('refuses an empty, malformed or duplicate name with a message, leaving the document unchanged', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const before = store.getState().doc;
    expect(store.getState().renameNode('Api', '')).toBe('Name is required');
    expect(store.getState().renameNode('Api', 'Fn')).toBe('Another node is already named Fn');
    expect(store.getState().renameNode('Api', '9lives')).toMatch(/start with a letter/);
    expect(store.getState().doc).toBe(before);
    expect(nameProblem(before, 'Api', 'Api')).toBeNull();
  });

  it('paste gives fresh unique names, keeps the edges between copied nodes and drops edges to others', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    s().select({ nodes: ['Api', 'Fn'] });
    s().copySelection();
    s().paste();
    s().paste();
    const ids = s().doc.nodes.map((n) => n.id);
    expect(ids).toEqual(['Users', 'Api', 'Fn', 'Api2', 'Fn2', 'Api3', 'Fn3']);
    expect(s().doc.edges.slice(2)).toEqual([
      { id: 'e3', from: 'Api2', to: 'Fn2' },
      { id: 'e4', from: 'Api3', to: 'Fn3' },
    ]);
    expect(s().doc.nodes[5].position).toEqual({ x: 296, y: 96 });
    expect(s().doc.nodes[4].properties).toEqual({ Timeout: 10 });
    expect(s().selection.nodes).toEqual(['Api3', 'Fn3']);
    // the copy is deep: editing the pasted node does not touch the original
    s().setNodeField('Fn2', 'properties', 'Timeout', 1);
    expect(s().doc.nodes[2].properties).toEqual({ Timeout: 10 });
  });

  it('pasteClip and uniqueName number names past ones already taken', () => {
    expect(uniqueName('Function', new Set(['Function', 'Function2']))).toBe('Function3');
    expect(uniqueName('Fn2', new Set(['Fn2', 'Fn3']))).toBe('Fn4');
    const doc = sample();
    const r = pasteClip(doc, copyNodes(doc, ['Users']), { x: 0, y: 0 });
    expect(r.ids).toEqual(['Users2']);
  });

  it('deleting a node deletes its edges; deleting an edge keeps its nodes; both undo in one step', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    s().select({ nodes: ['Api'], edges: [] });
    s().deleteSelection();
    expect(s().doc.nodes.map((n) => n.id)).toEqual(['Users', 'Fn']);
    expect(s().doc.edges).toEqual([]);
    expect(s().selection).toEqual({ nodes: [], edges: [] });
    s().undo();
    expect(s().doc.edges).toHaveLength(2);
    s().select({ nodes: [], edges: [s().doc.edges[0].id!] });
    s().deleteSelection();
    expect(s().doc.nodes).toHaveLength(3);
    expect(s().doc.edges).toEqual([{ id: 'e2', from: 'Api', to: 'Fn' }]);
  });

  it('one drag is one undo step', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    for (let x = 1; x <= 10; x++) s().moveNodes(new Map([['Fn', { x: 400 + x, y: 0 }]]), 1);
    s().moveNodes(new Map([['Fn', { x: 500, y: 0 }]]), 2);
    expect(s().history.past).toHaveLength(2);
    s().undo();
    expect(s().doc.nodes[2].position).toEqual({ x: 410, y: 0 });
  });
});

describe('autosave', () => {
  it('round-trips the document through storage', () => {
    const storage = memoryStorage();
    const doc = sample();
    saveDoc(storage, doc);
    expect(loadDoc(storage)).toEqual(doc);
  });

  it('ignores missing, corrupt or foreign saved data', () => {
    const storage = memoryStorage();
    expect(loadDoc(storage)).toBeNull();
    storage.setItem(AUTOSAVE_KEY, '{not json');
    expect(loadDoc(storage)).toBeNull();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ doc: { format: 'other', nodes: [], edges: [] } }));
    expect(loadDoc(storage)).toBeNull();
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ doc: { ...emptyDoc(), nodes: [{ id: 3 }] } }));
    expect(loadDoc(storage)).toBeNull();
  });

  it('keeps an unreadable autosave aside and says where, so the next save does not destroy it', () => {
    const storage = memoryStorage();
    expect(setAsideUnreadable(storage)).toBeNull();
    saveDoc(storage, sample());
    expect(setAsideUnreadable(storage)).toBeNull();
    storage.setItem(AUTOSAVE_KEY, '{"doc": {"format": "serverless-playground/scenario", "nodes": [');
    expect(setAsideUnreadable(storage)).toContain(`under "${UNREADABLE_KEY}"`);
    expect(storage.getItem(UNREADABLE_KEY)).toBe('{"doc": {"format": "serverless-playground/scenario", "nodes": [');
  });
});

describe('spreadOut', () => {
  it('spreads nodes drawn closer than the node size plus a gap, and leaves spaced ones alone', () => {
    const doc = sample(); // x = 0, 200, 400 on one row
    const spread = spreadOut(doc, { width: 240, height: 108 }, 96);
    expect(spread.nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 336, y: 0 },
      { x: 672, y: 0 },
    ]);
    expect(spreadOut(spread, { width: 240, height: 108 }, 96)).toBe(spread);
  });
});

describe('adding and connecting (registry rules)', () => {
  it('adds a node named after its kind, unique, and selects it; unknown types are refused', () => {
    const store = createAppStore();
    store.getState().loadDoc(sample(), { resetHistory: true });
    const s = store.getState;
    expect(s().addNode('AWS::Lambda::Function', { x: 10.4, y: 20.6 })).toBe('Function');
    expect(s().addNode('AWS::Lambda::Function', { x: 0, y: 0 })).toBe('Function2');
    expect(s().doc.nodes[3]).toEqual({ id: 'Function', type: 'AWS::Lambda::Function', position: { x: 10, y: 21 } });
    expect(s().selection.nodes).toEqual(['Function2']);
    expect(s().addNode('AWS::Nope', { x: 0, y: 0 })).toBeNull();
    expect(s().notice?.tone).toBe('error');
    expect(s().doc.nodes).toHaveLength(5);
  });

  it('connects allowed pairs without stating an inferred role, and refuses others with the reason', () => {
    const store = createAppStore();
    store.getState().loadDoc({ ...sample(), edges: [] }, { resetHistory: true });
    const s = store.getState;
    expect(s().connect('Api', 'Fn')).toEqual({ ok: true, id: 'e1' });
    expect(s().doc.edges).toEqual([{ id: 'e1', from: 'Api', to: 'Fn' }]);
    expect(s().connect('Api', 'Fn')).toEqual({ ok: false, reason: 'Api is already connected to Fn.' });
    const refused = s().connect('Api', 'Users');
    expect(refused.ok).toBe(false);
    expect(s().doc.edges).toHaveLength(1);
    s().undo();
    expect(s().doc.edges).toEqual([]);
  });
});
