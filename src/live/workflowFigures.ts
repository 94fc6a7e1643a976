import type { StepCounter, WorkflowView } from '../sim/core/workflowView.ts';
import type { LiveData } from './liveData.ts';

/** How a step is coloured: failing (a failing counter rose recently), retrying, active (entered), idle. */
export type StepTone = 'failing' | 'retrying' | 'active' | 'idle';

export interface StepFigures {
  /** Each counter of the view, in its order: the total so far (NaN when the run does not publish it). */
  counts: number[];
  /** p99 duration in the last closed period, ms (NaN before one closes or when the step did not end in it). */
  p99: number;
  tone: StepTone;
}

/** Simulated ms over which a counter's rise counts as "recent" while a run plays. */
export const RECENT_MS = 5000;

/**
 * Live figures of each step of a workflow node: totals of the view's counters, p99 latency, and a tone from
 * what happened recently. Once the whole run has arrived, "recent" is the last period (as for node figures,
 * figures.ts), so the same seed always shows the same colours.
 */
export function workflowFigures(live: LiveData, nodeId: string, view: WorkflowView, steps: readonly string[]): Map<string, StepFigures> {
  const finished = !!live.index && live.periods > 0 && live.periods >= live.index.maxPeriods;
  const recent = (c: StepCounter, step: string) => {
    const metric = c.metric(step);
    if (!finished) return live.increase(nodeId, metric, RECENT_MS);
    return lastOf(live.column(nodeId, metric));
  };
  const out = new Map<string, StepFigures>();
  for (const step of steps) {
    const counts = view.counters.map((c) => live.instant(nodeId, c.metric(step)));
    let tone: StepTone = counts.some((v) => v > 0) ? 'active' : 'idle';
    if (view.counters.some((c) => c.tone === 'retrying' && recent(c, step) > 0)) tone = 'retrying';
    if (view.counters.some((c) => c.tone === 'failing' && recent(c, step) > 0)) tone = 'failing';
    const samples = lastOf(live.column(nodeId, `${view.duration(step)}.SampleCount`));
    out.set(step, { counts, p99: samples > 0 ? lastOf(live.column(nodeId, `${view.duration(step)}.p99`)) : NaN, tone });
  }
  return out;
}

function lastOf(values: Float64Array | null): number {
  return values && values.length > 0 ? values[values.length - 1] : NaN;
}
