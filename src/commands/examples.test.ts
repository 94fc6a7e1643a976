import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { emptyDoc } from '../store/doc.ts';
import { createAppStore } from '../store/index.ts';
import { loadExampleList, openExample, type ExampleLoaders } from './examples.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

function fakeLoaders(docs: Record<string, unknown>): ExampleLoaders {
  return Object.fromEntries(Object.entries(docs).map(([file, doc]) => [`../../examples/${file}`, () => Promise.resolve(doc)]));
}

const tiny = {
  ...emptyDoc('Tiny'),
  description: 'One client and one function.',
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 0 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 400, y: 0 } },
  ],
  edges: [{ from: 'Users', to: 'Fn' }],
};

describe('examples gallery', () => {
  it('lists every examples/*.json file (not examples/bad/) with its name and a description', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    const list = await loadExampleList();
    expect(list.map((e) => e.file).sort()).toEqual(files.sort());
    expect(list.some((e) => e.file.includes('bad'))).toBe(false);
    for (const e of list) {
      expect(e.name.length, e.file).toBeGreaterThan(0);
      expect(e.description.length, e.file).toBeGreaterThan(0);
    }
    expect(list.find((e) => e.file === 'spike.json')?.description).toMatch(/5,000 requests\/s/);
  });

  it('sorts by name, describes a document without a description by its size, and skips non-scenarios', async () => {
    const list = await loadExampleList(
      fakeLoaders({ 'b.json': { ...tiny, name: 'B', description: undefined }, 'a.json': { ...tiny, name: 'A' }, 'x.json': { hello: 1 } }),
    );
    expect(list).toEqual([
      { file: 'a.json', name: 'A', description: 'One client and one function.' },
      { file: 'b.json', name: 'B', description: '2 services, 1 connections' },
    ]);
  });

  it('opening an example replaces the document as one undo step and keeps its description', async () => {
    const store = createAppStore();
    const mine = { ...emptyDoc('Mine'), nodes: [{ id: 'Q', type: 'AWS::SQS::Queue', position: { x: 0, y: 0 } }], edges: [] };
    store.getState().loadDoc(mine, { resetHistory: true });
    expect(await openExample(store, 'tiny.json', fakeLoaders({ 'tiny.json': tiny }))).toBe(true);
    const s = store.getState;
    expect(s().doc.name).toBe('Tiny');
    expect(s().doc.description).toBe('One client and one function.');
    expect(s().doc.nodes.map((n) => n.id)).toEqual(['Users', 'Fn']);
    expect(s().history.past).toHaveLength(1);
    s().undo();
    expect(s().doc).toBe(mine);
  });

  it('resets a loaded run so it starts again from 0 s with the example', async () => {
    const store = createAppStore();
    const resetRun = vi.fn(async () => {});
    const pauseRun = vi.fn();
    store.setState({ run: { ...store.getState().run, status: 'running' }, resetRun, pauseRun });
    await openExample(store, 'tiny.json', fakeLoaders({ 'tiny.json': tiny }));
    expect(pauseRun).toHaveBeenCalledTimes(1);
    expect(resetRun).toHaveBeenCalledTimes(1);
  });

  it('refuses an unknown or invalid example with a message naming it, leaving the document alone', async () => {
    const store = createAppStore();
    const before = store.getState().doc;
    expect(await openExample(store, 'nope.json', fakeLoaders({}))).toBe(false);
    expect(store.getState().notice?.text).toBe('There is no example named nope.json');
    const broken = { ...tiny, nodes: [{ id: 'Fn', type: 'AWS::Lambda::Function', properties: { Timeout: 5000 } }], edges: [] };
    expect(await openExample(store, 'broken.json', fakeLoaders({ 'broken.json': broken }))).toBe(false);
    expect(store.getState().notice?.text).toMatch(/^Example broken\.json was not opened: nodes\[0\]\.properties\.Timeout/);
    expect(store.getState().doc).toBe(before);
  });
});
