import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../../scenario/catalog.ts';
import { formatProblem } from '../../../scenario/paths.ts';
import { validateScenario } from '../../../scenario/validate.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

const mapping = (visibility: number, timeout: number) => ({
  format: 'serverless-playground/scenario',
  version: 1,
  name: 'mapping',
  nodes: [
    { id: 'Queue', type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: visibility } },
    { id: 'Worker', type: 'AWS::Lambda::Function', properties: { Timeout: timeout } },
  ],
  edges: [{ from: 'Queue', to: 'Worker' }],
});

describe('SQS event source mapping: refused configuration (SQS "refused configuration")', () => {
  it("refuses a queue visibility timeout below the function's timeout with AWS's message", () => {
    const r = validateScenario(mapping(30, 60), defaultCatalog());
    if (r.ok) throw new Error('the mapping was accepted');
    const errors = r.problems.filter((p) => p.severity !== 'warning').map(formatProblem);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^edges\[0\]: InvalidParameterValueException: Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds/);
  });

  it('accepts equal timeouts (the advisor still asks for 6 x)', () => {
    expect(validateScenario(mapping(60, 60), defaultCatalog()).ok).toBe(true);
  });

  it('makes the runner exit 2 with the message', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'refused-')), 'refused.json');
    writeFileSync(file, JSON.stringify(mapping(30, 60)));
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds');
  });
});
