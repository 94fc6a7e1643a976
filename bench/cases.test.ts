import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem, validateScenario } from '../src/scenario/index.ts';
import type { BenchCase } from './benchCase.ts';

/** Every bench case's scenario is valid, without warnings (a misspelt key), at every duration it runs. */
const casesDir = join(import.meta.dirname, 'cases');
const files = readdirSync(casesDir).filter((f) => f.endsWith('.ts')).sort();

describe('bench cases', () => {
  it.each(files)('%s builds a valid scenario at each of its durations', async (file) => {
    const bench = ((await import(pathToFileURL(join(casesDir, file)).href)) as { default: BenchCase }).default;
    for (const duration of new Set([...bench.durationsSeconds, ...(bench.fullDurationsSeconds ?? [])])) {
      const checked = validateScenario(bench.scenario(duration));
      const problems = checked.ok ? checked.warnings : checked.problems;
      expect(problems.map(formatProblem), `${file} at ${duration} s`).toEqual([]);
    }
  });
});
