import { describe, expect, it } from 'vitest';
import { Random } from '../../../core/random.ts';
import type { Json } from './errors.ts';
import { evaluateIntrinsic } from './intrinsics.ts';
import { applyPayloadTemplate, applyResultPath, readPath } from './paths.ts';
import { echoAfter, runToEnd, TestHost } from './testHost.ts';

const scope = () => ({ context: { State: { Name: 'S' } }, variables: { who: 'Ada' } as Record<string, Json>, random: new Random(3, 'intrinsics') });
const intrinsic = (expr: string, input: Json = {}) => {
  const s = scope();
  return evaluateIntrinsic(expr, (path) => readPath(path, input, s), s.random);
};

describe('intrinsic functions', () => {
  it.each([
    ["States.Format('Hello, {}! You have {} items', $.name, $.n)", { name: 'Ada', n: 3 }, 'Hello, Ada! You have 3 items'],
    ["States.Format('\\{literal\\} {}', $.o)", { o: { a: 1 } }, '{literal} {"a":1}'],
    ['States.StringToJson($.s)', { s: '{"a":[1,2]}' }, { a: [1, 2] }],
    ['States.JsonToString($.o)', { o: { a: [1, 2] } }, '{"a":[1,2]}'],
    ["States.Array('a', 1, $.x)", { x: true }, ['a', 1, true]],
    ['States.ArrayPartition($.a, 2)', { a: [1, 2, 3, 4, 5] }, [[1, 2], [3, 4], [5]]],
    ['States.ArrayContains($.a, $.v)', { a: [1, { b: 2 }], v: { b: 2 } }, true],
    ['States.ArrayRange(1, 9, 2)', {}, [1, 3, 5, 7, 9]],
    ['States.ArrayGetItem($.a, 1)', { a: ['x', 'y'] }, 'y'],
    ['States.ArrayLength($.a)', { a: [1, 2, 3] }, 3],
    ['States.ArrayUnique($.a)', { a: [1, 2, 1, { x: 1 }, { x: 1 }] }, [1, 2, { x: 1 }]],
    ['States.MathAdd($.a, -2)', { a: 5 }, 3],
    ["States.StringSplit($.s, '+ ')", { s: 'This is+a+test string' }, ['This', 'is', 'a', 'test', 'string']],
    ["States.JsonMerge($.a, $.b, false)", { a: { x: 1, y: { z: 1 } }, b: { y: { w: 2 } } }, { x: 1, y: { w: 2 } }],
    ["States.Base64Decode(States.Base64Encode('héllo'))", {}, 'héllo'],
    ["States.ArrayLength(States.StringSplit($$.State.Name, ','))", {}, 1],
    ["States.Format('{} {}', $who, $.x)", { x: 1 }, 'Ada 1'],
  ])('%s', (expr, input, expected) => {
    expect(intrinsic(expr, input as Json)).toEqual(expected);
  });

  it('States.MathRandom and States.UUID draw from the execution stream, reproducibly', () => {
    const a = [intrinsic('States.MathRandom(1, 7)'), intrinsic('States.UUID()')];
    const b = [intrinsic('States.MathRandom(1, 7)'), intrinsic('States.UUID()')];
    expect(a).toEqual(b);
    expect(a[0]).toBeGreaterThanOrEqual(1);
    expect(a[0]).toBeLessThan(7);
    expect(a[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    ['States.Nope(1)', /States.Nope is not a supported intrinsic/],
    ["States.Format('{} {}', 1)", /more \{\} placeholders than arguments/],
    ['States.ArrayGetItem($.a, 5)', /out of bounds/],
    ["States.StringToJson('{oops')", /not valid JSON/],
    ["States.Format('x'", /expected ',' or '\)'/],
  ])('%s fails with a clear message', (expr, message) => {
    expect(() => intrinsic(expr, { a: [1] })).toThrow(message);
  });
});

describe('JSONPath paths', () => {
  it('reads plain paths, bracket paths, the context object, variables, and indefinite paths as lists', () => {
    const input = { a: { 'b c': [10, 20] }, items: [{ p: 1 }, { p: 2 }] };
    expect(readPath("$.a['b c'][1]", input, scope())).toBe(20);
    expect(readPath('$$.State.Name', input, scope())).toBe('S');
    expect(readPath('$who', input, scope())).toBe('Ada');
    expect(readPath('$.items[*].p', input, scope())).toEqual([1, 2]);
    expect(readPath('$.items[?(@.p > 1)]', input, scope())).toEqual([{ p: 2 }]);
    expect(() => readPath('$.a.missing', input, scope())).toThrow(/field 'missing' was not found in the input/);
  });

  it('payload templates resolve .$ keys and leave other values as written', () => {
    expect(applyPayloadTemplate({ 'id.$': '$.id', static: { 'nested.$': '$$.State.Name' }, list: [{ 'x.$': '$.id' }] }, { id: 9 }, scope()))
      .toEqual({ id: 9, static: { nested: 'S' }, list: [{ x: 9 }] });
  });

  it('ResultPath copies the input and creates the path; a non-object on the way is States.ResultPathMatchFailure', () => {
    const input = { a: { keep: 1 } };
    expect(applyResultPath('$.a.b.c', input, 5)).toEqual({ a: { keep: 1, b: { c: 5 } } });
    expect(input).toEqual({ a: { keep: 1 } });
    expect(applyResultPath(null, input, 5)).toBe(input);
    expect(applyResultPath(undefined, input, 5)).toBe(5);
    expect(() => applyResultPath('$.x', 'a string', 5)).toThrow(/States.ResultPathMatchFailure/);
  });

  it('a state applies InputPath, Parameters, ResultSelector, ResultPath and OutputPath in order and assigns variables', async () => {
    const host = new TestHost(echoAfter(10));
    const { result } = await runToEnd({
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke',
          InputPath: '$.order', Parameters: { FunctionName: 'Price', Payload: { 'sku.$': '$.sku', 'tag.$': "States.Format('{}-{}', $.sku, $$.State.Name)" } },
          ResultSelector: { 'priced.$': '$.Payload' }, ResultPath: '$.result', OutputPath: '$.result', Assign: { 'lastSku.$': '$.priced.sku' },
          Next: 'Use',
        },
        Use: { Type: 'Pass', Parameters: { 'sku.$': '$lastSku', 'was.$': '$.priced.tag' }, End: true },
      },
    }, { order: { sku: 'A1' }, other: true }, host);
    expect(host.calls[0].request.input).toEqual({ FunctionName: 'Price', Payload: { sku: 'A1', tag: 'A1-Call' } });
    expect(host.calls[0].request.target).toBe('Price');
    expect(result.output).toEqual({ sku: 'A1', was: 'A1-Call' });
  });
});

describe('JSONata states', () => {
  it('use Arguments, Output, Assign, $states and Choice Conditions, with variables across states', async () => {
    const host = new TestHost(echoAfter(10));
    const { result } = await runToEnd({
      QueryLanguage: 'JSONata',
      StartAt: 'Prepare',
      States: {
        Prepare: { Type: 'Pass', Assign: { total: '{% $sum($states.input.lines.price) %}', count: '{% $count($states.input.lines) %}' }, Next: 'Big?' },
        'Big?': { Type: 'Choice', Choices: [{ Condition: '{% $total > 100 %}', Next: 'Charge', Assign: { tier: 'big' } }], Default: 'Charge', Assign: { tier: 'small' } },
        Charge: {
          Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: 'Charge', Payload: { amount: '{% $total %}', tier: '{% $tier %}' } },
          Output: { charged: '{% $states.result.Payload.amount %}', lines: '{% $count %}', at: '{% $now() %}' },
          End: true,
        },
      },
    }, { lines: [{ price: 70 }, { price: 50 }] }, host, { epochMs: Date.UTC(2026, 5, 1) });
    expect(host.calls[0].request.input).toEqual({ FunctionName: 'Charge', Payload: { amount: 120, tier: 'big' } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { charged: 120, lines: 2, at: '2026-06-01T00:00:00.010Z' } });
  });

  it('Catch sees $states.errorOutput, and a failing expression is States.QueryEvaluationError', async () => {
    const host = new TestHost((_r, cb, h) => h.after(5, () => cb.fail('Nope', 'no stock')));
    const { result } = await runToEnd({
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:F', Catch: [{ ErrorEquals: ['States.ALL'], Output: { why: '{% $states.errorOutput.Cause %}' }, Next: 'Bad' }], End: true },
        Bad: { Type: 'Pass', Output: '{% $number($states.input.why) %}', End: true },
      },
    }, {}, host);
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
  });
});
