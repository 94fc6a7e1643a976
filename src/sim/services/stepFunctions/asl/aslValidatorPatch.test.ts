import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import aslValidator from 'asl-validator';
import type { Validator } from './load.ts';

/**
 * patches/asl-validator+4.0.0.patch (applied by `npm ci`'s postinstall) keeps one compiled Ajv per option set
 * instead of building and compiling a new one on every call, which froze the inspector for 0.1 s or more after
 * each edit of a definition. Reusing it must not carry one definition's errors into the next check.
 */
const validate = aslValidator as Validator;
const pass = (outputPath: string) => ({ StartAt: 'P', States: { P: { Type: 'Pass', OutputPath: outputPath, End: true } } });
const check = (definition: unknown, checkPaths: boolean) => validate(structuredClone(definition), { checkPaths, checkArn: false });

describe('asl-validator with its compiled schemas kept between calls', () => {
  it('is patched in node_modules', () => {
    const file = createRequire(import.meta.url).resolve('asl-validator/dist/src/checks/json-schema-errors.js');
    expect(readFileSync(file, 'utf8')).toContain('ajvByOptions');
  });

  it('gives each definition its own answer, alternating valid and invalid', () => {
    const bad = check(pass('$$$bad'), true);
    expect(bad.isValid).toBe(false);
    expect(bad.errors.map((e) => e.Message).join(' ')).toContain('/States/P/OutputPath');
    expect(check(pass('$.ok'), true)).toMatchObject({ isValid: true, errors: [] });
    const missing = check({ StartAt: 'Nowhere', States: { P: { Type: 'Pass', End: true } } }, true);
    expect(missing.isValid).toBe(false);
    expect(missing.errors.map((e) => e.Message).join(' ')).not.toContain('OutputPath');
  });

  it('keeps the option sets apart: path checks off accepts the path that checks on refuses', () => {
    expect(check(pass('$$$bad'), false).isValid).toBe(true);
    expect(check(pass('$$$bad'), true).isValid).toBe(false);
    expect(check(pass('$$$bad'), false).isValid).toBe(true);
  });
});
