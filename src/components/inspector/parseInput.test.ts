import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { int, num, optionalInt, choice } from '../../sim/core/fields.ts';
import { fieldsOf } from '../common/kindInfo.ts';
import { parseJsonInput, parseNumberInput, rangeHint, checked } from './parseInput.ts';

const schema = z.looseObject({
  Timeout: int(3, { min: 1, max: 900 }, { label: 'Timeout', help: 'How long', group: 'Settings', unit: 's' }),
  ReservedConcurrentExecutions: optionalInt({ min: 0, max: 1000 }, { label: 'Reserved', help: 'r', group: 'Settings' }),
  errorRate: num(0, { min: 0, max: 1 }, { label: 'Error rate', help: 'e', group: 'Behaviour', assumption: true }),
  Arch: choice(['x86_64', 'arm64'], 'x86_64', { label: 'Architecture', help: 'a', group: 'Settings' }),
  RedrivePolicy: z
    .object({ maxReceiveCount: int(10, { min: 1, max: 1000 }, { label: 'maxReceiveCount', help: 'm', group: 'Settings' }) })
    .optional(),
});
const fields = fieldsOf(schema, 'Settings');
const f = (path: string) => fields.find((x) => x.path === path)!;

describe('inspector input parsing', () => {
  it('walks nested objects into dotted paths with their parent', () => {
    expect(fields.map((x) => x.path)).toEqual(['Timeout', 'ReservedConcurrentExecutions', 'errorRate', 'Arch', 'RedrivePolicy.maxReceiveCount']);
    expect(f('RedrivePolicy.maxReceiveCount').parent).toBe('RedrivePolicy');
  });

  it('rejects text in a number and out-of-range values with the schema messages', () => {
    expect(parseNumberInput('abc', f('Timeout'))).toEqual({ ok: false, error: 'must be a number' });
    expect(parseNumberInput('12x', f('Timeout'))).toEqual({ ok: false, error: 'must be a number' });
    expect(parseNumberInput('901', f('Timeout'))).toEqual({ ok: false, error: 'must be 1..900 (s)' });
    expect(parseNumberInput('0', f('Timeout'))).toEqual({ ok: false, error: 'must be 1..900 (s)' });
    expect(parseNumberInput('2.5', f('Timeout'))).toEqual({ ok: false, error: 'must be a whole number, 1..900 (s)' });
    expect(parseNumberInput('1.5', f('errorRate'))).toEqual({ ok: false, error: 'must be 0..1' });
  });

  it('stores values that differ from the default, and an empty box or the default as unset', () => {
    expect(parseNumberInput(' 30 ', f('Timeout'))).toEqual({ ok: true, value: 30 });
    expect(parseNumberInput('3', f('Timeout'))).toEqual({ ok: true, value: undefined });
    expect(parseNumberInput('', f('Timeout'))).toEqual({ ok: true, value: undefined });
    expect(parseNumberInput('0', f('ReservedConcurrentExecutions'))).toEqual({ ok: true, value: 0 });
    expect(parseNumberInput('1,000', f('ReservedConcurrentExecutions'))).toEqual({ ok: true, value: 1000 });
    expect(checked('arm64', f('Arch'))).toEqual({ ok: true, value: 'arm64' });
    expect(checked('x86_64', f('Arch'))).toEqual({ ok: true, value: undefined });
    expect(checked('mips', f('Arch'))).toEqual({ ok: false, error: 'must be one of x86_64, arm64' });
  });

  it('reports bad JSON with the parser message', () => {
    const r = parseJsonInput('{', f('Arch'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^is not valid JSON/);
  });

  it('describes the range, unit and default', () => {
    expect(rangeHint(f('Timeout'))).toBe('1–900 s · default 3');
    expect(rangeHint(f('ReservedConcurrentExecutions'))).toBe('0–1000 · default: not set');
  });
});
