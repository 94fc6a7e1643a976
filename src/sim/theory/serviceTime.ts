import { meanOf, type DurationSpec } from '../core/distributions.ts';

/** z such that P(Z <= z) = 0.99 for a standard normal Z (as in core/distributions.ts). */
const Z99 = 2.3263478740408408;

/** P(Z > z) for a standard normal Z (Abramowitz and Stegun 7.1.26 for erfc, error below 1.5e-7). */
function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** The probability that a duration drawn from `spec` is above `ms` (normal: the untruncated distribution). */
export function probabilityAbove(spec: DurationSpec, ms: number): number {
  switch (spec.distribution) {
    case 'constant':
      return spec.valueMs > ms ? 1 : 0;
    case 'uniform':
      if (spec.maxMs <= spec.minMs) return spec.minMs > ms ? 1 : 0;
      return Math.min(1, Math.max(0, (spec.maxMs - ms) / (spec.maxMs - spec.minMs)));
    case 'normal':
      return spec.stdDevMs === 0 ? (spec.meanMs > ms ? 1 : 0) : normalTail((ms - spec.meanMs) / spec.stdDevMs);
    case 'lognormal': {
      const mu = Math.log(spec.medianMs);
      const sigma = (Math.log(spec.p99Ms) - mu) / Z99;
      if (ms <= 0) return 1;
      return sigma <= 0 ? (spec.medianMs > ms ? 1 : 0) : normalTail((Math.log(ms) - mu) / sigma);
    }
    case 'exponential':
      return ms <= 0 ? 1 : Math.exp(-ms / spec.meanMs);
  }
}

/** A duration in words: "exponential, mean 100 ms", "lognormal, median 50 ms, p99 200 ms (mean 71 ms)". */
export function describeDuration(spec: DurationSpec, scale = 1): string {
  const ms = (v: number) => `${+(v * scale).toFixed(v * scale < 10 ? 2 : 0)} ms`;
  const mean = `mean ${ms(meanOf(spec))}`;
  switch (spec.distribution) {
    case 'constant':
      return `constant ${ms(spec.valueMs)}`;
    case 'uniform':
      return `uniform ${ms(spec.minMs)}..${ms(spec.maxMs)} (${mean})`;
    case 'normal':
      return `normal, ${mean}, sd ${ms(spec.stdDevMs)}`;
    case 'lognormal':
      return `lognormal, median ${ms(spec.medianMs)}, p99 ${ms(spec.p99Ms)} (${mean})`;
    case 'exponential':
      return `exponential, ${mean}`;
  }
}
