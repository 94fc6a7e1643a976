import { describe, expect, it } from 'vitest';
import { parseIntrinsic, SUPPORTED_INTRINSICS } from './intrinsicSyntax.ts';
import { IMPLEMENTED_INTRINSICS } from './intrinsics.ts';

describe('intrinsic syntax', () => {
  it('accepts exactly the functions that are implemented', () => {
    expect([...SUPPORTED_INTRINSICS].sort()).toEqual([...IMPLEMENTED_INTRINSICS].sort());
  });
  it('refuses a function that is not implemented, naming it', () => {
    expect(() => parseIntrinsic('States.Hash($.x, \'SHA-256\')')).toThrow(/States\.Hash is not a supported intrinsic function/);
    expect(parseIntrinsic("States.Format('{}', $.name)")).toMatchObject({ kind: 'call', name: 'States.Format' });
  });
});
