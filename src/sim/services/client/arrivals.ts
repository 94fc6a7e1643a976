import type { Random } from '../../core/random.ts';
import type { ClientProperties } from './spec.ts';

/**
 * Arrival times of a Client's requests, in ms.
 *  - constant: evenly spaced at ratePerSecond, the first at startSeconds (times are start + n x gap, so
 *    no rounding drift).
 *  - every other pattern: a (non-homogeneous) Poisson process with rate r(t). Time is cut into segments on
 *    which an upper bound of r is known: where r is constant on the segment (poisson, step, spike, replay) every
 *    candidate is accepted, so the draw is exact; on ramp and sine segments candidates are thinned
 *    (Lewis-Shedler) against the segment's maximum. A candidate past the segment end restarts at the end
 *    (the exponential is memoryless), so no heap event is spent on rejected candidates.
 * `scale` (the run's traffic multiplier) multiplies every rate of the pattern: r(t) x scale.
 */
export class ArrivalProcess {
  private readonly pattern: ClientProperties['pattern'];
  private readonly base: number;
  private readonly peak: number;
  private readonly start: number;
  private readonly stop: number;
  private readonly at: number;
  private readonly ramp: number;
  private readonly hold: number;
  private readonly period: number;
  private readonly rates: readonly number[];
  /** Seconds: no arrival at or after this. */
  private horizon: number;
  private readonly gapMs: number;
  private constantCount = 0;

  // Set by segment(): the end of the segment (s) and whether its bound is the exact rate.
  private segEnd = 0;
  private segStart = Infinity;
  private segBound = 0;
  private exact = true;

  constructor(
    p: ClientProperties,
    private readonly rng: Random,
    horizonMs: number,
    scale = 1,
  ) {
    this.pattern = p.pattern;
    this.base = p.ratePerSecond * scale;
    this.peak = p.peakRatePerSecond * scale;
    this.start = p.startSeconds;
    this.stop = p.stopSeconds ?? Infinity;
    this.at = p.atSeconds;
    this.ramp = p.rampSeconds;
    this.hold = p.holdSeconds;
    this.period = p.periodSeconds;
    this.rates = scale === 1 ? p.rates : p.rates.map((r) => r * scale);
    this.horizon = Math.min(this.stop, horizonMs / 1000);
    this.gapMs = this.base > 0 ? 1000 / this.base : Infinity;
    // A replay with no positive rate sends nothing (and must not walk the horizon second by second).
    if (p.pattern === 'replay' && !p.rates.some((r) => r > 0)) this.horizon = 0;
  }

  /** The first arrival at or after `fromMs` (constant: on the grid start + n x gap), or Infinity. */
  first(fromMs: number): number {
    if (this.pattern === 'constant') {
      const startMs = this.start * 1000;
      this.constantCount = fromMs <= startMs ? 0 : Math.ceil((fromMs - startMs) / this.gapMs);
      return this.constantAt();
    }
    return this.nextAfter(fromMs);
  }

  /** The arrival after the one at `prevMs`, or Infinity. */
  next(prevMs: number): number {
    if (this.pattern === 'constant') {
      this.constantCount++;
      return this.constantAt();
    }
    return this.nextAfter(prevMs);
  }

  /** The rate r(t) in requests/s at `t` seconds (0 outside the window). */
  rateAt(t: number): number {
    if (t < this.start || t >= this.stop) return 0;
    switch (this.pattern) {
      case 'constant':
      case 'poisson':
        return this.base;
      case 'step':
        return t < this.at ? this.base : this.peak;
      case 'spike':
        return t >= this.at && t < this.at + this.hold ? this.peak : this.base;
      case 'ramp':
        if (t < this.at) return this.base;
        if (t >= this.at + this.ramp) return this.peak;
        return this.base + ((this.peak - this.base) * (t - this.at)) / this.ramp;
      case 'sine':
        return this.base + ((this.peak - this.base) * (1 - Math.cos((2 * Math.PI * (t - this.at)) / this.period))) / 2;
      case 'replay': {
        const n = this.rates.length;
        if (n === 0) return 0;
        return this.rates[Math.floor(t - this.start) % n];
      }
    }
  }

  private constantAt(): number {
    if (this.gapMs === Infinity) return Infinity;
    const t = this.start * 1000 + this.constantCount * this.gapMs;
    return t < this.horizon * 1000 ? t : Infinity;
  }

  private nextAfter(fromMs: number): number {
    const rng = this.rng;
    let t = fromMs / 1000;
    while (t < this.horizon) {
      // The segment found last time is reused while t stays inside it.
      if (t < this.segStart || t >= this.segEnd) {
        this.segBound = this.segment(t);
        this.segStart = t;
      }
      const bound = this.segBound;
      const end = this.segEnd < this.horizon ? this.segEnd : this.horizon;
      if (bound <= 0) {
        t = end;
        continue;
      }
      const candidate = t - Math.log(rng.nextOpen()) / bound;
      if (candidate >= end) {
        t = end;
        continue;
      }
      t = candidate;
      if (this.exact || rng.next() * bound <= this.rateAt(t)) return t * 1000;
    }
    return Infinity;
  }

  /** The rate bound on the segment holding `t` (s); sets segEnd and exact. */
  private segment(t: number): number {
    this.exact = true;
    if (t < this.start) {
      this.segEnd = this.start;
      return 0;
    }
    const at = this.at;
    switch (this.pattern) {
      case 'constant':
      case 'poisson':
        this.segEnd = Infinity;
        return this.base;
      case 'step':
        this.segEnd = t < at ? at : Infinity;
        return t < at ? this.base : this.peak;
      case 'spike':
        if (t < at) {
          this.segEnd = at;
          return this.base;
        }
        if (t < at + this.hold) {
          this.segEnd = at + this.hold;
          return this.peak;
        }
        this.segEnd = Infinity;
        return this.base;
      case 'ramp':
        if (t < at) {
          this.segEnd = at;
          return this.base;
        }
        if (t < at + this.ramp) {
          this.segEnd = at + this.ramp;
          this.exact = false;
          return Math.max(this.base, this.peak);
        }
        this.segEnd = Infinity;
        return this.peak;
      case 'sine':
        this.segEnd = Infinity;
        this.exact = false;
        return Math.max(this.base, this.peak);
      case 'replay': {
        const n = this.rates.length;
        const i = Math.floor(t - this.start + 1e-9);
        this.segEnd = this.start + i + 1;
        return n === 0 ? 0 : this.rates[i % n];
      }
    }
  }
}
