import { describe, expect, it } from 'vitest';
import { emptyDoc } from './doc.ts';
import { AUTOSAVE_KEY, readAutosave, saveDoc, type KeyValueStorage } from './autosave.ts';
import { startAutosave, type WindowEvents } from './autosaveSession.ts';
import { createAppStore } from './index.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string>; full: boolean } {
  const data = new Map<string, string>();
  const s = {
    data,
    full: false,
    getItem: (k: string) => data.get(k) ?? null,
    setItem(k: string, v: string) {
      if (s.full) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
  return s;
}

type Listener = Parameters<WindowEvents['addEventListener']>[1];
function fakeWindow() {
  const listeners = new Map<string, Set<Listener>>();
  const events: WindowEvents = {
    addEventListener: (type, l) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
    removeEventListener: (type, l) => void listeners.get(type)?.delete(l),
  };
  const fire = (type: string, e: { key?: string | null; newValue?: string | null } = {}) => {
    let prevented = false;
    for (const l of listeners.get(type) ?? []) l({ key: e.key ?? null, newValue: e.newValue ?? null, preventDefault: () => void (prevented = true) });
    return { prevented };
  };
  return { events, fire };
}

const doc = (name: string) => ({
  ...emptyDoc(name),
  nodes: [{ id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { ratePerSecond: 5 } }],
});

function setup() {
  const store = createAppStore();
  store.getState().loadDoc(doc('Mine'), { resetHistory: true });
  const storage = memoryStorage();
  const win = fakeWindow();
  const session = startAutosave(store, storage, win.events, 'tab-a');
  const otherTabSaves = (name: string) => {
    const other = memoryStorage();
    saveDoc(other, doc(name), 'tab-b');
    const raw = other.data.get(AUTOSAVE_KEY)!;
    storage.data.set(AUTOSAVE_KEY, raw);
    win.fire('storage', { key: AUTOSAVE_KEY, newValue: raw });
  };
  return { store, storage, win, session, otherTabSaves, s: store.getState };
}

describe('autosave session', () => {
  it('saves each change with the tab that wrote it', () => {
    const { s, storage, session } = setup();
    s().setDocMeta({ name: 'Renamed' });
    session.flush();
    const saved = JSON.parse(storage.data.get(AUTOSAVE_KEY)!) as { tab: string; doc: { name: string } };
    expect(saved.tab).toBe('tab-a');
    expect(saved.doc.name).toBe('Renamed');
  });

  it('tells the user when storage is full, and clears the message once a save works again', () => {
    const { s, storage, session } = setup();
    storage.full = true;
    s().setDocMeta({ name: 'Lost?' });
    session.flush();
    const failed = s().autosave;
    expect(failed.state).toBe('failed');
    expect(failed.state === 'failed' ? failed.message : '').toMatch(/^Autosave failed: this browser's storage .* is full.*Save as JSON file/);
    storage.full = false;
    s().setDocMeta({ name: 'Kept' });
    session.flush();
    expect(s().autosave).toEqual({ state: 'ok' });
  });

  it('notices another tab saving different work, stops saving, and lets the user keep this tab’s version', () => {
    const { s, storage, session, otherTabSaves, win } = setup();
    otherTabSaves('Theirs');
    const status = s().autosave;
    expect(status.state).toBe('conflict');
    s().setDocMeta({ name: 'Mine, edited' });
    session.flush();
    expect((JSON.parse(storage.data.get(AUTOSAVE_KEY)!) as { doc: { name: string } }).doc.name).toBe('Theirs');
    expect(win.fire('beforeunload').prevented).toBe(true);
    if (status.state === 'conflict') status.keepMine();
    expect(s().autosave).toEqual({ state: 'ok' });
    expect((JSON.parse(storage.data.get(AUTOSAVE_KEY)!) as { doc: { name: string } }).doc.name).toBe('Mine, edited');
  });

  it('opens the other tab’s version when chosen, with this tab’s one undo away', () => {
    const { s, otherTabSaves } = setup();
    otherTabSaves('Theirs');
    const status = s().autosave;
    if (status.state === 'conflict') status.useTheirs();
    expect(s().doc.name).toBe('Theirs');
    s().undo();
    expect(s().doc.name).toBe('Mine');
  });

  it('ignores its own saves and other tabs saving the same document', () => {
    const { s, storage, win, otherTabSaves } = setup();
    otherTabSaves('Mine');
    expect(s().autosave).toEqual({ state: 'ok' });
    saveDoc(storage, doc('Other'), 'tab-a');
    win.fire('storage', { key: AUTOSAVE_KEY, newValue: storage.data.get(AUTOSAVE_KEY)! });
    expect(s().autosave).toEqual({ state: 'ok' });
  });

  it('restores the autosave through the restore path: ids given, work in progress kept with its problems', () => {
    const storage = memoryStorage();
    const wip = {
      ...doc('Draft'),
      nodes: [...doc('Draft').nodes, { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 300, y: 0 }, properties: { Timeout: 5000 } }],
      edges: [{ from: 'Users', to: 'Fn' }],
    };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 1, doc: wip }));
    const r = readAutosave(storage);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.doc.edges).toEqual([{ id: 'e1', from: 'Users', to: 'Fn' }]);
    expect(r.changes).toEqual(['gave the connection an id']);
    expect(r.problems.map((p) => p.path)).toContain('nodes[1].properties.Timeout');
  });
});
