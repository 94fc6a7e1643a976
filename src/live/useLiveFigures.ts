import { useCallback, useRef, useSyncExternalStore } from 'react';
import { figuresOf, sameFigures } from './figures.ts';
import { live } from './liveData.ts';
import { currentTick, subscribeTick } from './ticker.ts';

/**
 * Latest live figures of a node (see figuresOf), or null when no run includes it. Re-renders at most
 * ~4 times a second, and only when a value changed.
 */
export function useLiveFigures(nodeId: string): Record<string, number> | null {
  const cache = useRef<{ tick: number; nodeId: string; value: Record<string, number> | null } | null>(null);
  const getSnapshot = useCallback(() => {
    const tick = currentTick();
    const c = cache.current;
    if (c && c.tick === tick && c.nodeId === nodeId) return c.value;
    const next = figuresOf(live, nodeId);
    const value = c && c.nodeId === nodeId && sameFigures(c.value, next) ? c.value : next;
    cache.current = { tick, nodeId, value };
    return value;
  }, [nodeId]);
  return useSyncExternalStore(subscribeTick, getSnapshot, getSnapshot);
}
