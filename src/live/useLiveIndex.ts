import { useSyncExternalStore } from 'react';
import type { MetricIndex } from '../worker/protocol.ts';
import { live } from './liveData.ts';
import { subscribeTick } from './ticker.ts';

/** The metric index of the loaded run (changes on load and reset), or null; checked ~4 times a second. */
export function useLiveIndex(): MetricIndex | null {
  return useSyncExternalStore(subscribeTick, () => live.index, () => live.index);
}
