import type { AppStore } from './index.ts';

export interface ServiceWorkerHost {
  /** Whether the page has loaded (document.readyState 'complete'). */
  loaded(): boolean;
  onLoad(listener: () => void): void;
  /** Calls `listener` once after `ms` (setTimeout). */
  after(ms: number, listener: () => void): void;
  /** navigator.serviceWorker.register, or undefined where the browser has no service workers. */
  register: ((url: string, options: { scope: string }) => Promise<unknown>) | undefined;
}

/** How long after load the page waits for a first Run before it installs the service worker. */
export const SERVICE_WORKER_DELAY_MS = 3000;

/**
 * Registers the service worker that makes the app work offline (vite-plugin-pwa's sw.js) a little after the page
 * has loaded, and never while a simulation runs. Its install precaches the whole build (about 2.5 MB and 2.5 s
 * of a thread on a two-core machine); a first visit that presses Run at once would otherwise share the processor
 * three ways (page, simulation worker, precache) and the charts would stutter. A run that starts first puts it
 * off until the run pauses or ends.
 */
export function registerServiceWorkerBetweenRuns(store: AppStore, host: ServiceWorkerHost, baseUrl: string): void {
  const register = host.register;
  if (!register) return;
  const running = () => {
    const status = store.getState().run.status;
    return status === 'running' || status === 'loading';
  };
  const whenIdle = () => {
    if (!running()) {
      void register(`${baseUrl}sw.js`, { scope: baseUrl }).catch(() => undefined);
      return;
    }
    const stop = store.subscribe(() => {
      if (running()) return;
      stop();
      whenIdle();
    });
  };
  const soon = () => host.after(SERVICE_WORKER_DELAY_MS, whenIdle);
  if (host.loaded()) soon();
  else host.onLoad(soon);
}
