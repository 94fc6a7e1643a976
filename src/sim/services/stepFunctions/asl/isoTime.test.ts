import { describe, expect, it } from 'vitest';
import { isoTimestamp } from './isoTime.ts';

describe('isoTimestamp', () => {
  it('writes what Date.toISOString writes, fractions, day and leap-day boundaries and out-of-range years included', () => {
    const base = Date.UTC(2025, 0, 1);
    const samples = [
      0, 0.9, 1, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, 86_399_999, 86_400_000,
      base, base + 12.7, base + 86_400_000 - 1, base + 86_400_000, base + 45 * 86_400_000 + 12_345.678,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2024, 2, 1), Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(10000, 0, 1), -1, -0.5, -86_400_000.25, Date.UTC(1969, 11, 31, 12),
    ];
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      samples.push(base + (x / 2 ** 31) * 40 * 86_400_000);
    }
    for (const ms of samples) expect(isoTimestamp(ms), String(ms)).toBe(new Date(ms).toISOString());
  });
});
