import { describe, expect, it } from 'vitest';
import { applyReference, mergePatch } from './applyReference.ts';
import { parseLesson } from './lessonFormat.ts';

const lesson = {
  id: 'tiny',
  title: 'Tiny',
  topic: 'Lambda',
  summary: 'A lesson.',
  text: 'Watch it.',
  hints: ['Look.'],
  goal: [{ label: 'no throttles', check: 'Fn.Throttles.Sum == 0' }],
  scenario: { nodes: [] },
  reference: { explanation: 'Raise it.', patch: { nodes: { Fn: { properties: { ReservedConcurrentExecutions: 50 } } } } },
  charts: ['Fn.Throttles'],
};

describe('lesson format', () => {
  it('accepts a complete lesson', () => {
    expect(parseLesson(lesson)).toMatchObject({ ok: true, lesson: { id: 'tiny' } });
  });

  it('names each problem by its path', () => {
    const bad = { ...lesson, id: 'Not An Id', hints: [], charts: ['Throttles'], extra: 1 };
    const parsed = parseLesson(bad);
    expect(parsed.ok).toBe(false);
    const message = parsed.ok ? '' : parsed.message;
    expect(message).toContain('id: must be lower-case words joined by "-"');
    expect(message).toContain('hints:');
    expect(message).toContain('charts.0: must be Node.Metric');
    expect(message).toContain('extra');
  });
});

describe('applyReference', () => {
  const doc = {
    nodes: [{ id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 5, y: 6 }, properties: { Timeout: 10, ReservedConcurrentExecutions: 5 } }],
    edges: [{ id: 'e1', from: 'Q', to: 'Fn', properties: { BatchSize: 10 } }],
  };

  it('merges a patch into the current document, keeping what it does not name (positions, ids)', () => {
    const applied = applyReference(doc, {
      explanation: 'x',
      patch: { settings: { lambdaAccountConcurrency: 2000 }, nodes: { Fn: { properties: { ReservedConcurrentExecutions: 50 } } }, edges: { 'Q->Fn': { properties: { BatchSize: 1 } } } },
    });
    expect(applied).toEqual({
      ok: true,
      doc: {
        settings: { lambdaAccountConcurrency: 2000 },
        nodes: [{ id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 5, y: 6 }, properties: { Timeout: 10, ReservedConcurrentExecutions: 50 } }],
        edges: [{ id: 'e1', from: 'Q', to: 'Fn', properties: { BatchSize: 1 } }],
      },
    });
    expect(doc.nodes[0].properties.ReservedConcurrentExecutions).toBe(5);
  });

  it('refuses a patch naming a node or connection the document no longer has', () => {
    expect(applyReference(doc, { explanation: 'x', patch: { nodes: { Gone: { properties: {} } } } })).toEqual({
      ok: false,
      message: 'the reference changes node "Gone", which this scenario no longer has; reset the lesson first',
    });
    expect(applyReference(doc, { explanation: 'x', patch: { edges: { 'Fn->Q': { properties: {} } } } })).toMatchObject({ ok: false, message: expect.stringContaining('Fn->Q') as string });
  });

  it('replaces the document with a full reference scenario', () => {
    expect(applyReference(doc, { explanation: 'x', scenario: { nodes: [] } })).toEqual({ ok: true, doc: { nodes: [] } });
  });

  it('is a JSON merge patch: null removes, arrays and scalars replace, objects merge', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] }, { a: null, b: { c: 4 }, e: [3] })).toEqual({ b: { c: 4, d: 3 }, e: [3] });
  });
});
