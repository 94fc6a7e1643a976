import { useCallback, useRef, useSyncExternalStore } from 'react';
import { RATE_WINDOW_MS } from './figures.ts';
import { live } from './liveData.ts';
import { currentTick, subscribeTick } from './ticker.ts';


/** A rate rounded to 3 significant digits (so tiny changes do not re-render), 0 below 0.01 or when unknown. */
export function roundRate(raw: number): number {
  if (!Number.isFinite(raw) || raw < 0.01) return 0;
  const digits = 2 - Math.floor(Math.log10(raw));
  if (digits < 0) {
    const step = 10 ** -digits;
    return Math.round(raw / step) * step;
  }
  const f = 10 ** digits;
  return Math.round(raw * f) / f;
}

/**
 * Messages per simulated second over the edge at `edgeIndex` (the scenario's edge order), averaged over
 * the last RATE_WINDOW_MS of simulated time, and the last period's once the run has finished
 * (LiveData.edgeFigure); 0 when no run is loaded. Re-renders at most ~4 times a
 * second, and only when the rounded rate changed.
 */
export function useEdgeRate(edgeIndex: number): number {
  const cache = useRef({ tick: -1, edgeIndex, value: 0 });
  const getSnapshot = useCallback(() => {
    const tick = currentTick();
    const c = cache.current;
    if (c.tick === tick && c.edgeIndex === edgeIndex) return c.value;
    const value = live.index ? roundRate(live.edgeFigure(edgeIndex, RATE_WINDOW_MS)) : 0;
    cache.current = { tick, edgeIndex, value };
    return value;
  }, [edgeIndex]);
  return useSyncExternalStore(subscribeTick, getSnapshot, getSnapshot);
}
