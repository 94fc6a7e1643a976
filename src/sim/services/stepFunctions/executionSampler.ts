/**
 * Which executions keep their event history (the console's view of one execution, on the simulated clock):
 * per period, the first execution started; and, until one of them fails in that period, one execution at a
 * time as a candidate for "first failed" (the first to fail among executions sampled one after another).
 * Every other execution records nothing, so sampling costs two comparisons per start. Deterministic for a
 * seed: it depends only on the order of events.
 */
import type { SampledEvent, SampledRun } from '../../core/sampledRun.ts';
import type { Json } from './asl/errors.ts';
import type { Execution } from './asl/execution.ts';
import type { HistoryEvent } from './asl/types.ts';

/** Sampled runs kept (the oldest finished ones are dropped first). */
export const KEPT_SAMPLES = 12;
/** Events a sample shows; a longer history (a big Map) is cut with a count of what was left out. */
export const SAMPLE_EVENTS = 400;

interface Sample {
  reasons: string[];
  period: number;
  execution: Execution;
}

export class ExecutionSampler {
  private firstPeriod = -1;
  private failedPeriod = -1;
  private candidate: Sample | null = null;
  private readonly samples: Sample[] = [];

  /** Whether an execution starting now, in `period` (0-based), records its history; call `started` if so. */
  wants(period: number): boolean {
    return period !== this.firstPeriod || (period !== this.failedPeriod && this.candidate === null);
  }

  started(period: number, execution: Execution): void {
    const sample: Sample = { reasons: [], period, execution };
    if (period !== this.firstPeriod) {
      this.firstPeriod = period;
      sample.reasons.push(`first started in period ${period + 1}`);
      this.keep(sample);
    }
    if (period !== this.failedPeriod && this.candidate === null) this.candidate = sample;
  }

  /** A sampled execution ended: a failed candidate becomes the period's failed sample; another candidate may start. */
  ended(execution: Execution): void {
    const c = this.candidate;
    if (!c || c.execution !== execution) return;
    this.candidate = null;
    if (execution.status === 'SUCCEEDED') return;
    if (this.failedPeriod === c.period) return;
    this.failedPeriod = c.period;
    c.reasons.push(`first to fail of the executions sampled one at a time in period ${c.period + 1}`);
    if (!this.samples.includes(c)) this.keep(c);
  }

  private keep(sample: Sample): void {
    this.samples.push(sample);
    if (this.samples.length > KEPT_SAMPLES) {
      const i = this.samples.findIndex((s) => s.execution.status !== 'RUNNING');
      this.samples.splice(i < 0 ? 0 : i, 1);
    }
  }

  /** The kept samples, newest first, as the app shows them. */
  runs(): SampledRun[] {
    return this.samples
      .slice()
      .reverse()
      .map(({ reasons, execution }) => {
        const history = execution.history ?? [];
        const outcome = execution.outcome;
        return {
          reason: reasons.join('; '),
          status: execution.status,
          startMs: history[0]?.timeMs ?? 0,
          ...(outcome ? { stopMs: outcome.stopMs } : {}),
          events: history.slice(0, SAMPLE_EVENTS).map(sampledEvent),
          omitted: Math.max(0, history.length - SAMPLE_EVENTS),
        };
      });
  }
}

/** One history event with a one-line description of its detail (the error and cause, a retry's delay, the resource). */
export function sampledEvent(e: HistoryEvent): SampledEvent {
  const detail = describe(e.detail);
  return { id: e.id, timeMs: e.timeMs, type: e.type, ...(e.stateName !== undefined ? { step: e.stateName } : {}), ...(detail ? { detail } : {}) };
}

function describe(detail: Json | undefined): string {
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) return '';
  const parts: string[] = [];
  const error = detail.error ?? detail.Error;
  const cause = detail.cause ?? detail.Cause;
  if (typeof error === 'string') parts.push(typeof cause === 'string' && cause !== '' ? `${error}: ${cause}` : error);
  if (typeof detail.retryDelayMs === 'number') parts.push(`retry ${typeof detail.retryAttempt === 'number' ? detail.retryAttempt : '?'} in ${seconds(detail.retryDelayMs)}`);
  if (typeof detail.resource === 'string') parts.push(detail.resource);
  if (typeof detail.index === 'number') parts.push(`item ${detail.index}`);
  if (typeof detail.length === 'number') parts.push(`${detail.length} items`);
  if (parts.length === 0) {
    for (const key of ['input', 'output', 'parameters'] as const) {
      if (key in detail) parts.push(`${key} ${clip(JSON.stringify(detail[key]))}`);
    }
  }
  return parts.join(' · ');
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toPrecision(4))} s` : `${Math.round(ms)} ms`;
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
