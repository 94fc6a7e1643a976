import { predict, smoothRate, type Prediction, type TheoryOverlay } from '../sim/theory/overlay.ts';
import type { LiveData } from './liveData.ts';

/**
 * A node's theory predictions per period, computed as periods arrive: each period's arrival rate (the overlay's
 * counters per second) is smoothed and fed to the formula with the overlay in force then, so a settings change
 * moves the line from that moment on and the past keeps what was predicted for it.
 */
export class TheoryTrack {
  private generation = -1;
  private done = 0;
  private rate: number | undefined;
  private readonly columns = new Map<string, (number | null)[]>();
  /** The prediction of the newest period, with the overlay it came from. */
  latest: { prediction: Prediction; overlay: TheoryOverlay } | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(readonly nodeId: string) {}

  /** Computes the periods received since the last call (all of them after a reset or a new run). */
  update(live: LiveData, overlay: TheoryOverlay): void {
    const index = live.index;
    if (!index) return;
    if (index.generation !== this.generation) this.reset(index.generation);
    const period = index.periodSeconds;
    const arrivals = overlay.arrivals.map((m) => live.column(this.nodeId, m));
    for (let p = this.done; p < live.periods; p++) {
      let count = 0;
      for (const col of arrivals) if (col) count += col[p];
      this.rate = smoothRate(this.rate, count / period, period);
      const prediction = predict(overlay, this.rate);
      for (const line of overlay.lines) {
        const column = this.columns.get(line.metric) ?? [];
        column[p] = prediction.ok ? line.value(prediction.figures) * (line.perSecond ? period : 1) : null;
        this.columns.set(line.metric, column);
      }
      this.latest = { prediction, overlay };
    }
    if (live.periods > this.done) {
      this.done = live.periods;
      for (const l of this.listeners) l();
    }
  }

  /**
   * The note under a chart: the newest prediction, or, when the settings changed since it (say, after the run
   * ended), the formula with `overlay`'s settings at the last measured rate; null before any period.
   */
  text(overlay: TheoryOverlay): string | null {
    const latest = this.latest;
    if (latest === null) return null;
    return latest.overlay === overlay ? latest.prediction.text : predict(overlay, this.rate ?? 0).text;
  }

  /** Calls `listener` after each update that computed new periods; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The predicted series of a metric over the periods computed (null where the formula did not apply). */
  series(metric: string): (number | null)[] {
    const column = this.columns.get(metric) ?? [];
    return Array.from({ length: this.done }, (_, p) => column[p] ?? null);
  }

  private reset(generation: number): void {
    this.generation = generation;
    this.done = 0;
    this.rate = undefined;
    this.columns.clear();
    this.latest = null;
  }
}

const tracks = new Map<string, TheoryTrack>();

/** The one track of a node (charts of the same node share it). */
export function theoryTrack(nodeId: string): TheoryTrack {
  let track = tracks.get(nodeId);
  if (!track) tracks.set(nodeId, (track = new TheoryTrack(nodeId)));
  return track;
}
