import { describe, expect, it } from 'vitest';
import type { CompareRow } from './compareResults.ts';
import { changeText, figureText, runningText } from './compareText.ts';

const row = (a: number | null, b: number | null, changePercent: number | null): CompareRow => ({ node: 'X', figure: 'Throttles', unit: 'count', a, b, better: null, changePercent, series: [], caveat: null });

describe('compare figures as text', () => {
  it('writes each unit', () => {
    expect(figureText(11895.6, 'count')).toBe('11,896');
    expect(figureText(412.345, 'ms')).toBe('412.3 ms');
    expect(figureText(3.456, 'ms')).toBe('3.46 ms');
    expect(figureText(0.54, 'USD')).toBe('$0.54');
    expect(figureText(0.01234, 'USD')).toBe('$0.0123');
    expect(figureText(1234.5, 'USD')).toBe('$1,234.50');
    expect(figureText(null, 'USD')).toBe('—');
  });

  it('writes the change of B against A with its sign', () => {
    expect(changeText(row(100, 13.9, -86.1))).toBe('−86%');
    expect(changeText(row(100, 104.5, 4.5))).toBe('+4.5%');
    expect(changeText(row(5, 5, 0))).toBe('0%');
    expect(changeText(row(0, 7, null))).toBe('new');
    expect(changeText(row(null, 7, null))).toBe('—');
  });
});

describe('Run both as it goes', () => {
  it('says which design runs and how far both got, and the time left once the pace is known', () => {
    expect(runningText('A', 0, 0)).toBe('Running design A (1 of 2) · 0%');
    // 3% done: too early to tell the pace.
    expect(runningText('A', 0.03, 4000)).toBe('Running design A (1 of 2) · 3%');
    // A quarter of both in 10 s: 30 s left.
    expect(runningText('A', 0.25, 10_000)).toBe('Running design A (1 of 2) · 25% · about 30 s left');
    expect(runningText('B', 0.6, 90_000)).toBe('Running design B (2 of 2) · 60% · about 1 min left');
    expect(runningText('B', 0.1, 720_000)).toBe('Running design B (2 of 2) · 10% · about 2 h left');
    expect(runningText('B', 0.99, 99_000)).toBe('Running design B (2 of 2) · 99% · about 5 s left');
  });
});
