import type { Random } from './random.ts';

/** A duration as the scenario states it, in milliseconds (docs/scenario-format.md). */
export type DurationSpec =
  | { distribution: 'constant'; valueMs: number }
  | { distribution: 'uniform'; minMs: number; maxMs: number }
  | { distribution: 'normal'; meanMs: number; stdDevMs: number }
  | { distribution: 'lognormal'; medianMs: number; p99Ms: number }
  | { distribution: 'exponential'; meanMs: number };

/** z such that P(Z <= z) = 0.99 for a standard normal Z. */
const Z99 = 2.3263478740408408;

/** A sampler compiled once from a spec: the hot path is one closure call and no allocation. */
export type Sampler = (rng: Random) => number;

export function compileDuration(spec: DurationSpec): Sampler {
  switch (spec.distribution) {
    case 'constant': {
      const v = spec.valueMs;
      return () => v;
    }
    case 'uniform': {
      const lo = spec.minMs;
      const span = spec.maxMs - spec.minMs;
      return (rng) => lo + span * rng.next();
    }
    case 'normal': {
      const { meanMs, stdDevMs } = spec;
      if (stdDevMs === 0) return () => Math.max(0, meanMs);
      return (rng) => {
        // Truncated at 0 by rejection; fall back to 0 if the mass above 0 is vanishingly small.
        for (let i = 0; i < 64; i++) {
          const x = meanMs + stdDevMs * rng.normal();
          if (x >= 0) return x;
        }
        return 0;
      };
    }
    case 'lognormal': {
      const mu = Math.log(spec.medianMs);
      const sigma = Math.max(0, (Math.log(spec.p99Ms) - mu) / Z99);
      return (rng) => Math.exp(mu + sigma * rng.normal());
    }
    case 'exponential': {
      const mean = spec.meanMs;
      return (rng) => rng.exponential(mean);
    }
  }
}

/** The mean of a duration spec, in ms (normal: of the untruncated distribution). */
export function meanOf(spec: DurationSpec): number {
  switch (spec.distribution) {
    case 'constant':
      return spec.valueMs;
    case 'uniform':
      return (spec.minMs + spec.maxMs) / 2;
    case 'normal':
      return spec.meanMs;
    case 'lognormal': {
      const mu = Math.log(spec.medianMs);
      const sigma = (Math.log(spec.p99Ms) - mu) / Z99;
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'exponential':
      return spec.meanMs;
  }
}
