import { describe, expect, it } from 'vitest';
import { checkForRun, problemWhere } from './checkForRun.ts';
import { nodePath } from './paths.ts';

describe('checkForRun', () => {
  it('names the node and the field of the first error, and counts the others', () => {
    const doc = {
      format: 'serverless-playground/scenario',
      version: 1,
      nodes: [
        { id: 'Fn', type: 'AWS::Lambda::Function', properties: { Timeout: 5000, MemorySize: 1 } },
      ],
      edges: [],
    };
    const out = checkForRun(doc);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toMatch(/^Fn\.properties\.(Timeout|MemorySize): .+ \(and \d+ more\)$/);
  });

  it('says what is wrong with something that is not a scenario, without naming a node', () => {
    const out = checkForRun(42);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message.length).toBeGreaterThan(0);
    expect(problemWhere([], { path: 'nodes[3].properties', message: 'bad', severity: 'error' })).toBe('nodes[3].properties: bad');
    expect(problemWhere({ nodes: [{ id: 'Q' }] }, { path: 'nodes[0]', message: 'bad', severity: 'error' })).toBe('Q: bad');
  });

  it('reads a node index and the path inside the node', () => {
    expect(nodePath('nodes[12].properties.Timeout')).toEqual({ index: 12, rest: 'properties.Timeout' });
    expect(nodePath('nodes[0]')).toEqual({ index: 0, rest: '' });
    expect(nodePath('edges[0].to')).toBeNull();
  });
});
