/**
 * Choice rules of JSONPath states: comparisons of `Variable` with a literal or (`...Path`) another path,
 * type tests, StringMatches and And/Or/Not. A comparison between mismatched types is false; a Variable that
 * selects nothing is States.Runtime except under IsPresent, as in AWS.
 */
import { StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import { pathExists, readPath, type PathScope } from './paths.ts';
import { COMPARISONS, isTimestamp, operatorOf, type Comparison } from './choiceRules.ts';

export { CHOICE_OPERATORS, COMPARISONS, isTimestamp, operatorOf, TYPE_TESTS } from './choiceRules.ts';

export function evaluateRule(rule: JsonObject, input: Json, scope: PathScope): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r) => evaluateRule(r as JsonObject, input, scope));
  if (Array.isArray(rule.Or)) return rule.Or.some((r) => evaluateRule(r as JsonObject, input, scope));
  if (rule.Not && typeof rule.Not === 'object') return !evaluateRule(rule.Not as JsonObject, input, scope);
  const variable = rule.Variable;
  const op = operatorOf(rule);
  if (typeof variable !== 'string' || op === undefined) {
    throw new StatesError(StatesErrors.Runtime, `A choice rule needs Variable and an operator: ${JSON.stringify(rule)}`);
  }
  const expected = rule[op];
  if (op === 'IsPresent') return pathExists(variable, input, scope) === expected;
  const value = readPath(variable, input, scope);
  switch (op) {
    case 'IsNull':
      return (value === null) === expected;
    case 'IsNumeric':
      return (typeof value === 'number') === expected;
    case 'IsString':
      return (typeof value === 'string') === expected;
    case 'IsBoolean':
      return (typeof value === 'boolean') === expected;
    case 'IsTimestamp':
      return isTimestamp(value) === expected;
    case 'StringMatches':
      return typeof value === 'string' && typeof expected === 'string' && wildcardMatches(expected, value);
  }
  const comparison = COMPARISONS.get(op);
  if (!comparison) throw new StatesError(StatesErrors.Runtime, `Unknown choice operator '${op}'`);
  const other = comparison.byPath ? readPath(typeof expected === 'string' ? expected : JSON.stringify(expected), input, scope) : expected;
  return compare(comparison, value, other);
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
