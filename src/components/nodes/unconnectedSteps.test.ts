import { describe, expect, it } from 'vitest';
import type { Doc } from '../../store/doc.ts';
import { describeUnconnected, unconnectedSteps } from './unconnectedSteps.ts';

const doc = (edges: Doc['edges']): Doc => ({
    format: 'serverless-playground/scenario',
    version: 1,
    name: 't',
    nodes: [
      {
        id: 'W',
        type: 'AWS::StepFunctions::StateMachine',
        properties: { Definition: { StartAt: 'Charge', States: { Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'Pay' }, End: true } } } },
      },
      { id: 'Pay', type: 'AWS::Lambda::Function' },
    ],
    edges,
  });

describe('unconnectedSteps (the canvas badge)', () => {
  it('marks a Task until an edge reaches its target; other kinds have none', () => {
    const steps = unconnectedSteps(doc([]), 'W');
    expect(steps).toEqual([{ step: 'Charge', target: 'Pay', missing: false }]);
    expect(describeUnconnected(steps)).toBe('Charge calls Pay, but no edge leads to it: each call fails (ResourceNotFoundException)');
    expect(unconnectedSteps(doc([{ from: 'W', to: 'Pay' }]), 'W')).toEqual([]);
    expect(unconnectedSteps(doc([]), 'Pay')).toEqual([]);
  });

  it('answers the same array while the node and the edges stay the same', () => {
    const d = doc([]);
    expect(unconnectedSteps(d, 'W')).toBe(unconnectedSteps({ ...d, nodes: [...d.nodes] }, 'W'));
  });
});
