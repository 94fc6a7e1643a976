/**
 * The vocabulary of Choice rules (operator names, type tests, timestamps), without evaluation: no library, so
 * the definition checks can run in the app's bundle. choice.ts evaluates the rules.
 */
import type { Json, JsonObject } from './errors.ts';

export type Kind = 'String' | 'Numeric' | 'Boolean' | 'Timestamp';
export type Relation = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals';

export interface Comparison {
  kind: Kind;
  relation: Relation;
  byPath: boolean;
}

const KINDS: Kind[] = ['String', 'Numeric', 'Boolean', 'Timestamp'];
const RELATIONS: Relation[] = ['Equals', 'LessThan', 'GreaterThan', 'LessThanEquals', 'GreaterThanEquals'];

/** Every comparison operator name (StringEquals, NumericLessThanPath, ...), to its meaning. */
export const COMPARISONS = new Map<string, Comparison>();
for (const kind of KINDS) {
  for (const relation of RELATIONS) {
    if (kind === 'Boolean' && relation !== 'Equals') continue;
    COMPARISONS.set(`${kind}${relation}`, { kind, relation, byPath: false });
    COMPARISONS.set(`${kind}${relation}Path`, { kind, relation, byPath: true });
  }
}
export const TYPE_TESTS = ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'] as const;
export const CHOICE_OPERATORS: readonly string[] = [...COMPARISONS.keys(), 'StringMatches', ...TYPE_TESTS];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isTimestamp(value: Json): value is string {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** The operator of a data-test rule: its one key besides Variable, Next, Comment and Assign. */
export function operatorOf(rule: JsonObject): string | undefined {
  for (const key of Object.keys(rule)) {
    if (key !== 'Variable' && key !== 'Next' && key !== 'Comment' && key !== 'Assign' && key !== 'Output') return key;
  }
  return undefined;
}
