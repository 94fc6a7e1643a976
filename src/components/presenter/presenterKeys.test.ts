import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../store/index.ts';
import '../run/runCommands.ts';
import { presenterKey } from './presenterKeys.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('presenter keys', () => {
  let store: AppStore;
  const calls: string[] = [];
  beforeEach(() => {
    store = createAppStore();
    calls.length = 0;
    store.setState({
      startRun: () => Promise.resolve(void calls.push('run')),
      pauseRun: () => void calls.push('pause'),
      resetRun: () => Promise.resolve(void calls.push('reset')),
    });
    store.getState().setPresenterScript({ title: 'T', steps: ['a', 'b'], charts: [] });
  });

  it('do nothing unless presenting', () => {
    expect(presenterKey(key(' '), store)).toBe(false);
    expect(presenterKey(key('ArrowRight'), store)).toBe(false);
    expect(calls).toEqual([]);
    expect(store.getState().presenterStep).toBe(0);
  });

  it('Space runs and pauses, R resets, arrows step, Esc leaves', () => {
    store.getState().setPresenting(true);
    expect(presenterKey(key(' '), store)).toBe(true);
    store.setState({ run: { ...store.getState().run, status: 'running' } });
    presenterKey(key(' '), store);
    presenterKey(key('r'), store);
    expect(calls).toEqual(['run', 'pause', 'reset']);
    presenterKey(key('ArrowRight'), store);
    expect(store.getState().presenterStep).toBe(1);
    presenterKey(key('ArrowLeft'), store);
    expect(store.getState().presenterStep).toBe(0);
    expect(presenterKey(key('x'), store)).toBe(false);
    expect(presenterKey(key('r', { ctrlKey: true }), store)).toBe(false);
    expect(calls).toHaveLength(3);
    presenterKey(key('Escape'), store);
    expect(store.getState().presenting).toBe(false);
  });

  it('Esc closes the shortcuts dialog first, not presenter mode', () => {
    store.getState().setPresenting(true);
    store.getState().setShortcutsOpen(true);
    expect(presenterKey(key('Escape'), store)).toBe(false);
    expect(store.getState().presenting).toBe(true);
  });
});
