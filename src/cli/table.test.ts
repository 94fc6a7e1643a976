import { describe, expect, it } from 'vitest';
import type { ResultDocument } from '../sim/result.ts';
import { parseArgs } from './args.ts';
import { resultJson } from './resultJson.ts';
import { formatNumber, formatUSD, grid, summaryText } from './table.ts';

describe('summary table', () => {
  it('formats numbers with thousands separators and sensible decimals', () => {
    expect([1234567, 91.234, 5.678, 0.01234, 0, 1200.7, 0.0000012].map(formatNumber)).toEqual([
      '1,234,567', '91.23', '5.68', '0.012', '0', '1,201', '0.0000012',
    ]);
    expect([0, 0.125625, 0.5, 1234.5].map(formatUSD)).toEqual(['$0', '$0.125625', '$0.5000', '$1,234.50']);
  });

  it('aligns text left and numbers right', () => {
    expect(grid([['a', '1'], ['long', '1,000']], [false, true])).toEqual(['a         1', 'long  1,000']);
  });

  it('shows headline figures and Cost, and counts the metrics that stayed at 0', () => {
    const result: ResultDocument = {
      format: 'serverless-playground/result', version: 1, scenario: 'S', seed: 1, simulatedSeconds: 60, events: 1000,
      wallSeconds: 0.5, periodSeconds: 1, warnings: ['Fn: a note'], stopped: 'stopped after 1,000 events',
      cost: { totalUSD: 0.5, nodes: { Fn: 0.5 } },
      nodes: {
        Fn: {
          type: 'T',
          series: { Invocations: [10, 40, 25, 25] },
          totals: {
            Invocations: { Sum: 1500 },
            Throttles: { Sum: 0 },
            Errors: { Sum: 0 },
            Duration: { SampleCount: 1500, Sum: 150000, Average: 100, Minimum: 1, Maximum: 900, p50: 80, p90: 200, p99: 400 },
            Queue: { Average: 0, Maximum: 0, Minimum: 0 },
            Cost: { Sum: 0.5 },
          },
        },
      },
    };
    const text = summaryText(result, () => ({
      figures: ['Invocations', 'Throttles'],
      metrics: [{ name: 'Duration', kind: 'distribution', unit: 'Milliseconds', help: '' }],
    }));
    expect(text.split('\n')).toEqual([
      'S: 60 s simulated, seed 1, 1,000 events in 0.50 s (2,000 events/s); period 1 s',
      "A counter's Average and Maximum are per period (1 s); a level's Average is time-weighted.",
      '',
      'Fn  T',
      '  Metric                                  Sum  Average  p50  p99  Maximum  Unit',
      '  Invocations                           1,500      375                 40',
      '  Throttles                                 0',
      '  Duration (1,500 samples)                         100   80  400      900  ms',
      '  Cost                                $0.5000                              USD',
      '  (2 more metrics were 0 throughout)',
      '',
      'Total cost: $0.5000',
      '',
      'Warnings:',
      '  Fn: a note',
      '',
      'Stopped early: stopped after 1,000 events',
    ]);
  });
});

describe('result JSON and arguments', () => {
  it('writes series and flat objects on one line, nested objects indented', () => {
    expect(resultJson({ a: 1, t: { Sum: 2 }, s: { x: [1, 2.5] }, e: [], o: {} })).toBe(
      '{\n  "a": 1,\n  "t": { "Sum": 2 },\n  "s": {\n    "x": [1, 2.5]\n  },\n  "e": [],\n  "o": {}\n}\n',
    );
  });

  it('parses options in both forms', () => {
    expect(parseArgs(['x.json', '--seed=5', '--duration', '60', '--out', 'r.json', '-q'])).toEqual({
      ok: true,
      args: { file: 'x.json', seed: 5, durationSeconds: 60, out: 'r.json', quiet: true, help: false },
    });
    expect(parseArgs([])).toEqual({ ok: false, problems: ['no scenario file given (e.g. npm run sim -- examples/api-lambda.json)'] });
    expect(parseArgs(['a.json', '--out'])).toEqual({ ok: false, problems: ['--out: needs a value'] });
  });

  it('reads --traffic as a multiplier 0.1x..100x, with or without the x', () => {
    const traffic = (v: string) => {
      const r = parseArgs(['a.json', '--traffic', v]);
      return r.ok ? r.args.trafficScale : r.problems;
    };
    expect(traffic('5x')).toBe(5);
    expect(traffic('0.5')).toBe(0.5);
    expect(traffic('100X')).toBe(100);
    for (const bad of ['0.05x', '101x', 'fast', '0x10', 'x', '-2x']) {
      expect(traffic(bad)).toEqual([`--traffic: must be a multiplier 0.1x..100x such as 5x or 0.5, not "${bad}"`]);
    }
  });
});
