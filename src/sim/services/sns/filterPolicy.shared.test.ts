import { describe, expect, it } from 'vitest';
import { operatorRows, sampleEvent } from '../../core/eventPattern/operatorTable.ts';
import { compileFilterPolicy, matchesFilterPolicy, matchesFilterPolicyBody, type Attributes } from './filterPolicy.ts';

/** The message body flattened the way SNS's model keeps it in Message.attributes today: dotted names. */
function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const key of Object.keys(value)) flatten((value as Record<string, unknown>)[key], `${prefix}${key}.`, out);
  } else if (prefix !== '') Object.defineProperty(out, prefix.slice(0, -1), { value, enumerable: true });
  return out;
}

const shared = operatorRows.filter((r) => r.sns);
// A flat record cannot tell which array element a field came from.
const flattenable = shared.filter((r) => !JSON.stringify(r.pattern).includes('"items"'));

describe('SNS filter policies share the EventBridge operator table', () => {
  it.each(shared.map((r) => [r.name, r] as const))('body (JSON): %s', (_name, r) => {
    expect(matchesFilterPolicyBody(compileFilterPolicy(r.pattern, 'MessageBody'), r.event ?? sampleEvent)).toBe(r.expected);
  });
  it.each(flattenable.map((r) => [r.name, r] as const))('body (flattened): %s', (_name, r) => {
    const attributes = flatten(r.event ?? sampleEvent) as Attributes;
    expect(matchesFilterPolicy(compileFilterPolicy(r.pattern, 'MessageBody'), attributes)).toBe(r.expected);
  });
  const compilesAsAttributes = (pattern: unknown) => {
    try {
      return compileFilterPolicy(pattern, 'MessageAttributes') !== null;
    } catch {
      return false;
    }
  };
  // Attribute policies cannot nest, so only the rows on top-level fields apply.
  const topLevel = flattenable.filter((r) => compilesAsAttributes(r.pattern));
  it.each(topLevel.map((r) => [r.name, r] as const))('message attributes: %s', (_name, r) => {
    const attributes = flatten(r.event ?? sampleEvent) as Attributes;
    expect(matchesFilterPolicy(compileFilterPolicy(r.pattern, 'MessageAttributes'), attributes)).toBe(r.expected);
  });
  it('covers most of the table', () => {
    expect(shared.length).toBeGreaterThan(60);
    expect(topLevel.length).toBeGreaterThan(8);
  });
});

describe("SNS's own differences", () => {
  it('{"exists": true} needs a non-null, non-empty value', () => {
    const p = compileFilterPolicy({ a: [{ exists: true }] }, 'MessageBody');
    expect(matchesFilterPolicyBody(p, { a: null })).toBe(false);
    expect(matchesFilterPolicyBody(p, { a: '' })).toBe(false);
    expect(matchesFilterPolicyBody(p, { a: 'x' })).toBe(true);
    expect(matchesFilterPolicy(p, { a: '' })).toBe(false);
  });
  it.each([
    [{ a: [{ wildcard: 'x*' }] }, 'FilterPolicy.a[0].wildcard: unknown operator (supported here: prefix, suffix, equals-ignore-case, anything-but, numeric, exists)'],
    [{ a: [{ prefix: { 'equals-ignore-case': 'x' } }] }, 'FilterPolicy.a[0].prefix: must be a string'],
    [{ a: [{ 'anything-but': { wildcard: 'x*' } }] }, 'FilterPolicy.a[0].anything-but: must be one of: a string, a number, a non-empty list of strings or of numbers, {"prefix": ...}, {"suffix": ...}'],
    [{ a: [{ numeric: ['>', 2e9] }] }, 'FilterPolicy.a[0].numeric[1]: 2000000000 is outside the supported range -1000000000..1000000000'],
  ])('refuses %j', (policy, message) => {
    expect(() => compileFilterPolicy(policy, 'MessageBody')).toThrow(message);
  });
  it('a single $or alternative is accepted, as SNS does', () => {
    expect(matchesFilterPolicy(compileFilterPolicy({ $or: [{ a: ['x'] }] }), { a: 'x' })).toBe(true);
  });
});
