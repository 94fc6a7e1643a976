import { describe, expect, it } from 'vitest';
import type { ResultDocument } from '../../sim/result.ts';
import { closeMatches } from './closeMatches.ts';
import { evaluateCheck, SECONDS_PER_MONTH, type CheckOutcome } from './evaluate.ts';
import { parseCheck } from './parser.ts';

const result: ResultDocument = {
  format: 'serverless-playground/result',
  version: 1,
  scenario: 'test',
  seed: 1,
  simulatedSeconds: 600,
  events: 0,
  wallSeconds: 0,
  periodSeconds: 1,
  warnings: [],
  cost: { totalUSD: 0.5, nodes: { Fn: 0.4, 'Api-1': 0.1 } },
  nodes: {
    Users: { type: 'Client', totals: { Requests: { Sum: 1000 }, Throttled: { Sum: 25 }, Latency: { p50: 80, p99: 400, SampleCount: 1000 } }, series: {} },
    'Api-1': { type: 'AWS::ApiGateway::RestApi', totals: { Count: { Sum: 1000 }, '4XXError': { Sum: 25 } }, series: {} },
    Fn: {
      type: 'AWS::Lambda::Function',
      totals: {
        Throttles: { Sum: 25 },
        ConcurrentExecutions: { Average: 10, Maximum: 50, Minimum: 0 },
        'GetRecords.IteratorAgeMilliseconds': { Maximum: 1500, Average: 100, Minimum: 0 },
        'State:Large order?:Entered': { Sum: 7 },
      },
      series: {},
    },
  },
};

function run(text: string): CheckOutcome {
  return evaluateCheck(text, result);
}
function passes(text: string): boolean {
  const o = run(text);
  if (!o.ok) throw new Error(o.message);
  return o.pass;
}
function error(text: string): string {
  const o = run(text);
  if (o.ok) throw new Error(`"${text}" was accepted`);
  return o.message;
}

describe('check language: evaluation', () => {
  it('reads node.metric.statistic figures and compares them', () => {
    expect(passes('Users.Throttled.Sum == 25')).toBe(true);
    expect(passes('Users.Throttled.Sum == 0')).toBe(false);
    expect(passes('Users.Latency.p99 <= 400 and Users.Latency.p50 < 100')).toBe(true);
    expect(passes('Users.Latency.p99 < 400')).toBe(false);
    expect(passes('Fn.ConcurrentExecutions.Maximum >= 50')).toBe(true);
    expect(passes('Fn.ConcurrentExecutions.Maximum > 50')).toBe(false);
    expect(passes('Fn.Throttles.Sum != 0')).toBe(true);
  });

  it('has and, or, not and parentheses with and binding tighter than or', () => {
    expect(passes('Users.Throttled.Sum == 0 or Fn.Throttles.Sum == 25')).toBe(true);
    expect(passes('Users.Throttled.Sum == 0 and Fn.Throttles.Sum == 25')).toBe(false);
    expect(passes('not Users.Throttled.Sum == 0')).toBe(true);
    expect(passes('Users.Throttled.Sum == 25 or Fn.Throttles.Sum == 1 and Fn.Throttles.Sum == 2')).toBe(true);
    expect(passes('(Users.Throttled.Sum == 25 or Fn.Throttles.Sum == 1) and Fn.Throttles.Sum == 2')).toBe(false);
  });

  it('does arithmetic with the usual precedence, percentages and negative numbers', () => {
    expect(passes('Users.Throttled.Sum / Users.Requests.Sum == 2.5%')).toBe(true);
    expect(passes('Users.Throttled.Sum / Users.Requests.Sum < 1%')).toBe(false);
    expect(passes('1 + 2 * 3 == 7')).toBe(true);
    expect(passes('(1 + 2) * 3 == 9')).toBe(true);
    expect(passes('10 - 4 - 3 == 3')).toBe(true);
    expect(passes('-Users.Throttled.Sum == -25')).toBe(true);
    expect(passes('1_000 == Users.Requests.Sum')).toBe(true);
    expect(passes('2.5e1 == Fn.Throttles.Sum')).toBe(true);
  });

  it('reads cost.total, cost.monthly (scaled to 730 hours) and cost.<node>', () => {
    expect(passes('cost.total == 0.5')).toBe(true);
    const o = run('cost.monthly <= 40');
    expect(o.ok && o.figures).toEqual([{ text: 'cost.monthly', value: (0.5 * SECONDS_PER_MONTH) / 600 }]);
    expect(o.ok && o.pass).toBe(false);
    expect(passes('cost.Fn == 0.4')).toBe(true);
    expect(passes('cost.Users == 0')).toBe(true);
  });

  it('reads hyphenated node ids, metrics with dots or digits, and quoted names with spaces', () => {
    expect(passes('Api-1.4XXError.Sum == 25')).toBe(true);
    expect(passes('Fn.GetRecords.IteratorAgeMilliseconds.Maximum == 1500')).toBe(true);
    expect(passes('Fn."State:Large order?:Entered".Sum == 7')).toBe(true);
    expect(passes('"Fn"."Throttles"."Sum" == 25')).toBe(true);
    expect(passes('Fn.Throttles.Sum-5 == 20')).toBe(true);
  });

  it('reports every comparison with both figures, and each figure once, even when and has already failed', () => {
    const o = run('Users.Throttled.Sum == 0 and Fn.Throttles.Sum < 10');
    expect(o).toEqual({
      ok: true,
      pass: false,
      figures: [
        { text: 'Users.Throttled.Sum', value: 25 },
        { text: 'Fn.Throttles.Sum', value: 25 },
      ],
      comparisons: [
        { text: 'Users.Throttled.Sum == 0', left: 25, right: 0, pass: false },
        { text: 'Fn.Throttles.Sum < 10', left: 25, right: 10, pass: false },
      ],
    });
  });

  it('names an unknown node, metric or statistic with its position and close matches', () => {
    expect(error('Usres.Throttled.Sum == 0')).toBe('at 1: no node "Usres" in this scenario; did you mean "Users"?; nodes: Users, Api-1, Fn (and cost.monthly, cost.total)');
    expect(error('Users.Throtled.Sum == 0')).toMatch(/^at 1: node "Users" \(Client\) has no metric "Throtled"; did you mean "Throttled"\?; its metrics: Requests, Throttled, Latency$/);
    expect(error('1 < Users.Latency.p95')).toMatch(/^at 5: metric Users.Latency has no statistic "p95"; did you mean "p99" or "p50"\?; its statistics: p50, p99, SampleCount$/);
    expect(error('cost.montly < 3')).toMatch(/^at 1: unknown cost figure "cost.montly"; expected cost.monthly, cost.total or cost.<node>; did you mean "monthly"\?/);
    expect(error('Users.Throttled == 0')).toBe('at 1: "Users.Throttled" needs a node, a metric and a statistic, e.g. Users.Throttled.Sum');
    expect(error('Fn.Throttles.Sum / (Users.Throttled.Sum - 25) < 1')).toBe('at 18: division by zero: the figure after "/" is 0 in this run');
  });
});

describe('check language: syntax errors name the position and what was expected', () => {
  const cases: [string, string][] = [
    ['', 'at 1: the check is empty; expected a comparison such as Users.Throttled.Sum == 0'],
    ['Users.Throttled.Sum', 'at 20: expected a comparison (==, !=, <, <=, >, >=) after Users.Throttled.Sum, found the end of the check'],
    ['Users.Throttled.Sum = 0', 'at 21: unknown operator "="; write =='],
    ['a.b.Sum == 0 && c.d.Sum == 1', 'at 14: unknown operator "&&"; write and'],
    ['a.b.Sum == 0 and', 'at 17: expected a number, a metric such as Users.Throttled.Sum, "-" or "(", found the end of the check'],
    ['a.b.Sum == 0 c.d.Sum == 1', 'at 14: expected "and", "or" or the end of the check, found "c.d.Sum"'],
    ['(a.b.Sum == 0', 'at 14: expected ")" to close the "(" at 1, found the end of the check'],
    ['0 < a.b.Sum < 5', 'at 13: comparisons do not chain: write a < b and b < c, found a second "<"'],
    ['a.b.Sum and c.d.Sum == 0', 'at 9: expected a comparison (==, !=, <, <=, >, >=) after a.b.Sum, found "and"'],
    ['(a.b.Sum == 0) + 1 > 2', 'at 10: expected a figure as the left side of "+", found a check (true or false)'],
    ['a.b. == 0', 'at 5: expected a name after "." (a metric or a statistic, or one in double quotes), found " "'],
    ['a."b == 0', 'at 3: a quoted name is not closed; expected a closing "'],
    ['a.b.Sum == 40ms', 'at 14: unexpected "m" after the number 40; numbers have no units (figures are in the metric\'s own unit: ms, s, USD, count)'],
    ['a.b.Sum == $40', 'at 12: unexpected character "$"; expected a number, a metric such as Users.Throttled.Sum, or an operator'],
    ['not a.b.Sum', 'at 12: expected a comparison (==, !=, <, <=, >, >=) after a.b.Sum, found the end of the check'],
  ];
  it.each(cases)('%j', (text, message) => {
    const parsed = parseCheck(text);
    expect(parsed.ok ? 'accepted' : parsed.message).toBe(message);
  });

  it('refuses deep nesting and very long checks with a message instead of overflowing the stack', () => {
    const deep = `${'('.repeat(500)}1 == 1${')'.repeat(500)}`;
    expect(parseCheck(deep)).toMatchObject({ ok: false, message: 'at 41: nested more than 40 deep (parentheses, "not" or "-")' });
    expect(parseCheck(`${'not '.repeat(400)}1 == 1`)).toMatchObject({ ok: false });
    expect(parseCheck(`1 == ${'-'.repeat(1000)}1`)).toMatchObject({ ok: false });
    expect(parseCheck(`1 == 1${' and 1 == 1'.repeat(300)}`)).toMatchObject({ ok: false, message: expect.stringMatching(/^at 1: a check may be at most 2000 characters/) as string });
  });
});

describe('check language: fuzzed garbage', () => {
  // A fixed-seed generator, so a failure can be reproduced.
  function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = ['Users', '.', 'Throttled', 'Sum', ' ', '==', '<', '>=', '!=', '(', ')', 'and', 'or', 'not', '-', '+', '*', '/', '0', '1.5', '%', '"', 'a b', 'cost', 'monthly', '\\', '&', '=', '!', '\n', '1e999', '_', 'é', '\u0000', 'Fn', 'p99'];

  it('never throws and answers every input with a result or a positioned message', () => {
    const next = random(13);
    for (let n = 0; n < 10_000; n++) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let k = 0; k < length; k++) {
        text += next() < 0.85 ? pieces[Math.floor(next() * pieces.length)] : String.fromCharCode(Math.floor(next() * 0x3000));
      }
      const o = run(text);
      if (!o.ok) {
        expect(o.message.startsWith(`at ${o.pos}: `), text).toBe(true);
        expect(o.pos, text).toBeGreaterThanOrEqual(1);
        expect(o.pos, text).toBeLessThanOrEqual(text.length + 1);
      } else {
        expect(typeof o.pass).toBe('boolean');
      }
    }
  });
});

describe('closeMatches', () => {
  it('lists up to three near names, closest first, and none for a far one', () => {
    expect(closeMatches('Throtles', ['Throttles', 'Throttled', 'Invocations'])).toEqual(["Throttles", "Throttled"]);
    expect(closeMatches('Invocation', ['Invocations', 'Errors'])).toEqual(['Invocations']);
    expect(closeMatches('zzzz', ['Invocations', 'Errors'])).toEqual([]);
  });
});
