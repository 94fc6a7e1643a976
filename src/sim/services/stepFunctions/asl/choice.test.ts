import { describe, expect, it } from 'vitest';
import { Random } from '../../../core/random.ts';
import { CHOICE_OPERATORS, evaluateRule, wildcardMatches } from './choice.ts';
import type { Json, JsonObject } from './errors.ts';

const scope = { context: { Execution: { Name: 'e1' } }, variables: { limit: 10 } as Record<string, Json>, random: new Random(1, 't') };

/** [operator, value of $.v, operand, expected]; a *Path operator reads its operand from $.other. */
const CASES: [string, Json, Json, boolean][] = [
  ['StringEquals', 'abc', 'abc', true],
  ['StringEquals', 'abc', 'abd', false],
  ['StringEquals', 5, '5', false],
  ['StringLessThan', 'abc', 'abd', true],
  ['StringLessThan', 'abd', 'abc', false],
  ['StringGreaterThan', 'b', 'a', true],
  ['StringGreaterThan', 'a', 'a', false],
  ['StringLessThanEquals', 'a', 'a', true],
  ['StringLessThanEquals', 'b', 'a', false],
  ['StringGreaterThanEquals', 'a', 'a', true],
  ['StringGreaterThanEquals', 'a', 'b', false],
  ['NumericEquals', 3, 3, true],
  ['NumericEquals', 3, 3.5, false],
  ['NumericEquals', '3', 3, false],
  ['NumericLessThan', 2, 3, true],
  ['NumericLessThan', 3, 3, false],
  ['NumericGreaterThan', 4, 3, true],
  ['NumericGreaterThan', 3, 3, false],
  ['NumericLessThanEquals', 3, 3, true],
  ['NumericLessThanEquals', 4, 3, false],
  ['NumericGreaterThanEquals', 3, 3, true],
  ['NumericGreaterThanEquals', 2, 3, false],
  ['BooleanEquals', true, true, true],
  ['BooleanEquals', false, true, false],
  ['BooleanEquals', 'true', true, false],
  ['TimestampEquals', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00+01:00', true],
  ['TimestampEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', false],
  ['TimestampLessThan', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', true],
  ['TimestampLessThan', '2026-01-01T00:00:01Z', '2026-01-01T00:00:00Z', false],
  ['TimestampGreaterThan', '2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z', true],
  ['TimestampGreaterThan', 'not a time', '2026-01-01T00:00:00Z', false],
  ['TimestampLessThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
  ['TimestampLessThanEquals', '2026-01-01T00:00:01Z', '2026-01-01T00:00:00Z', false],
  ['TimestampGreaterThanEquals', '2026-01-01T00:00:00.500Z', '2026-01-01T00:00:00Z', true],
  ['TimestampGreaterThanEquals', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
  ['StringMatches', 'log-2026.txt', 'log-*.txt', true],
  ['StringMatches', 'log-2026.csv', 'log-*.txt', false],
  ['StringMatches', 'a*b', 'a\\*b', true],
  ['StringMatches', 'axb', 'a\\*b', false],
  ['IsNull', null, true, true],
  ['IsNull', 0, true, false],
  ['IsNumeric', 1.5, true, true],
  ['IsNumeric', '1.5', true, false],
  ['IsString', 'x', true, true],
  ['IsString', 1, false, true],
  ['IsBoolean', false, true, true],
  ['IsBoolean', 'false', true, false],
  ['IsTimestamp', '2026-03-14T01:59:26Z', true, true],
  ['IsTimestamp', '2026-03-14', true, false],
];

describe('Choice comparison operators', () => {
  it.each(CASES)('%s: %j vs %j -> %s', (op, value, operand, expected) => {
    expect(evaluateRule({ Variable: '$.v', [op]: operand }, { v: value }, scope)).toBe(expected);
  });

  const pathCases = CASES.filter(([op]) => op.includes('Equals') || op.includes('Than'));
  it.each(pathCases)('%sPath: %j vs $.other = %j -> %s', (op, value, operand, expected) => {
    expect(evaluateRule({ Variable: '$.v', [`${op}Path`]: '$.other' }, { v: value, other: operand }, scope)).toBe(expected);
  });

  it('covers every operator AWS defines', () => {
    const tested = new Set([...CASES.map(([op]) => op), ...pathCases.map(([op]) => `${op}Path`)]);
    expect(CHOICE_OPERATORS.filter((op) => !tested.has(op))).toEqual(['IsPresent']);
  });

  it('IsPresent tests a path without failing on a missing field', () => {
    expect(evaluateRule({ Variable: '$.a.b', IsPresent: true }, { a: { b: null } }, scope)).toBe(true);
    expect(evaluateRule({ Variable: '$.a.c', IsPresent: true }, { a: { b: 1 } }, scope)).toBe(false);
    expect(evaluateRule({ Variable: '$.x', IsPresent: false }, {}, scope)).toBe(true);
  });

  it('a missing Variable is States.Runtime for any other operator', () => {
    expect(() => evaluateRule({ Variable: '$.missing', StringEquals: 'x' }, {}, scope)).toThrow(/States.Runtime.*missing/);
  });

  it('And, Or and Not combine rules; Variable may read the context object and variables', () => {
    const rule = {
      And: [
        { Not: { Variable: '$.kind', StringEquals: 'test' } },
        { Or: [{ Variable: '$.n', NumericGreaterThanPath: '$limit' }, { Variable: '$$.Execution.Name', StringEquals: 'e1' }] },
      ],
    } as JsonObject;
    expect(evaluateRule(rule, { kind: 'prod', n: 1 }, scope)).toBe(true);
    expect(evaluateRule(rule, { kind: 'test', n: 100 }, scope)).toBe(false);
  });

  it('StringMatches treats a doubled backslash as a literal backslash', () => {
    expect(wildcardMatches('C:\\\\*', 'C:\\Users')).toBe(true);
    expect(wildcardMatches('*.log', 'a.b.log')).toBe(true);
    expect(wildcardMatches('a.c', 'abc')).toBe(false);
  });
});
