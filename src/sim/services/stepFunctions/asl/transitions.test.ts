import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../scenario/index.ts';
import { loadDefinition, loadDefinitionSync } from './load.ts';

const broken = {
  StartAt: 'A',
  States: {
    A: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Done' }], Default: 'Gone' },
    Done: { Type: 'Succeed' },
    Orphan: { Type: 'Pass', Next: 'Nope' },
    Fan: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'Q', States: { Q: { Type: 'Succeed' }, R: { Type: 'Succeed' } } }] },
  },
};

const expected = [
  { path: 'States.A.Default', message: 'names "Gone", which is not a state of this machine' },
  { path: 'States.Orphan.Next', message: 'names "Nope", which is not a state of this machine' },
  { path: 'States.Orphan', message: 'is not reachable: no transition from StartAt ("A") leads here' },
  { path: 'States.Fan', message: 'is not reachable: no transition from StartAt ("A") leads here' },
  { path: 'States.Fan.Branches[0].States.R', message: 'is not reachable: no transition from StartAt ("Q") leads here' },
];

describe('transitions (AWS refuses a definition with a missing target or an unreachable state)', () => {
  it('names the field of every missing target and every unreachable state, nested branches included, with or without asl-validator', async () => {
    const sync = loadDefinitionSync(broken);
    expect(!sync.ok && sync.problems).toEqual(expected);
    const full = await loadDefinition(broken);
    expect(!full.ok && full.problems).toEqual(expected);
  });

  it('accepts a machine whose every state is reached through Next, Default, Choices or Catch', () => {
    const ok = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }], Next: 'B' },
        B: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Done' }], Default: 'Failed' },
        Done: { Type: 'Succeed' },
        Failed: { Type: 'Fail' },
      },
    };
    expect(loadDefinitionSync(ok).ok).toBe(true);
    const badStart = loadDefinitionSync({ ...ok, StartAt: 'Z' });
    expect(!badStart.ok && badStart.problems).toEqual([{ path: 'StartAt', message: 'names "Z", which is not a state of this machine' }]);
  });

  it('refuses such a definition when the scenario is checked, at the node\'s Definition, before Run', () => {
    const doc = {
      format: 'serverless-playground/scenario',
      version: 1,
      name: 'x',
      nodes: [{ id: 'Flow', type: 'AWS::StepFunctions::StateMachine', properties: { Definition: broken } }],
      edges: [],
    };
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path)).toContain('nodes[0].properties.Definition.States.Orphan');
  });
});
