import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../sim/services/registry.ts';
import { referenceMarkdown } from './reference.ts';
import { FAKE_KINDS } from './testing/fakeKinds.ts';

describe('docs/reference.md', () => {
  it('is up to date with the registry (run `npm run docs` after changing a kind)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'reference.md'), 'utf8');
    expect(committed === referenceMarkdown(SERVICE_KINDS), 'docs/reference.md is out of date: run `npm run docs`').toBe(true);
  });

  it('lists every field with unit, default, range, help, rule and the assumption flag', () => {
    const md = referenceMarkdown(FAKE_KINDS);
    expect(md).toContain('| Timeout | s | 3 | 1..900 (whole) | Seconds before the run is stopped. | Lambda: limits |  |');
    expect(md).toContain('| ReservedConcurrentExecutions |  | unset | 0..1,000,000 (whole) | Reserved concurrency. |  |  |');
    expect(md).toContain('| Nested.inner |  | 1 | 0..5 (whole) | x |  |  |');
    expect(md).toContain('| errorRate |  | 0 | 0..1 | Share of runs that fail. |  | yes |');
    expect(md).toContain('| duration |  | constant valueMs 100 | a number of ms or a distribution (0..3,600,000 ms) | Run time. |  |  |');
    expect(md).toContain('#### Edge properties: AWS::SQS::Queue -> AWS::Lambda::Function (eventSource)');
    expect(md).toContain('| BatchSize |  | 10 | 1..10,000 (whole) | Records per batch. |  |  |');
    expect(md).toContain('| lambdaScaling |  | "current" | current \\| legacy |');
    expect(md).toContain('| lambdaIdleLifetimeSeconds | s | 600 | 1..86,400 (whole) |');
  });
});
