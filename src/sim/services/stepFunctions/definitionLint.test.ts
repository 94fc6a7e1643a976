import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../core/model.ts';
import { stepFunctionsKind } from './kind.ts';

const node = (Definition: unknown): SimNode => ({ id: 'W', type: 'AWS::StepFunctions::StateMachine', properties: { Definition, DefinitionSubstitutions: {} }, behaviour: {} });

describe('the inspector\'s lazy definition check (kind.checkLazily)', () => {
  it('names what only asl-validator finds, by state and field, beside the service\'s own checks', async () => {
    const bad = { StartAt: 'A', States: { A: { Type: 'Pass', InputPath: '$.a[', Next: 'Nowhere' } } };
    expect(stepFunctionsKind.check!(node(bad))).toEqual([['properties.Definition.States.A.Next', 'names "Nowhere", which is not a state of this machine']]);
    const lazily = await stepFunctionsKind.checkLazily!(node(bad));
    expect(lazily).toContainEqual(['properties.Definition.States.A.InputPath', 'must match format "asl_path"']);
  });

  it('finds nothing in a good definition', async () => {
    await expect(stepFunctionsKind.checkLazily!(node({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }))).resolves.toEqual([]);
  });
});
