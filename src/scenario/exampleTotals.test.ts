import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleFigures, exampleFiles, figureClass, TOTALS_FILE, type StoredTotals } from '../cli/exampleTotals.ts';
import { loadedModels } from '../sim/services/registry.ts';

/**
 * A regression net for engine changes: every example's whole-run figures (counters' Sum, distributions'
 * SampleCount, p50 and p99, levels' Maximum, cost) stay where they were when `npm run totals:update` last stored
 * them. Same seed, same run, so counts are held almost exactly; the slack allows a refactor that changes the
 * order of a few random draws, and quantiles get a little more for the histogram's relative error (0.4%, logHistogram.ts).
 */
const COUNT_RELATIVE = 0.02;
const COUNT_ABSOLUTE = 2;
const COST_ABSOLUTE_USD = 0.000001;
const QUANTILE_RELATIVE = 0.03;
const QUANTILE_ABSOLUTE = 0.5; // in the metric's unit (ms for latencies), for quantiles near zero

function allowedDifference(key: string, stored: number): number {
  if (figureClass(key) === 'quantile') return QUANTILE_RELATIVE * Math.abs(stored) + QUANTILE_ABSOLUTE;
  const absolute = key.startsWith('Cost.') ? COST_ABSOLUTE_USD : COUNT_ABSOLUTE;
  return COUNT_RELATIVE * Math.abs(stored) + absolute;
}

const stored = JSON.parse(readFileSync(TOTALS_FILE, 'utf8')) as StoredTotals;
const UPDATE = 'if the change is intended, run `npm run totals:update` and commit src/scenario/exampleTotals.json';

describe('examples keep their whole-run totals (src/scenario/exampleTotals.json)', () => {
  it('has stored figures for exactly the examples in examples/', () => {
    expect(Object.keys(stored).sort(), UPDATE).toEqual(exampleFiles());
  });

  it.each(exampleFiles())('%s', (file) => {
    const want = stored[file] ?? {};
    const got = exampleFigures(file, loadedModels());
    const moved: string[] = [];
    for (const node of new Set([...Object.keys(want), ...Object.keys(got)])) {
      for (const key of new Set([...Object.keys(want[node] ?? {}), ...Object.keys(got[node] ?? {})])) {
        const before = want[node]?.[key];
        const now = got[node]?.[key];
        if (before === undefined || now === undefined) {
          moved.push(`${node} ${key}: ${before === undefined ? 'not stored' : 'no longer produced'}`);
        } else if (Math.abs(now - before) > allowedDifference(key, before)) {
          moved.push(`${node} ${key}: ${before} -> ${now} (allowed ±${allowedDifference(key, before).toPrecision(3)})`);
        }
      }
    }
    expect(moved, `${file}: figures moved beyond their tolerance; ${UPDATE}`).toEqual([]);
  });
});
