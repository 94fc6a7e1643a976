import { describe, expect, it } from 'vitest';
import { jsonBytesAtMost, jsonTextLength } from './jsonSize.ts';

const samples: unknown[] = [
  null, true, false, 0, -0, 7, 10, 99, 100, 123456789, 999_999_999_999_999, 1e15, 1e21, 1.5e300, -12, -0.5, 3.14159, 1 / 3,
  2.2250738585072014e-308, -1.7976931348623157e308, NaN, Infinity, -Infinity,
  '', 'plain', 'quote " and \\ backslash', 'line\nbreak\ttab\u0001', 'émoji 🚀 and 日本', 'lone \ud800 surrogate', '\u2028',
  [], [1], [1, 'two', null], [undefined, () => 1, Symbol('s')], {}, { a: 1 }, { a: undefined, b: 2 }, { f: () => 1 },
  { 'key "quoted"': { nested: [1, { deep: 'x' }], e: [] } }, { '': '', '1': 1, __proto__x: null },
  { TableName: 'Orders', Item: { id: 42 } }, { id: 17, amount: 640.1234567 },
  Array.from({ length: 50 }, (_, i) => ({ i, s: 'x'.repeat(i), f: i / 7 })),
];

describe('jsonTextLength', () => {
  it("is JSON.stringify's length, escapes, unicode, unwritable values and exponents included", () => {
    for (const value of samples) expect(jsonTextLength(value), JSON.stringify(value)).toBe((JSON.stringify(value) ?? '').length);
    expect(jsonTextLength(undefined)).toBe(0);
  });
});

describe('jsonBytesAtMost', () => {
  it('is never below the UTF-8 size of the JSON text', () => {
    const encoder = new TextEncoder();
    for (const value of samples) expect(jsonBytesAtMost(value), JSON.stringify(value)).toBeGreaterThanOrEqual(encoder.encode(JSON.stringify(value) ?? '').length);
    expect(jsonBytesAtMost('\u0001'.repeat(1000))).toBeGreaterThanOrEqual(6002);
  });
});
