import { describe, expect, it } from 'vitest';
import type { ScenarioDoc } from '../scenario/index.ts';
import { setNodeField } from '../store/docOps.ts';
import { changeValueText, designChanges, withSettingsOf } from './designChanges.ts';

const a: ScenarioDoc = {
  format: 'serverless-playground/scenario',
  version: 1,
  name: 'a',
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { ratePerSecond: 100 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 300, y: 0 }, behaviour: { duration: { distribution: 'constant', valueMs: 50 } } },
  ],
  edges: [{ id: 'e1', from: 'Users', to: 'Fn' }],
};

describe('what design B changes', () => {
  it('lists each changed setting with A and B, a setting B adds as A "default", and a distribution whole when its kind changes', () => {
    let b = setNodeField(a, 'Users', 'properties', 'ratePerSecond', 250);
    b = setNodeField(b, 'Fn', 'properties', 'ReservedConcurrentExecutions', 10);
    b = setNodeField(b, 'Fn', 'behaviour', 'duration', { distribution: 'lognormal', medianMs: 80, p99Ms: 400 });
    const changes = designChanges(a, b);
    expect(changes).toEqual([
      { node: 'Users', section: 'properties', path: 'ratePerSecond', a: 100, b: 250 },
      { node: 'Fn', section: 'properties', path: 'ReservedConcurrentExecutions', a: undefined, b: 10 },
      { node: 'Fn', section: 'behaviour', path: 'duration', a: { distribution: 'constant', valueMs: 50 }, b: { distribution: 'lognormal', medianMs: 80, p99Ms: 400 } },
    ]);
    expect(changes.map((c) => `${changeValueText(c.a)} -> ${changeValueText(c.b)}`)).toEqual([
      '100 -> 250',
      'default -> 10',
      'constant (valueMs 50) -> lognormal (medianMs 80, p99Ms 400)',
    ]);
  });

  it('is empty for an unchanged copy, and lists a field of a distribution that kept its kind by its path', () => {
    expect(designChanges(a, structuredClone(a))).toEqual([]);
    const b = setNodeField(a, 'Fn', 'behaviour', 'duration.valueMs', 70);
    expect(designChanges(a, b)).toEqual([{ node: 'Fn', section: 'behaviour', path: 'duration.valueMs', a: 50, b: 70 }]);
  });

  it("puts B's settings of the changed nodes on a document, keeping everything else (positions, edges, other nodes)", () => {
    const moved = { ...a, nodes: a.nodes.map((n) => (n.id === 'Fn' ? { ...n, position: { x: 900, y: 90 } } : n)) };
    const b = setNodeField(a, 'Fn', 'properties', 'Timeout', 30);
    const out = withSettingsOf(moved, b, designChanges(a, b));
    expect(out.nodes[1]).toEqual({ ...moved.nodes[1], properties: { Timeout: 30 } });
    expect(out.nodes[0]).toBe(moved.nodes[0]);
    expect(out.edges).toBe(moved.edges);
  });
});
