/**
 * Choice rules of JSONPath states: comparisons of `Variable` with a literal or (`...Path`) another path,
 * type tests, StringMatches and And/Or/Not. A comparison between mismatched types is false; a Variable that
 * selects nothing is States.Runtime except under IsPresent, as in AWS.
 */
import { StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import { pathExists, pathReader, type PathScope } from './paths.ts';
import { COMPARISONS, isTimestamp, operatorOf, type Comparison } from './choiceRules.ts';

export { CHOICE_OPERATORS, COMPARISONS, isTimestamp, operatorOf, TYPE_TESTS } from './choiceRules.ts';

export function evaluateRule(rule: JsonObject, input: Json, scope: PathScope): boolean {
  if (rule === null || typeof rule !== 'object') throw incomplete(rule);
  let test = compiledRules.get(rule);
  if (!test) {
    test = compileRule(rule);
    compiledRules.set(rule, test);
  }
  return test(input, scope);
}

type Test = (input: Json, scope: PathScope) => boolean;

/** A Choice state evaluates its rules at every run: each rule is read once into a closure. */
const compiledRules = new WeakMap<JsonObject, Test>();

function compileRule(rule: JsonObject): Test {
  const { And: and, Or: or, Not: not } = rule;
  if (Array.isArray(and)) return (input, scope) => and.every((r) => evaluateRule(r as JsonObject, input, scope));
  if (Array.isArray(or)) return (input, scope) => or.some((r) => evaluateRule(r as JsonObject, input, scope));
  if (not && typeof not === 'object') return (input, scope) => !evaluateRule(not as JsonObject, input, scope);
  const variable = rule.Variable;
  const op = operatorOf(rule);
  if (typeof variable !== 'string' || op === undefined) {
    return () => {
      throw incomplete(rule);
    };
  }
  const expected = rule[op];
  if (op === 'IsPresent') return (input, scope) => pathExists(variable, input, scope) === expected;
  const read = pathReader(variable);
  switch (op) {
    case 'IsNull':
      return (input, scope) => (read(input, scope) === null) === expected;
    case 'IsNumeric':
      return (input, scope) => (typeof read(input, scope) === 'number') === expected;
    case 'IsString':
      return (input, scope) => (typeof read(input, scope) === 'string') === expected;
    case 'IsBoolean':
      return (input, scope) => (typeof read(input, scope) === 'boolean') === expected;
    case 'IsTimestamp':
      return (input, scope) => isTimestamp(read(input, scope)) === expected;
    case 'StringMatches':
      return (input, scope) => {
        const value = read(input, scope);
        return typeof value === 'string' && typeof expected === 'string' && wildcardMatches(expected, value);
      };
  }
  const comparison = COMPARISONS.get(op);
  if (!comparison) {
    return (input, scope) => {
      read(input, scope);
      throw new StatesError(StatesErrors.Runtime, `Unknown choice operator '${op}'`);
    };
  }
  if (!comparison.byPath) return (input, scope) => compare(comparison, read(input, scope), expected);
  const readOther = pathReader(typeof expected === 'string' ? expected : JSON.stringify(expected));
  return (input, scope) => {
    const value = read(input, scope);
    return compare(comparison, value, readOther(input, scope));
  };
}

function incomplete(rule: Json): StatesError {
  return new StatesError(StatesErrors.Runtime, `A choice rule needs Variable and an operator: ${JSON.stringify(rule)}`);
}

function compare({ kind, relation }: Comparison, a: Json, b: Json): boolean {
  let order: number;
  if (kind === 'String') {
    if (typeof a !== 'string' || typeof b !== 'string') return false;
    order = a < b ? -1 : a > b ? 1 : 0;
  } else if (kind === 'Numeric') {
    if (typeof a !== 'number' || typeof b !== 'number') return false;
    order = a - b;
  } else if (kind === 'Boolean') {
    return typeof a === 'boolean' && a === b;
  } else {
    if (!isTimestamp(a) || !isTimestamp(b)) return false;
    order = Date.parse(a) - Date.parse(b);
  }
  switch (relation) {
    case 'Equals':
      return order === 0;
    case 'LessThan':
      return order < 0;
    case 'GreaterThan':
      return order > 0;
    case 'LessThanEquals':
      return order <= 0;
    case 'GreaterThanEquals':
      return order >= 0;
  }
}

const patterns = new Map<string, RegExp>();

/** StringMatches: `*` matches any run of characters; `\*` is a literal star and `\\` a backslash. */
export function wildcardMatches(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (ch === '\\' && i + 1 < pattern.length) source += escapeRegex(pattern[++i]);
      else if (ch === '*') source += '[\\s\\S]*';
      else source += escapeRegex(ch);
    }
    regex = new RegExp(`^${source}$`);
    if (patterns.size < 10_000) patterns.set(pattern, regex);
  }
  return regex.test(value);
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
