import { describe, expect, it, vi } from 'vitest';
import { encodeShare } from '../scenario/index.ts';
import { emptyDoc } from './doc.ts';
import type { KeyValueStorage } from './autosave.ts';
import { createAppStore } from './index.ts';
import { copyShareLink, hashWith, LAST_LINK_KEY, openLinkAtStart, startUrlSync, type AddressBar } from './shareLinks.ts';

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function fakeBar(hash = ''): AddressBar & { current: string; writes: number } {
  const bar = {
    current: hash,
    writes: 0,
    hash: () => bar.current,
    replaceHash: (h: string) => {
      bar.current = h;
      bar.writes++;
    },
    base: () => 'https://play.example/',
  };
  return bar;
}

const shared = {
  ...emptyDoc('Shared by the teacher'),
  seed: 99,
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { ratePerSecond: 50 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', from: 'Users', to: 'Fn' }],
};
const mine = { ...emptyDoc('My own work'), nodes: [{ id: 'Mine', type: 'Client', position: { x: 0, y: 0 } }], edges: [] };

function storeWithMine() {
  const store = createAppStore();
  store.getState().loadDoc(mine, { resetHistory: true });
  return store;
}

describe('opening a share link at start', () => {
  it('opens the scenario with its seed, speed and selected node; undo brings the user’s work back', async () => {
    const store = storeWithMine();
    const bar = fakeBar(`#${await encodeShare({ doc: shared, speed: 20, selected: 'Fn' })}`);
    await openLinkAtStart(store, bar, memoryStorage(), true);
    const s = store.getState();
    expect(s.doc).toEqual(shared);
    expect(s.run.speed).toBe(20);
    expect(s.selection.nodes).toEqual(['Fn']);
    expect(s.notice?.text).toBe('Opened the shared scenario "Shared by the teacher"; undo brings your own work back');
    s.undo();
    expect(store.getState().doc.name).toBe('My own work');
  });

  it('leaves the user’s work untouched and says why when the link is damaged', async () => {
    const store = storeWithMine();
    const before = store.getState().doc;
    const good = await encodeShare({ doc: shared });
    await openLinkAtStart(store, fakeBar(`#${good.slice(0, -30)}`), memoryStorage(), true);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().history.past).toHaveLength(0);
    expect(store.getState().notice).toMatchObject({
      tone: 'error',
      text: 'This link could not be opened: the link is damaged: its compressed data is not valid (was it cut short or changed when pasted?). Your own work is open instead, unchanged.',
    });
  });

  it('keeps the autosave on a reload of a link this tab wrote itself', async () => {
    const store = storeWithMine();
    const value = await encodeShare({ doc: shared });
    const session = memoryStorage();
    session.setItem(LAST_LINK_KEY, value.slice(2));
    await openLinkAtStart(store, fakeBar(`#${value}`), session, true);
    expect(store.getState().doc.name).toBe('My own work');
    expect(store.getState().notice).toBeNull();
  });

  it('keeps the autosave on a reload whose address holds an earlier link this tab wrote, not only the last', async () => {
    // A reload right after an edit takes the address as it was; the edit's link can still be written, in the
    // page being left, after that: the fragment reloaded is then the tab's last but one.
    vi.useFakeTimers();
    try {
      const writer = storeWithMine();
      const bar = fakeBar('');
      const session = memoryStorage();
      startUrlSync(writer, bar, session);
      await vi.advanceTimersByTimeAsync(600);
      await vi.waitFor(() => expect(bar.current).toMatch(/^#s=1\./));
      const reloaded = bar.current;
      writer.getState().setDocMeta({ name: 'My own work, edited' });
      await vi.advanceTimersByTimeAsync(600);
      await vi.waitFor(() => expect(bar.current).not.toBe(reloaded));

      const store = createAppStore();
      store.getState().loadDoc(writer.getState().doc, { resetHistory: true }); // the autosave, flushed on unload
      await openLinkAtStart(store, fakeBar(reloaded), session, true);
      expect(store.getState().doc.name).toBe('My own work, edited');
      expect(store.getState().notice).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the address bar and the Copy link button', () => {
  it('keeps other fragment parameters', () => {
    expect(hashWith('#embed&s=1.old', 's=1.new')).toBe('#embed&s=1.new');
    expect(hashWith('#s=1.old', null)).toBe('');
  });

  it('follows edits with one debounced replaceState, and drops the link while the document is invalid', async () => {
    vi.useFakeTimers();
    try {
      const store = storeWithMine();
      const bar = fakeBar('');
      startUrlSync(store, bar, memoryStorage());
      for (const name of ['a', 'ab', 'abc']) store.getState().setDocMeta({ name });
      await vi.advanceTimersByTimeAsync(600);
      await vi.waitFor(() => expect(bar.current).toMatch(/^#s=1\./));
      expect(bar.writes).toBe(1);
      store.getState().setDocMeta({ durationSeconds: -5 });
      await vi.advanceTimersByTimeAsync(600);
      await vi.waitFor(() => expect(bar.current).toBe(''));
    } finally {
      vi.useRealTimers();
    }
  });

  it('copies a link that opens the same scenario, or refuses an invalid one with the reason', async () => {
    const store = createAppStore();
    store.getState().loadDoc(shared, { resetHistory: true });
    const clipboard = { text: '', writeText: (t: string) => Promise.resolve(void (clipboard.text = t)) };
    const link = await copyShareLink(store, fakeBar('#embed'), clipboard);
    expect(clipboard.text).toBe(link);
    expect(link).toMatch(/^https:\/\/play\.example\/#embed&s=1\.[A-Za-z0-9_-]+$/);
    expect(store.getState().notice?.text).toMatch(/^Link copied \(\d+ characters\)/);
    const reopened = storeWithMine();
    await openLinkAtStart(reopened, fakeBar(link!.slice(link!.indexOf('#'))), memoryStorage(), true);
    expect(reopened.getState().doc).toEqual(shared);
    expect(reopened.getState().run.trafficScale).toBe(1);

    // "What happens at 10x?" is shared with its multiplier (a run option, not in the document).
    store.getState().setTrafficScale(10);
    const tenfold = await copyShareLink(store, fakeBar(''), clipboard);
    expect(store.getState().notice?.text).toMatch(/sees this scenario, seed and speed, at 10× traffic\.$/);
    const atTen = storeWithMine();
    await openLinkAtStart(atTen, fakeBar(tenfold!.slice(tenfold!.indexOf('#'))), memoryStorage(), true);
    expect(atTen.getState().run.trafficScale).toBe(10);
    expect(atTen.getState().doc).toEqual(shared);

    store.getState().setNodeField('Fn', 'properties', 'Timeout', 5000);
    expect(await copyShareLink(store, fakeBar(''), clipboard)).toBeNull();
    expect(store.getState().notice?.text).toBe('The link was not copied: fix the scenario first (Fn › Timeout: must be 1..900 (s)); a link to it would not open.');
  });
});
