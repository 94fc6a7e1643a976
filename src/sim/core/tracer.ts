import { JourneyTrace, type Journey } from './journey.ts';

/** Journeys kept per run; a new one evicts an ordinary one (not a first, not failed, not the slowest) where they are densest. */
export const MAX_JOURNEYS = 40;
/** Failed journeys are evicted only beyond this many, so ordinary and slow ones keep room. */
const MAX_FAILED = 24;
/** A source samples one request per window, and one poison message per window; a run has this many windows. */
const WINDOWS = 60;

/**
 * Decides which requests are traced and keeps their journeys (core/journey.ts). Each traffic source samples its
 * first request, then the first request of every window of the run (1/60 of its duration, at least 1 s), and
 * the first poison message of every window (a failure candidate). It depends only on the order of events on
 * the simulated clock, so the same seed traces the same requests. Sampling costs a source one comparison per
 * request; untraced messages carry a null trace.
 */
export class Tracer {
  readonly spacingMs: number;
  /** Off: no request is traced (a host that never shows journeys). */
  enabled = true;
  /** Journeys started, evicted ones included. */
  started = 0;
  private readonly kept: JourneyTrace[] = [];

  constructor(durationMs: number) {
    this.spacingMs = Math.max(1000, durationMs / WINDOWS);
  }

  /** The sampler of one traffic source. */
  source(id: string): TraceSource {
    return new TraceSource(this, id);
  }

  /** Keeps a new journey, evicting another if the store is full; false when every kept one is worth more. */
  admit(trace: JourneyTrace): boolean {
    const kept = this.kept;
    if (kept.length >= MAX_JOURNEYS) {
      const i = this.victim();
      if (i < 0) return false;
      kept[i].dropped = true;
      kept.splice(i, 1);
    }
    kept.push(trace);
    this.started++;
    return true;
  }

  /**
   * The journey to evict: of the ordinary ones (not a first, not failed, not the slowest, not the
   * newest, which may still be under way), the one whose neighbours started closest together, so the journeys
   * kept stay spread over the whole run rather than bunched at its end. Failed ones go only beyond MAX_FAILED.
   */
  private victim(): number {
    const kept = this.kept;
    let slowest = -1;
    for (let i = 0; i < kept.length; i++) if (slowest < 0 || kept[i].latencyMs > kept[slowest].latencyMs) slowest = i;
    let failed = 0;
    let best = -1;
    let bestGap = Infinity;
    for (let i = 0; i < kept.length - 1; i++) {
      const t = kept[i];
      if (t.failure !== undefined) failed++;
      else if (!t.first && i !== slowest) {
        const before = i > 0 ? kept[i - 1].startMs : t.startMs;
        const gap = kept[i + 1].startMs - before;
        if (gap < bestGap) {
          bestGap = gap;
          best = i;
        }
      }
    }
    if (best >= 0) return best;
    if (kept[kept.length - 1].failure !== undefined) failed++;
    if (failed <= MAX_FAILED) return -1;
    for (let i = 0; i < kept.length; i++) if (kept[i].failure !== undefined && !kept[i].first && i !== slowest) return i;
    return -1;
  }

  /** The kept journeys in the order they started. */
  journeys(): Journey[] {
    return this.kept.map((t) => t.toJourney());
  }
}

/** One traffic source's sampling state: a request at or after `nextAt` (or a poison one after `nextPoisonAt`) is traced. */
export class TraceSource {
  nextAt: number;
  nextPoisonAt: number;
  private first = true;

  constructor(
    private readonly tracer: Tracer,
    readonly id: string,
  ) {
    this.nextAt = tracer.enabled ? 0 : Infinity;
    this.nextPoisonAt = this.nextAt;
  }

  /** Whether a request sent now is sampled (call start if so). */
  wants(now: number, poison: boolean): boolean {
    return now >= this.nextAt || (poison && now >= this.nextPoisonAt);
  }

  /** Starts the journey of request `id` sent now, or null when the tracer keeps no more. */
  start(id: number, now: number, poison: boolean): JourneyTrace | null {
    const tracer = this.tracer;
    if (!tracer.enabled) {
      this.nextAt = this.nextPoisonAt = Infinity;
      return null;
    }
    const windowEnd = (Math.floor(now / tracer.spacingMs) + 1) * tracer.spacingMs;
    const regular = now >= this.nextAt;
    if (regular) this.nextAt = windowEnd;
    if (poison) this.nextPoisonAt = windowEnd;
    const reason = this.first
      ? `the first request of ${this.id}`
      : regular
        ? `the first request of ${this.id} after ${formatSeconds(windowEnd - tracer.spacingMs)}`
        : `the first poison message of ${this.id} after ${formatSeconds(windowEnd - tracer.spacingMs)}`;
    const trace = new JourneyTrace(id, this.id, reason, now, this.first);
    this.first = false;
    return tracer.admit(trace) ? trace : null;
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
