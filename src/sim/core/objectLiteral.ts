/**
 * Objects of one fixed shape built at every request or step (a Step Functions payload template, a client's
 * request body) from a function compiled for their keys: an object literal whose fields are constants or the
 * values of makers, in the keys' order (makers are called in that order). Filling an empty object key by key
 * goes through keyed stores that every shape shares, slow once they have seen many shapes, where each literal
 * has its own. Keys are written as JSON string literals, so no key can end the literal early.
 */

/** A field's value: a constant, or what its maker returns for the builder's two arguments. */
export type LiteralField<A, B> = { value: unknown } | { make: (a: A, b: B) => unknown };

/**
 * The builder for `keys` and `fields` (one per key), or null where the host refuses to compile code (a
 * Content-Security-Policy without 'unsafe-eval') or the literal would be invalid (a repeated `__proto__`): the
 * caller then fills an object key by key, which gives the same object.
 */
export function compileObjectLiteral<A, B>(keys: readonly string[], fields: readonly LiteralField<A, B>[]): ((a: A, b: B) => Record<string, unknown>) | null {
  const makers = fields.map((f) => ('make' in f ? f.make : null));
  const constants = fields.map((f) => ('value' in f ? f.value : undefined));
  const source = keys.map((key, i) => `${JSON.stringify(key)}: ${makers[i] ? `m[${i}](a, b)` : `c[${i}]`}`).join(', ');
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are JSON string literals; values come from the two arrays
    const build = new Function('m', 'c', `return (a, b) => ({ ${source} });`) as (m: typeof makers, c: unknown[]) => (a: A, b: B) => Record<string, unknown>;
    return build(makers, constants);
  } catch {
    return null;
  }
}
