/** A kind-specific record the model keeps for one sampled run (e.g. an execution's event history). */
export interface SampledRun {
  /** Why this run was sampled, e.g. "first started in period 3". */
  reason: string;
  status: string;
  startMs: number;
  stopMs?: number;
  events: SampledEvent[];
  /** Events left out beyond the sample's size limit. */
  omitted: number;
}

export interface SampledEvent {
  id: number;
  timeMs: number;
  type: string;
  step?: string;
  /** A short description: the error and cause, a retry's delay, the resource called. */
  detail?: string;
}
