import * as Comlink from 'comlink';
import type { SimWorkerApi } from './protocol.ts';

/**
 * The main thread's handle on the simulation worker, created on first use so neither the engine nor
 * comlink's worker side is in the initial bundle. The main thread never simulates.
 */
let remote: Comlink.Remote<SimWorkerApi> | null = null;

// Declared here so this module also typechecks under Node's libs (the store's tests import it lazily).
declare const Worker: new (url: URL, options: { type: 'module'; name: string }) => Comlink.Endpoint;

export function simWorker(): Comlink.Remote<SimWorkerApi> {
  if (!remote) {
    // Vite recognises this exact `new Worker(new URL(...))` form and bundles the worker as its own chunk.
    const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });
    remote = Comlink.wrap<SimWorkerApi>(worker);
  }
  return remote;
}

export const frameSink = Comlink.proxy;

/** Runs a checked scenario to its end in the worker, not at live speed (a lesson's Check, a compare). */
export function runHeadless(...[sim, options, onProgress]: Parameters<SimWorkerApi['runToEnd']>): ReturnType<SimWorkerApi['runToEnd']> {
  return simWorker().runToEnd(sim, options, onProgress ? Comlink.proxy(onProgress) : undefined);
}
