import { describe, expect, it } from 'vitest';
import { migrate } from './migrate.ts';

describe('migrate', () => {
  it('leaves a current document as it is', () => {
    const doc = { format: 'serverless-playground/scenario', version: 1, name: 'x', nodes: [], edges: [], extra: 1 };
    expect(migrate(doc)).toEqual({ doc, changes: [], problems: [] });
  });

  it('adds what a hand-written document left out, and says so', () => {
    const r = migrate({ name: 'x', nodes: [] });
    expect(r.doc).toEqual({ format: 'serverless-playground/scenario', version: 1, name: 'x', nodes: [] });
    expect(r.changes).toEqual(['added "format": "serverless-playground/scenario"', 'added "version": 1 (the document stated none)']);
    expect(r.problems).toEqual([]);
  });

  it('refuses versions it cannot read', () => {
    expect(migrate({ version: 2 }).problems).toEqual([
      { path: 'version', message: 'version 2 is newer than this playground understands (it reads versions 1..1); update the playground' },
    ]);
    expect(migrate({ version: 0 }).problems).toEqual([{ path: 'version', message: 'must be a whole number 1..1, not 0' }]);
    expect(migrate({ version: 1.5 }).problems).toEqual([{ path: 'version', message: 'must be a whole number 1..1, not 1.5' }]);
    expect(migrate('text')).toEqual({ doc: 'text', changes: [], problems: [] });
  });
});
