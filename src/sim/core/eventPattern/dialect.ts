/**
 * What differs between the services that read event patterns: EventBridge rules (and Pipes filters) and SNS
 * filter policies share one matcher; a dialect names the operators and limits each one accepts. SNS's dialect
 * lives in src/sim/services/sns/.
 */

export type Operator =
  | 'prefix'
  | 'suffix'
  | 'equals-ignore-case'
  | 'wildcard'
  | 'numeric'
  | 'cidr'
  | 'exists'
  | 'anything-but';

/** The object forms of anything-but ({"anything-but": {"prefix": "x"}}). Value and list forms are always allowed. */
export type AnythingButForm = 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard';

export interface PatternDialect {
  /** What a pattern is called in messages: "pattern" or "policy". */
  readonly noun: string;
  /** What a pattern's key is called in messages: "field" or "key". */
  readonly keyNoun: string;
  readonly operators: ReadonlySet<Operator>;
  readonly anythingButForms: ReadonlySet<AnythingButForm>;
  /** Whether prefix and suffix accept {"equals-ignore-case": "..."} as their argument. */
  readonly prefixSuffixIgnoreCase: boolean;
  /** Numeric operators accept bounds within +-numericLimit, and match only event numbers within it. */
  readonly numericLimit: number;
  /** Fewest alternatives a "$or" may list. */
  readonly minOrAlternatives: number;
  /** Null when nested objects are allowed; otherwise the message for one. */
  readonly nestedError: string | null;
  /** {"exists": true} needs a value other than null and "" (SNS), rather than any leaf value (EventBridge). */
  readonly existsNeedsValue: boolean;
}

/** EventBridge event patterns ("Comparison operators for use in event patterns" in the EventBridge guide). */
export const EVENTBRIDGE_DIALECT: PatternDialect = {
  noun: 'pattern',
  keyNoun: 'field',
  operators: new Set<Operator>(['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'numeric', 'cidr', 'exists', 'anything-but']),
  anythingButForms: new Set<AnythingButForm>(['prefix', 'suffix', 'equals-ignore-case', 'wildcard']),
  prefixSuffixIgnoreCase: true,
  // "Numeric matching is limited to values between -5.0e9 and +5.0e9 inclusive."
  numericLimit: 5e9,
  // Event Ruler reads "$or" as an OR only with two or more alternatives.
  minOrAlternatives: 2,
  nestedError: null,
  existsNeedsValue: false,
};

export class PatternError extends Error {
  constructor(
    /** Where in the pattern, e.g. `EventPattern.detail.price[0].numeric`. */
    readonly path: string,
    /** What is wrong there. */
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}
