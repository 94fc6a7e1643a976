import { describe, expect, it } from 'vitest';
import { compileObjectLiteral } from './objectLiteral.ts';

describe('compileObjectLiteral', () => {
  it('builds the keys in order from constants and makers, calling the makers in key order', () => {
    const calls: string[] = [];
    const build = compileObjectLiteral<number, string>(
      ['b', 'a', 'quote"s', '0', "it's\u2028"],
      [{ value: 1 }, { make: (x, y) => (calls.push('a'), `${y}${x}`) }, { value: null }, { make: () => (calls.push('0'), [1]) }, { value: false }],
    )!;
    const built = build(7, 'n');
    expect(built).toEqual({ b: 1, a: 'n7', 'quote"s': null, 0: [1], "it's\u2028": false });
    expect(JSON.stringify(built)).toBe(JSON.stringify({ b: 1, a: 'n7', 'quote"s': null, 0: [1], "it's\u2028": false }));
    expect(calls).toEqual(['a', '0']);
    expect(build(8, 'm')).not.toBe(built);
  });

  it('answers null for a literal JavaScript refuses (a repeated __proto__), so the caller builds key by key', () => {
    expect(compileObjectLiteral(['__proto__', '__proto__'], [{ value: 1 }, { value: 2 }])).toBeNull();
  });
});
