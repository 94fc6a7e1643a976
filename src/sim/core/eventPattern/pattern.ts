import { compileLeaf, leafMatches, MAX_ARRAY_DEPTH, type Condition } from './conditions.ts';
import { EVENTBRIDGE_DIALECT, PatternError, type PatternDialect } from './dialect.ts';

/**
 * Event patterns compiled once into a tree and matched against events ("EventBridge: event patterns" in
 * ../shared/docs/aws-behaviour.md; SNS filter policies share it through their own dialect).
 *
 * Semantics: every key of a pattern object must match (AND); a leaf's array matches when any entry does (OR);
 * "$or" lists alternative pattern objects at the same level, at least one of which must match; nested objects
 * follow the event's nesting. Where the event holds an array of objects, a nested pattern object matches when
 * one element matches all of it (Event Ruler's array-consistent matching: fields from different elements of one
 * array never combine into a match). Keys are looked up as own properties only, so `toString`, `constructor`
 * or `__proto__` match only when the event itself has them.
 */

export interface Leaf {
  /** The key within its parent object. */
  readonly key: string;
  /** The dotted name from the root (`detail.price`), for flattened events such as SNS message attributes. */
  readonly flatKey: string;
  readonly conditions: readonly Condition[];
}

export interface PatternNode {
  readonly leaves: readonly Leaf[];
  readonly children: readonly { readonly key: string; readonly node: PatternNode }[];
  /** Each entry is one "$or": at least one of its alternatives must match. */
  readonly ors: readonly (readonly PatternNode[])[];
}

/** Patterns nest at most this deep, so a hostile pattern gets a message instead of a stack overflow. */
export const MAX_PATTERN_DEPTH = 32;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Compiles a pattern; throws PatternError naming the place of the first problem inside it, e.g.
 * `EventPattern.detail.price[0].numeric: ...`.
 */
export function compilePattern(pattern: unknown, dialect: PatternDialect = EVENTBRIDGE_DIALECT, path = 'EventPattern'): PatternNode {
  if (!isObject(pattern)) throw new PatternError(path, 'must be a JSON object');
  return compileNode(pattern, dialect, path, '', 0);
}

function compileNode(obj: Record<string, unknown>, dialect: PatternDialect, path: string, prefix: string, depth: number): PatternNode {
  if (depth >= MAX_PATTERN_DEPTH) throw new PatternError(path, `nests deeper than ${MAX_PATTERN_DEPTH} levels`);
  const keys = Object.keys(obj);
  if (keys.length === 0) throw new PatternError(path, `must name at least one ${dialect.keyNoun}`);
  const leaves: Leaf[] = [];
  const children: { key: string; node: PatternNode }[] = [];
  const ors: PatternNode[][] = [];
  for (const key of keys) {
    const spec = obj[key];
    const here = `${path}.${key}`;
    if (key === '$or') {
      const n = dialect.minOrAlternatives;
      if (!Array.isArray(spec) || spec.length < n || !spec.every(isObject))
        throw new PatternError(here, `must be an array of ${dialect.noun} objects${n > 1 ? ` (at least ${n})` : ''}`);
      ors.push(spec.map((alt, i) => compileNode(alt, dialect, `${here}[${i}]`, prefix, depth + 1)));
    } else if (Array.isArray(spec)) {
      leaves.push({ key, flatKey: prefix + key, conditions: compileLeaf(spec, here, dialect) });
    } else if (isObject(spec)) {
      if (dialect.nestedError !== null) throw new PatternError(here, dialect.nestedError);
      children.push({ key, node: compileNode(spec, dialect, here, `${prefix}${key}.`, depth + 1) });
    } else {
      throw new PatternError(here, `must be an array of values or operator objects, e.g. ["value"], or an object of nested ${dialect.keyNoun}s`);
    }
  }
  return { leaves, children, ors };
}

const hasOwnProperty = Object.prototype.hasOwnProperty;
const own = (obj: object, key: string): unknown => (hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined);

/** Whether a JSON event (or message body) matches the compiled pattern. */
export function matchesPattern(node: PatternNode, event: unknown): boolean {
  return isObject(event) ? matchesObject(node, event) : matchesObject(node, EMPTY);
}

const EMPTY: Record<string, unknown> = Object.freeze(Object.create(null) as Record<string, unknown>);

function matchesObject(node: PatternNode, obj: object): boolean {
  const leaves = node.leaves;
  for (let i = 0; i < leaves.length; i++) if (!leafMatches(leaves[i].conditions, own(obj, leaves[i].key))) return false;
  const children = node.children;
  for (let i = 0; i < children.length; i++) if (!matchesChild(children[i].node, own(obj, children[i].key), 0)) return false;
  const ors = node.ors;
  for (let i = 0; i < ors.length; i++) {
    const alts = ors[i];
    let any = false;
    for (let j = 0; j < alts.length && !any; j++) any = matchesObject(alts[j], obj);
    if (!any) return false;
  }
  return true;
}

/** A nested pattern object against the event's value there: an object, or an array holding objects. */
function matchesChild(node: PatternNode, v: unknown, arrayDepth: number): boolean {
  // A missing or scalar value still matches a sub-pattern made only of {"exists": false}.
  if (!Array.isArray(v)) return matchesObject(node, isObject(v) ? v : EMPTY);
  if (arrayDepth >= MAX_ARRAY_DEPTH) return false;
  let holdsObjects = false;
  for (let i = 0; i < v.length; i++) {
    const el = v[i];
    if (typeof el !== 'object' || el === null) continue;
    holdsObjects = true;
    if (matchesChild(node, el, arrayDepth + 1)) return true;
  }
  return !holdsObjects && matchesObject(node, EMPTY);
}

/**
 * The same tree matched against a flat record whose keys are the dotted names (`order.status`), as SNS keeps a
 * message body's fields in Message.attributes today. Array consistency cannot apply to a flat record.
 */
export function matchesFlattened(node: PatternNode, record: Readonly<Record<string, unknown>> | null): boolean {
  const obj = record ?? EMPTY;
  const leaves = node.leaves;
  for (let i = 0; i < leaves.length; i++) if (!leafMatches(leaves[i].conditions, own(obj, leaves[i].flatKey))) return false;
  const children = node.children;
  for (let i = 0; i < children.length; i++) if (!matchesFlattened(children[i].node, obj)) return false;
  const ors = node.ors;
  for (let i = 0; i < ors.length; i++) {
    const alts = ors[i];
    let any = false;
    for (let j = 0; j < alts.length && !any; j++) any = matchesFlattened(alts[j], obj);
    if (!any) return false;
  }
  return true;
}
