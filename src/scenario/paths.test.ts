import { describe, expect, it } from 'vitest';
import { Random } from '../sim/core/random.ts';
import { Hints } from './paths.ts';

/** Plain Levenshtein distance, the reference the banded one must agree with. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** What closest() must return: the first candidate at the smallest distance, if within a third of the word. */
function expected(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

describe('Hints.closest', () => {
  it('agrees with plain edit distance on random near-miss words', () => {
    const rng = new Random(5, 'hints');
    const word = (n: number) => Array.from({ length: n }, () => 'abcdeAB'[rng.int(7)]).join('');
    for (let round = 0; round < 3000; round++) {
      const candidates = Array.from({ length: 1 + rng.int(6) }, () => word(rng.int(14)));
      let w = candidates[rng.int(candidates.length)];
      for (let edits = rng.int(5); edits > 0; edits--) {
        const at = rng.int(w.length + 1);
        w = rng.next() < 0.5 ? w.slice(0, at) + word(1) + w.slice(at + 1) : w.slice(0, at) + w.slice(at + 1);
      }
      expect(new Hints().closest(w, candidates), `${w} among ${candidates.join(',')}`).toBe(expected(w, candidates));
    }
  });

  it('gives no hint once its budget is spent', () => {
    const hints = new Hints(10);
    expect(hints.closest('ratePerSecnd', ['ratePerSecond'])).toBe('ratePerSecond');
    expect(hints.cells).toBeGreaterThanOrEqual(10);
    expect(hints.closest('ratePerSecnd', ['ratePerSecond'])).toBeUndefined();
  });
});
