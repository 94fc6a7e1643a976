import { describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './index.ts';
import type { RunStatus } from './simulationSlice.ts';
import { registerServiceWorkerBetweenRuns, SERVICE_WORKER_DELAY_MS, type ServiceWorkerHost } from './serviceWorker.ts';

function fakeHost(loaded: boolean) {
  const registered: [string, string][] = [];
  const loadListeners: (() => void)[] = [];
  const timers: [number, () => void][] = [];
  const host: ServiceWorkerHost = {
    loaded: () => loaded,
    onLoad: (l) => loadListeners.push(l),
    after: (ms, l) => timers.push([ms, l]),
    register: (url, { scope }) => {
      registered.push([url, scope]);
      return Promise.resolve();
    },
  };
  const fireTimers = () => timers.splice(0).forEach(([, l]) => l());
  return { host, registered, timers, fireTimers, load: () => loadListeners.forEach((l) => l()) };
}

const setStatus = (store: AppStore, status: RunStatus) => store.setState({ run: { ...store.getState().run, status } });

describe('registerServiceWorkerBetweenRuns', () => {
  it('registers the base path sw.js a little after the page has loaded', () => {
    const store = createAppStore();
    const { host, registered, timers, fireTimers, load } = fakeHost(false);
    registerServiceWorkerBetweenRuns(store, host, '/playground/');
    expect(timers).toEqual([]);
    load();
    expect(timers.map(([ms]) => ms)).toEqual([SERVICE_WORKER_DELAY_MS]);
    expect(registered).toEqual([]);
    fireTimers();
    expect(registered).toEqual([['/playground/sw.js', '/playground/']]);
  });

  it('waits while a run is loading or running, and registers once when it pauses', () => {
    const store = createAppStore();
    const { host, registered, fireTimers } = fakeHost(true);
    registerServiceWorkerBetweenRuns(store, host, '/');
    setStatus(store, 'loading');
    fireTimers();
    setStatus(store, 'running');
    store.getState().notify('a change that is not the run');
    expect(registered).toEqual([]);
    setStatus(store, 'paused');
    expect(registered).toEqual([['/sw.js', '/']]);
    setStatus(store, 'running');
    setStatus(store, 'done');
    expect(registered).toHaveLength(1);
  });

  it('does nothing where the browser has no service workers', () => {
    const store = createAppStore();
    const { host, timers } = fakeHost(true);
    registerServiceWorkerBetweenRuns(store, { ...host, register: undefined }, '/');
    expect(timers).toEqual([]);
  });
});
