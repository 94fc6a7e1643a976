import type { Message } from '../../core/model.ts';
import { type PatternDialect, PatternError, type Operator } from '../../core/eventPattern/dialect.ts';
import { compilePattern, matchesFlattened, matchesPattern, type PatternNode } from '../../core/eventPattern/pattern.ts';

/**
 * SNS subscription filter policies (docs/aws-behaviour.md "SNS: fan-out"), compiled once per subscription by the
 * event-pattern matcher that EventBridge rules use (src/sim/core/eventPattern/), with SNS's own dialect and
 * limits here.
 *
 * AWS's semantics: every key of the policy must match (AND); within a key's array, any condition may match
 * (OR); a key missing from the message fails every condition except {"exists": false}; an array attribute
 * (String.Array, or an array in the body) matches when any of its elements does; "$or" holds alternative
 * sub-policies of which at least one must match.
 *
 * How a message is represented: Message.attributes holds the message attributes (strings, numbers and string
 * arrays, like SNS's String, Number and String.Array types). For FilterPolicyScope MessageBody it also stands
 * for the JSON body, flattened: a body field at `order.status` is the attribute named "order.status"
 * (matchesFilterPolicy); a real JSON body is matched with matchesFilterPolicyBody. A body-scope policy may nest
 * objects ({"order": {"status": [...]}}).
 */

export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';
export type Attributes = Message['attributes'];

/** SNS's differences from EventBridge ("Filter policy constraints in Amazon SNS", "Amazon SNS subscription filter policies"). */
const SNS_OPERATORS = new Set<Operator>(['prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'numeric', 'exists']);
const snsDialect = (nestedError: string | null): PatternDialect => ({
  noun: 'policy',
  keyNoun: 'key',
  operators: SNS_OPERATORS,
  anythingButForms: new Set(['prefix', 'suffix']),
  prefixSuffixIgnoreCase: false,
  // "For numeric matching, the value can range from -10^9 to 10^9."
  numericLimit: 1e9,
  minOrAlternatives: 1,
  nestedError,
  // "exists": true: "The key must have a non-null and non-empty value."
  existsNeedsValue: true,
});
const ATTRIBUTES_DIALECT = snsDialect('nested keys are only allowed with FilterPolicyScope MessageBody');
const BODY_DIALECT = snsDialect(null);

export interface CompiledFilterPolicy {
  readonly root: PatternNode;
  readonly scope: FilterPolicyScope;
}

export class FilterPolicyError extends PatternError {}

/** Compiles a policy; throws FilterPolicyError naming the JSON path of the first problem. */
export function compileFilterPolicy(
  policy: unknown,
  scope: FilterPolicyScope = 'MessageAttributes',
  path = 'FilterPolicy',
): CompiledFilterPolicy {
  let root: PatternNode;
  try {
    root = compilePattern(policy, scope === 'MessageBody' ? BODY_DIALECT : ATTRIBUTES_DIALECT, path);
  } catch (e) {
    if (e instanceof PatternError) throw new FilterPolicyError(e.path, e.problem);
    throw e;
  }
  const n = combinations(root);
  if (n > MAX_COMBINATIONS)
    throw new FilterPolicyError(path, `has ${n} combinations of values (the values per key multiplied together); AWS allows at most ${MAX_COMBINATIONS}`);
  return { root, scope };
}

/** AWS's limit on a filter policy's combinations (the product of the number of values of each key). */
export const MAX_COMBINATIONS = 150;

function combinations(node: PatternNode): number {
  let n = 1;
  for (const leaf of node.leaves) n *= leaf.conditions.length;
  for (const child of node.children) n *= combinations(child.node);
  for (const alts of node.ors) n *= alts.reduce((sum, alt) => sum + combinations(alt), 0);
  return n;
}

/** Whether a message with these attributes (or flattened body) passes the compiled policy. */
export function matchesFilterPolicy(policy: CompiledFilterPolicy, attributes: Attributes): boolean {
  return matchesFlattened(policy.root, attributes);
}

/** Whether a message whose body is this parsed JSON passes a MessageBody-scope policy. */
export function matchesFilterPolicyBody(policy: CompiledFilterPolicy, body: unknown): boolean {
  return matchesPattern(policy.root, body);
}
