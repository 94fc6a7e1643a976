import { describe, expect, it } from 'vitest';
import { EVENTBRIDGE_DIALECT, PatternError } from './dialect.ts';
import { operatorRows, sampleEvent } from './operatorTable.ts';
import { compilePattern, matchesFlattened, matchesPattern } from './pattern.ts';

describe('EventBridge event patterns: every operator', () => {
  it.each(operatorRows.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    expect(matchesPattern(compilePattern(r.pattern), r.event ?? sampleEvent)).toBe(r.expected);
  });
});

describe('EventBridge pattern errors name the place inside the pattern', () => {
  const deep: Record<string, unknown> = { leaf: ['x'] };
  let nested = deep;
  for (let i = 0; i < 40; i++) nested = { a: nested };
  const cases: [string, unknown, string][] = [
    ['not an object', ['source'], 'EventPattern: must be a JSON object'],
    ['empty', {}, 'EventPattern: must name at least one field'],
    ['a bare value', { source: 'aws.ec2' }, 'EventPattern.source: must be an array of values'],
    ['empty list', { source: [] }, 'EventPattern.source: must list at least one value or operator'],
    ['numeric with a string', { detail: { price: [{ numeric: ['>', 'a'] }] } }, 'EventPattern.detail.price[0].numeric: must be ["=", n], [op, n] or [op, n, op, n] with op one of >, >=, <, <=: expected an operator and a number'],
    ['numeric of odd length', { detail: { price: [{ numeric: ['>', 1, '<'] }] } }, 'EventPattern.detail.price[0].numeric: must be'],
    ['numeric twice the same side', { p: [{ numeric: ['<', 1, '<', 2] }] }, 'EventPattern.p[0].numeric: must be ["=", n], [op, n] or [op, n, op, n] with op one of >, >=, <, <=: "<" at [2] is not allowed there'],
    ['numeric beyond 5.0e9', { p: [{ numeric: ['>', 6e9] }] }, 'EventPattern.p[0].numeric[1]: 6000000000 is outside the supported range -5000000000..5000000000'],
    ['numeric bounds crossed', { p: [{ numeric: ['>', 10, '<', 5] }] }, 'EventPattern.p[0].numeric: the lower bound must not exceed the upper bound'],
    ['unknown operator', { p: [{ contains: 'x' }] }, 'EventPattern.p[0].contains: unknown operator (supported here: prefix, suffix, equals-ignore-case, wildcard, numeric, cidr, exists, anything-but)'],
    ['two operators in one object', { p: [{ prefix: 'a', suffix: 'b' }] }, 'EventPattern.p[0]: an operator object has exactly one key, not 2'],
    ['an array inside a leaf', { p: [['a']] }, 'EventPattern.p[0]: must be a string, a number, true, false, null or an operator object'],
    ['Infinity', { p: [Infinity] }, 'EventPattern.p[0]: must be a finite number'],
    ['prefix of a number', { p: [{ prefix: 5 }] }, 'EventPattern.p[0].prefix: must be a string or {"equals-ignore-case": "..."}'],
    ['consecutive wildcards', { p: [{ wildcard: 'a**b' }] }, 'EventPattern.p[0].wildcard: consecutive * are not allowed (at character 2 of "a**b")'],
    ['a bad escape', { p: [{ wildcard: 'a\\b' }] }, 'EventPattern.p[0].wildcard: a backslash may only escape * or \\ (at character 2'],
    ['a trailing backslash', { p: [{ wildcard: 'a\\' }] }, 'EventPattern.p[0].wildcard: a backslash may only escape'],
    ['cidr not an address', { ip: [{ cidr: 'ten' }] }, 'EventPattern.ip[0].cidr: "ten" is not an IPv4 or IPv6 network'],
    ['cidr prefix too long', { ip: [{ cidr: '10.0.0.0/33' }] }, 'EventPattern.ip[0].cidr: the prefix length of "10.0.0.0/33" must be 0..32'],
    ['cidr IPv6 prefix too long', { ip: [{ cidr: '2001:db8::/129' }] }, 'must be 0..128'],
    ['cidr in octal', { ip: [{ cidr: '010.0.0.1' }] }, 'is not an IPv4 or IPv6 network'],
    ['exists not boolean', { p: [{ exists: 'yes' }] }, 'EventPattern.p[0].exists: must be true or false'],
    ['anything-but mixed list', { p: [{ 'anything-but': ['a', 1] }] }, 'EventPattern.p[0].anything-but: must be one of: a string, a number'],
    ['anything-but empty list', { p: [{ 'anything-but': [] }] }, 'EventPattern.p[0].anything-but: must be one of'],
    ['anything-but unknown form', { p: [{ 'anything-but': { contains: 'x' } }] }, 'EventPattern.p[0].anything-but: must be one of'],
    ['anything-but prefix of a number', { p: [{ 'anything-but': { prefix: 1 } }] }, 'EventPattern.p[0].anything-but.prefix: must be a string'],
    ['anything-but wildcard list entry', { p: [{ 'anything-but': { wildcard: ['a*', 'b**'] } }] }, 'EventPattern.p[0].anything-but.wildcard[1]: consecutive * are not allowed'],
    ['$or with one alternative', { $or: [{ a: ['x'] }] }, 'EventPattern.$or: must be an array of pattern objects (at least 2)'],
    ['$or with a non-object', { $or: [{ a: ['x'] }, 'b'] }, 'EventPattern.$or: must be an array of pattern objects'],
    ['$or alternative empty', { $or: [{ a: ['x'] }, {}] }, 'EventPattern.$or[1]: must name at least one field'],
    ['too deep', nested, 'nests deeper than 32 levels'],
  ];
  it.each(cases)('%s', (_name, pattern, message) => {
    expect(() => compilePattern(pattern)).toThrow(PatternError);
    expect(() => compilePattern(pattern)).toThrow(message);
  });
});

describe('matching edge cases', () => {
  it('a scalar or missing event matches only absence', () => {
    expect(matchesPattern(compilePattern({ a: [{ exists: false }] }), 'text')).toBe(true);
    expect(matchesPattern(compilePattern({ a: [{ exists: true }] }), null)).toBe(false);
  });
  it('an empty array in the event is an absent leaf', () => {
    const event = { tags: [] as string[], items: [] as unknown[] };
    expect(matchesPattern(compilePattern({ tags: [{ exists: false }] }), event)).toBe(true);
    expect(matchesPattern(compilePattern({ items: { type: [{ exists: false }] } }), event)).toBe(true);
    expect(matchesPattern(compilePattern({ tags: [{ 'anything-but': 'x' }] }), event)).toBe(false);
  });
  it('nested arrays in the event are searched', () => {
    const p = compilePattern({ grid: ['b'] });
    expect(matchesPattern(p, { grid: [['a'], ['b', 'c']] })).toBe(true);
    expect(matchesPattern(p, { grid: [['a'], ['c']] })).toBe(false);
  });
  it('a flattened record matches the dotted names', () => {
    const p = compilePattern({ detail: { state: ['running'], $or: [{ 'c-count': [5] }, { x: ['y'] }] } }, EVENTBRIDGE_DIALECT);
    expect(matchesFlattened(p, { 'detail.state': 'running', 'detail.c-count': 5 })).toBe(true);
    expect(matchesFlattened(p, { 'detail.state': 'running', 'detail.c-count': 6 })).toBe(false);
    expect(matchesFlattened(p, null)).toBe(false);
  });
  it('a wildcard with many stars runs in linear time on a hostile string', () => {
    const p = compilePattern({ s: [{ wildcard: '*a*a*a*a*a*a*a*a*a*a*b' }] });
    expect(matchesPattern(p, { s: 'a'.repeat(100_000) })).toBe(false);
    expect(matchesPattern(p, { s: `${'a'.repeat(100_000)}b` })).toBe(true);
  });
  it('compiles a pattern once and matches many events', () => {
    const p = compilePattern({ source: [{ prefix: 'shop.' }], detail: { total: [{ numeric: ['>=', 100] }] } });
    let matched = 0;
    for (let i = 0; i < 1000; i++) if (matchesPattern(p, { source: i % 2 ? 'shop.orders' : 'crm', detail: { total: i } })) matched++;
    expect(matched).toBe(450);
  });
});
