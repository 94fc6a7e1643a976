import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../store/doc.ts';
import { createAppStore } from '../store/index.ts';
import { layoutPositions } from './autoLayout.ts';
import { freeSpot } from './editorCommands.ts';
import { fileNameFor, openScenarioText } from './files.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../theme/sizes.ts';
import './editorCommands.ts';
import { commandForKey, isEnabled, findCommand, matchesShortcut, registerCommand, runCommand } from './registry.ts';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('click-to-add', () => {
  it('never drops a node on top of another: ten clicks at one centre give ten separate nodes', () => {
    const nodes: { id: string; type: string; position: { x: number; y: number } }[] = [];
    for (let i = 0; i < 10; i++) nodes.push({ id: `N${i}`, type: 'Client', position: freeSpot(nodes, { x: 100, y: 100 }) });
    expect(nodes[0].position).toEqual({ x: 100, y: 100 });
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i].position;
        const b = nodes[j].position;
        expect(Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT, `${i} and ${j}`).toBe(true);
      }
  });
});

describe('commands', () => {
  it('takes Shift+1 as it arrives from a real keyboard ("!", Digit1), and "?" with or without Shift', () => {
    expect(commandForKey({ ...key('!', { shift: true }), code: 'Digit1' }, false)?.id).toBe('zoom-to-fit');
    expect(commandForKey({ ...key('1'), code: 'Digit1' }, false)?.id).not.toBe('zoom-to-fit');
    expect(commandForKey({ ...key('?', { shift: true }), code: 'Slash' }, false)?.id).toBe('show-shortcuts');
    expect(commandForKey(key('?'), false)?.id).toBe('show-shortcuts');
    expect(commandForKey({ ...key('?', { ctrl: true, shift: true }), code: 'Slash' }, false)).toBeUndefined();
  });

  it('maps shortcuts to commands, with Mod as Ctrl or Cmd', () => {
    expect(commandForKey(key('z', { ctrl: true }), false)?.id).toBe('undo');
    expect(commandForKey(key('z', { meta: true }), true)?.id).toBe('undo');
    expect(commandForKey(key('z', { meta: true }), false)).toBeUndefined();
    expect(commandForKey(key('Z', { ctrl: true, shift: true }), false)?.id).toBe('redo');
    expect(commandForKey(key('y', { ctrl: true }), false)?.id).toBe('redo');
    expect(commandForKey(key('Delete'), false)?.id).toBe('delete');
    expect(commandForKey(key('L', { shift: true }), false)?.id).toBe('auto-layout');
    // a bare letter with Ctrl held is not the Shift+L command
    expect(matchesShortcut('Shift+L', key('l', { ctrl: true, shift: true }), false)).toBe(false);
  });

  it('undo is disabled with nothing to undo and runs through the same entry as the keyboard', () => {
    const store = createAppStore();
    store.getState().loadDoc({ ...emptyDoc(), nodes: [{ id: 'A', type: 'Client', position: { x: 0, y: 0 } }] }, { resetHistory: true });
    expect(isEnabled(findCommand('undo')!, store.getState())).toBe(false);
    expect(runCommand('undo', store)).toBe(false);
    store.getState().renameNode('A', 'B');
    expect(runCommand('undo', store)).toBe(true);
    expect(store.getState().doc.nodes[0].id).toBe('A');
    expect(runCommand('redo', store)).toBe(true);
    expect(store.getState().doc.nodes[0].id).toBe('B');
  });

  it('other features can register their own commands', () => {
    let ran = 0;
    registerCommand({ id: 'test-run', label: 'Run', shortcut: 'Mod+Enter', perform: () => void ran++ });
    expect(commandForKey(key('Enter', { ctrl: true }), false)?.id).toBe('test-run');
    expect(runCommand('test-run', createAppStore())).toBe(true);
    expect(ran).toBe(1);
  });

  it('auto-layout puts a chain left to right on the grid without overlaps', async () => {
    const doc = {
      ...emptyDoc(),
      nodes: ['A', 'B', 'C', 'D'].map((id) => ({ id, type: 'Client', position: { x: 0, y: 0 } })),
      edges: [
        { from: 'A', to: 'B' },
        { from: 'B', to: 'C' },
        { from: 'B', to: 'D' },
      ],
    };
    const p = await layoutPositions(doc);
    expect(p.get('A')!.x).toBeLessThan(p.get('B')!.x);
    expect(p.get('B')!.x).toBeLessThan(p.get('C')!.x);
    expect(p.get('C')!.x).toBe(p.get('D')!.x);
    expect(Math.abs(p.get('C')!.y - p.get('D')!.y)).toBeGreaterThanOrEqual(108);
    for (const v of p.values()) expect([v.x % 16, v.y % 16].map(Math.abs)).toEqual([0, 0]);
  });
});

describe('opening a scenario file', () => {
  const valid = {
    format: 'serverless-playground/scenario',
    version: 1,
    name: 'Imported',
    nodes: [
      { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 0, y: 0 } },
      { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 300, y: 0 }, properties: { Timeout: 10 } },
    ],
    edges: [{ from: 'Api', to: 'Fn' }],
  };

  it('opens a valid file as one undoable step', () => {
    const store = createAppStore();
    const before = store.getState().doc;
    expect(openScenarioText(store, JSON.stringify(valid), 'a.json')).toBe(true);
    expect(store.getState().doc.name).toBe('Imported');
    expect(store.getState().notice?.text).toBe('Opened Imported (changed: gave the connection an id)');
    expect(store.getState().doc.edges).toEqual([{ id: 'e1', from: 'Api', to: 'Fn' }]);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
  });

  it('refuses text that is not JSON, or a document the runner would reject, naming the path', () => {
    const store = createAppStore();
    const before = store.getState().doc;
    expect(openScenarioText(store, '{"format":', 'broken.json')).toBe(false);
    expect(store.getState().notice?.tone).toBe('error');
    expect(store.getState().notice?.text).toMatch(/^broken\.json was not opened: not valid JSON at line 1, column 11/);
    const bad = structuredClone(valid);
    bad.nodes[1].properties = { Timeout: 901 };
    expect(openScenarioText(store, JSON.stringify(bad), 'bad.json')).toBe(false);
    expect(store.getState().notice?.text).toBe('bad.json was not opened: nodes[1].properties.Timeout: must be 1..900 (s)');
    expect(store.getState().doc).toBe(before);
  });

  it('names the saved file after the scenario', () => {
    expect(fileNameFor({ ...emptyDoc('Orders API: spike!'), nodes: [], edges: [] })).toBe('orders-api-spike.json');
    expect(fileNameFor(emptyDoc('   '))).toBe('scenario.json');
  });
});
