import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../sim/core/model.ts';
import type { WorkflowGraph } from '../../sim/core/workflowView.ts';
import { stateGraph } from '../../sim/services/stepFunctions/stateGraph.ts';
import { layoutWorkflow, type Box } from './workflowLayout.ts';

function graph(Definition: unknown): WorkflowGraph {
  const node: SimNode = { id: 'M', type: 'AWS::StepFunctions::StateMachine', properties: { Definition }, behaviour: {} };
  const g = stateGraph(node);
  if ('problem' in g) throw new Error(g.problem);
  return g;
}
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('layoutWorkflow', () => {
  it('puts each state below the one before it, and every branch state inside its branch and its Parallel', async () => {
    const layout = await layoutWorkflow(
      graph({
        StartAt: 'First',
        States: {
          First: { Type: 'Pass', Next: 'Both' },
          Both: {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
              { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } },
            ],
            End: true,
          },
        },
      }),
    );
    const step = (label: string) => layout.steps.find((s) => s.step.label === label)!;
    const group = (label: string) => layout.groups.find((g) => g.label === label)!;
    expect(step('First').y).toBeGreaterThan(step('Start').y);
    expect(step('A').y).toBeGreaterThan(step('Both').y);
    expect(inside(step('A'), group('Branch 1'))).toBe(true);
    expect(inside(step('B'), group('Branch 2'))).toBe(true);
    expect(inside(group('Branch 1'), group('Both (Parallel)'))).toBe(true);
    // Branches side by side, not overlapping.
    const [b1, b2] = [group('Branch 1'), group('Branch 2')].sort((a, b) => a.x - b.x);
    expect(b1.x + b1.width).toBeLessThanOrEqual(b2.x);
    // Outer frames first, so inner ones are drawn over them.
    expect(layout.groups.map((g) => g.depth)).toEqual([0, 1, 1]);
    expect(layout.links.every((l) => l.points.length >= 2)).toBe(true);
    for (const b of [...layout.steps, ...layout.groups]) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(layout.width + 1e-9);
      expect(b.y + b.height).toBeLessThanOrEqual(layout.height + 1e-9);
    }
  });

  it('keeps a spot for each Choice label between its two states', async () => {
    const layout = await layoutWorkflow(
      graph({
        StartAt: 'Big?',
        States: {
          'Big?': { Type: 'Choice', Choices: [{ Variable: '$.amount', NumericGreaterThan: 300, Next: 'Review' }], Default: 'Save' },
          Review: { Type: 'Pass', Next: 'Save' },
          Save: { Type: 'Succeed' },
        },
      }),
    );
    const big = layout.steps.find((s) => s.step.label === 'Big?')!;
    const review = layout.steps.find((s) => s.step.label === 'Review')!;
    const choice = layout.links.find((l) => l.link.kind === 'choice')!;
    expect(choice.label!.y).toBeGreaterThan(big.y + big.height);
    expect(choice.label!.y).toBeLessThan(review.y);
    expect(layout.links.find((l) => l.link.kind === 'next' && !l.link.label)!.label).toBeUndefined();
  });
});
