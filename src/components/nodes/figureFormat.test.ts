import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../../sim/services/registry.ts';
import { figureLabel, formatFigure, formatLimit } from './figureFormat.ts';

describe('node figures', () => {
  it('keep three significant figures with k and M, and a unit for times', () => {
    expect(formatFigure(253)).toBe('253');
    expect(formatFigure(12_345)).toBe('12.3k');
    expect(formatFigure(2_500_000)).toBe('2.5M');
    expect(formatFigure(203, 'Milliseconds')).toBe('203 ms');
    expect(formatFigure(1500, 'Milliseconds')).toBe('1.5 s');
  });

  it('shorten a limit from a thousand up, so "15/1k" fits where "15/1000" was cut off', () => {
    expect(formatLimit(10)).toBe('10');
    expect(formatLimit(950)).toBe('950');
    expect(formatLimit(1000)).toBe('1k');
    expect(formatLimit(1500)).toBe('1.5k');
    expect(formatLimit(3_000_000)).toBe('3M');
  });

  it('label every node figure of every kind in at most 15 characters, not the CloudWatch names of up to 40', () => {
    for (const kind of SERVICE_KINDS)
      for (const name of kind.figures.slice(0, 3)) expect(figureLabel(kind, name).length, `${kind.type} ${name}`).toBeLessThanOrEqual(15);
  });
});
