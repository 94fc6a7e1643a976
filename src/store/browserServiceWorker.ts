import type { ServiceWorkerHost } from './serviceWorker.ts';

/** The page's own ServiceWorkerHost (kept apart so the registration logic is tested in Node without a DOM). */
export function browserServiceWorkerHost(): ServiceWorkerHost {
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  return {
    loaded: () => document.readyState === 'complete',
    onLoad: (listener) => window.addEventListener('load', listener, { once: true }),
    after: (ms, listener) => void setTimeout(listener, ms),
    register: sw ? (url, options) => sw.register(url, options) : undefined,
  };
}
