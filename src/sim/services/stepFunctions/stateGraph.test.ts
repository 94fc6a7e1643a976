import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../core/model.ts';
import { MARK, type WorkflowGraph } from '../../core/workflowView.ts';
import { stateGraph } from './stateGraph.ts';

const node = (Definition: unknown): SimNode => ({ id: 'M', type: 'AWS::StepFunctions::StateMachine', properties: { Definition }, behaviour: {} });

function graphOf(definition: unknown): WorkflowGraph {
  const g = stateGraph(node(definition));
  if ('problem' in g) throw new Error(g.problem);
  return g;
}
const links = (g: WorkflowGraph) => g.links.map((l) => `${l.from.replace(MARK, '#')}->${l.to.replace(MARK, '#')}:${l.kind}`);

describe('stateGraph: the definition as the live view draws it', () => {
  it('draws Next, Choice rules, Default, Catch and the end', () => {
    const g = graphOf({
      StartAt: 'Validate',
      States: {
        Validate: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Large?', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Rejected' }] },
        'Large?': { Type: 'Choice', Choices: [{ Variable: '$.amount', NumericGreaterThan: 300, Next: 'Review' }], Default: 'Save' },
        Review: { Type: 'Pass', Next: 'Save' },
        Save: { Type: 'Pass', End: true },
        Rejected: { Type: 'Fail', Error: 'X' },
      },
    });
    expect(links(g)).toEqual([
      '#start->Validate:next',
      'Validate->Large?:next',
      'Validate->Rejected:catch',
      'Large?->Review:choice',
      'Large?->Save:default',
      'Review->Save:next',
      'Save->#end:next',
      'Rejected->#end:next',
    ]);
    expect(g.links.find((l) => l.kind === 'choice')?.label).toBe('$.amount NumericGreaterThan 300');
    expect(g.links.find((l) => l.kind === 'catch')?.label).toBe('Catch States.ALL');
    expect(g.groups).toEqual([]);
  });

  it('frames a Parallel and each branch as groups, its branches meeting at a join that leads on', () => {
    const g = graphOf({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
            { StartAt: 'B1', States: { B1: { Type: 'Pass', Next: 'B2' }, B2: { Type: 'Succeed' } } },
          ],
          Next: 'After',
          Catch: [{ ErrorEquals: ['States.BranchFailed'], Next: 'Oops' }],
        },
        After: { Type: 'Succeed' },
        Oops: { Type: 'Fail' },
      },
    });
    expect(g.groups.map((x) => [x.id.replace(MARK, '#'), x.label, x.parent?.replace(MARK, '#') ?? null])).toEqual([
      ['#group:Both', 'Both (Parallel)', null],
      ['#branch:Both:0', 'Branch 1', `#group:Both`],
      ['#branch:Both:1', 'Branch 2', `#group:Both`],
    ]);
    expect(g.steps.find((s) => s.id === 'Both')?.group).toBe(`${MARK}group:Both`);
    expect(g.steps.find((s) => s.id === 'B2')?.group).toBe(`${MARK}branch:Both:1`);
    expect(links(g)).toEqual(
      expect.arrayContaining(['Both->A:next', 'A->#join:Both:next', 'Both->B1:next', 'B2->#join:Both:next', '#join:Both->After:next', '#join:Both->Oops:catch']),
    );
    expect(links(g)).not.toContain('Both->After:next');
  });

  it('draws a Map iteration (ItemProcessor or the older Iterator) inside the Map group, nested groups included', () => {
    const g = graphOf({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Iterator: {
            StartAt: 'Inner',
            States: { Inner: { Type: 'Parallel', Branches: [{ StartAt: 'X', States: { X: { Type: 'Pass', End: true } } }], End: true } },
          },
          End: true,
        },
      },
    });
    expect(g.groups.find((x) => x.id === `${MARK}group:Inner`)?.parent).toBe(`${MARK}branch:Each:0`);
    expect(g.steps.find((s) => s.id === 'X')?.group).toBe(`${MARK}branch:Inner:0`);
    expect(links(g)).toEqual(expect.arrayContaining(['Each->Inner:next', '#join:Inner->#join:Each:next', '#join:Each->#end:next']));
  });

  it('reads JSON text, and names why it cannot draw', () => {
    expect(graphOf('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}').steps.map((s) => s.label)).toEqual(['Start', 'End', 'A']);
    expect(stateGraph(node('{"StartAt":'))).toEqual({ problem: expect.stringMatching(/^The definition is not JSON: /) as unknown });
    expect(stateGraph(node({ StartAt: 'A' }))).toEqual({ problem: 'The definition has no States object' });
  });

  it('ignores transitions to states that do not exist (the definition check names them)', () => {
    const g = graphOf({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
    expect(links(g)).toEqual(['#start->A:next']);
  });
});
