import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../sim/core/random.ts';
import { isEdgeIdChange, newEdgeId, restoreScenario } from './restore.ts';

const valid = {
  format: 'serverless-playground/scenario',
  version: 1,
  name: 'Orders',
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { ratePerSecond: 5 } },
    { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 300, y: 0 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 600, y: 0 } },
  ],
  edges: [
    { from: 'Users', to: 'Api' },
    { from: 'Api', to: 'Fn' },
  ],
};

function withTimeout(seconds: number) {
  return { ...valid, nodes: valid.nodes.map((n) => (n.id === 'Fn' ? { ...n, properties: { Timeout: seconds } } : n)) };
}

describe('restoreScenario', () => {
  it('gives an old document edge ids and says so, keeping everything else', () => {
    const r = restoreScenario({ value: structuredClone(valid) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.edges).toEqual([
      { id: 'e1', from: 'Users', to: 'Api' },
      { id: 'e2', from: 'Api', to: 'Fn' },
    ]);
    expect(r.doc.nodes).toEqual(valid.nodes);
    expect(r.changes).toEqual(['gave the 2 connections ids']);
    expect(r.changes.every(isEdgeIdChange)).toBe(true);
    expect(isEdgeIdChange('placed A (no position was given)')).toBe(false);
  });

  it('leaves a current document exactly as it is and reports no change', () => {
    const current = { ...valid, edges: [{ id: 'a', from: 'Users', to: 'Api' }, { id: 'b', from: 'Api', to: 'Fn' }] };
    const r = restoreScenario({ text: JSON.stringify(current) });
    expect(r).toEqual({ ok: true, doc: current, changes: [], problems: [] });
  });

  it('replaces repeated and malformed edge ids only', () => {
    const doc = { ...valid, edges: [{ id: 'x', from: 'Users', to: 'Api' }, { id: 'x', from: 'Api', to: 'Fn' }] };
    const r = restoreScenario({ value: doc });
    expect(r.ok && r.doc.edges.map((e) => e.id)).toEqual(['x', 'e1']);
    expect(r.ok && r.changes).toEqual(['gave new ids to edges[1] (missing, malformed or repeated)']);
    const odd = restoreScenario({ value: { ...valid, edges: [{ id: 'a b', from: 'Users', to: 'Api' }] } });
    expect(odd.ok && odd.doc.edges[0].id).toBe('e1');
  });

  it('migrates a hand-written document and places nodes without a position', () => {
    const r = restoreScenario({ value: { name: 'x', nodes: [{ id: 'A', type: 'Client' }, { id: 'B', type: 'Client', position: { x: 5, y: 40 } }] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.nodes[0].position).toEqual({ x: 0, y: 240 });
    expect(r.changes).toEqual([
      'added "format": "serverless-playground/scenario"',
      'added "version": 1 (the document stated none)',
      'placed A (no position was given)',
    ]);
  });

  it('refuses invalid documents naming the problem and its path', () => {
    const bad = withTimeout(5000);
    const r = restoreScenario({ value: bad });
    expect(r).toMatchObject({ ok: false, message: 'nodes[2].properties.Timeout: must be 1..900 (s)' });
  });

  it('refuses text that is not JSON with its line and column', () => {
    const r = restoreScenario({ text: '{\n  "name": }' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^not valid JSON at line 2, column \d+/);
  });

  it('keeps editable work in progress with its problems when asked (the autosave)', () => {
    const wip = withTimeout(5000);
    const r = restoreScenario({ value: wip }, { keepInvalid: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.nodes[2].properties).toEqual({ Timeout: 5000 });
    expect(r.problems.map((p) => p.path)).toContain('nodes[2].properties.Timeout');
  });

  it('refuses even work in progress that the editor cannot draw', () => {
    const r = restoreScenario({ value: { ...valid, nodes: [{ id: 3, type: 'Client' }], edges: 'none' } }, { keepInvalid: true });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['nodes[0]', 'edges']));
  });

  it('refuses prototype keys instead of copying them', () => {
    const r = restoreScenario({ text: '{"format":"serverless-playground/scenario","version":1,"name":"x","nodes":[],"__proto__":{"polluted":1}}' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names fresh edge ids that are not taken', () => {
    expect(newEdgeId([{ id: 'e2', from: 'a', to: 'b' }])).toBe('e3');
    expect(newEdgeId([{ id: 'e2', from: 'a', to: 'b' }, { id: 'e3', from: 'a', to: 'b' }])).toBe('e4');
    expect(newEdgeId([])).toBe('e1');
  });
});

describe('restoreScenario on thousands of mutated files', () => {
  it('never throws; every refusal names what is wrong (a line and column, or a path)', { timeout: 60_000 }, () => {
    const dir = join(import.meta.dirname, '../../examples');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const rng = new Random(11, 'restore-file-fuzz');
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rng.next() * list.length)];
    const snippets = ['{', '}', '[', ']', ',', ':', '"', '\\\\', 'null', '-1', '1e999', '"__proto__"', '\u0000', '\uFEFF', 'NaN', '9'.repeat(30)];
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      let text = pick(texts);
      for (let m = 1 + Math.floor(rng.next() * 3); m > 0; m--) {
        const at = Math.floor(rng.next() * text.length);
        const cut = Math.floor(rng.next() * 6);
        text = text.slice(0, at) + (rng.next() < 0.5 ? pick(snippets) : '') + text.slice(at + cut);
      }
      const r = restoreScenario({ text });
      if (r.ok) {
        expect(r.doc.edges.every((e) => typeof e.id === 'string')).toBe(true);
        continue;
      }
      refused++;
      expect(r.message, text).toMatch(/^(not valid JSON at line \d+, column \d+|[A-Za-z_$][\w$]*(\[\d+\]|\.[\w$]+|\["[^"]*"\])*: |could not be read|a scenario must be)/);
    }
    expect(refused).toBeGreaterThan(1000);
  });
});
