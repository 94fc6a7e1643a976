import { describe, expect, it } from 'vitest';
import { createAppStore } from './index.ts';
import type { PresenterScript } from './presenterSlice.ts';

const script: PresenterScript = { title: 'Reserved concurrency', steps: ['Watch Throttles', 'Raise the reservation', 'Check the cost'], charts: ['throttles'] };

describe('presenter slice', () => {
  it('steps through the script within its bounds, and starts again at the first step with a new script', () => {
    const store = createAppStore();
    const s = () => store.getState();
    expect(s().presenterScript).toBeNull();
    s().stepPresenter(1); // no script: nothing to do
    expect(s().presenterStep).toBe(0);
    s().setPresenterScript(script);
    s().stepPresenter(-1);
    expect(s().presenterStep).toBe(0);
    s().stepPresenter(1);
    s().stepPresenter(1);
    s().stepPresenter(1);
    expect(s().presenterStep).toBe(2);
    s().stepPresenter(-1);
    expect(s().presenterStep).toBe(1);
    s().setPresenterScript({ ...script, title: 'Another' });
    expect(s().presenterStep).toBe(0);
    s().setPresenterScript(null);
    expect(s().presenterScript).toBeNull();
  });

  it('keeps its own copy of the script, and names a malformed field', () => {
    const store = createAppStore();
    const steps = ['one'];
    store.getState().setPresenterScript({ title: 't', steps, charts: [] });
    steps.push('two');
    expect(store.getState().presenterScript?.steps).toEqual(['one']);
    const bad = (v: unknown) => () => store.getState().setPresenterScript(v as PresenterScript);
    expect(bad({ title: 't', steps: ['a', 3], charts: [] })).toThrow('setPresenterScript: steps[1] must be text, not 3');
    expect(bad({ title: 't', steps: [], charts: 'throttles' })).toThrow('setPresenterScript: charts must be a list of text');
    expect(bad({ steps: [], charts: [] })).toThrow('setPresenterScript: title must be text');
    expect(store.getState().presenterScript?.title).toBe('t');
  });

  it('presenting is a view state: entering and leaving leaves the document and its history alone', () => {
    const store = createAppStore();
    const doc = store.getState().doc;
    const history = store.getState().history;
    store.getState().setPresenting(true);
    expect(store.getState().presenting).toBe(true);
    store.getState().setPresenting(false);
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().history).toBe(history);
  });

  it("entering presenter mode clears the editor's information line, not an error", () => {
    const store = createAppStore();
    store.getState().notify('Imported 3 nodes', 'info');
    store.getState().setPresenting(true);
    expect(store.getState().notice).toBeNull();
    store.getState().setPresenting(false);
    store.getState().notify('The link is broken', 'error');
    store.getState().setPresenting(true);
    expect(store.getState().notice?.text).toBe('The link is broken');
  });
});
