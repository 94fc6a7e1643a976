import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { WorkflowView } from '../sim/core/workflowView.ts';
import { live } from './liveData.ts';
import { currentTick, subscribeTick } from './ticker.ts';
import { workflowFigures, type StepFigures } from './workflowFigures.ts';

/** Live figures of a workflow node's steps (workflowFigures), refreshed with the canvas's 4 Hz ticker. */
export function useWorkflowFigures(nodeId: string, view: WorkflowView, steps: readonly string[]): Map<string, StepFigures> {
  const cache = useRef<{ tick: number; steps: readonly string[]; nodeId: string; value: Map<string, StepFigures> } | null>(null);
  const getSnapshot = useCallback(() => {
    const tick = currentTick();
    const c = cache.current;
    if (c && c.tick === tick && c.steps === steps && c.nodeId === nodeId) return c.value;
    const value = workflowFigures(live, nodeId, view, steps);
    cache.current = { tick, steps, nodeId, value };
    return value;
  }, [nodeId, view, steps]);
  return useSyncExternalStore(subscribeTick, getSnapshot, getSnapshot);
}
