import { describe, expect, it } from 'vitest';
import { plainPath, problemsWithin } from './fieldProblems.ts';

describe('problemsWithin', () => {
  it('keeps the problems inside one field, with paths relative to it', () => {
    const problems = [
      { path: 'properties.Definition.States.A.Next', message: 'a' },
      { path: 'properties.Definition', message: 'b' },
      { path: 'properties.DefinitionSubstitutions.X', message: 'c' },
      { path: 'properties.Definition[0]', message: 'd' },
    ];
    expect(problemsWithin(problems, 'properties.Definition')).toEqual([
      { path: 'States.A.Next', message: 'a' },
      { path: '', message: 'b' },
      { path: '[0]', message: 'd' },
    ]);
    expect(problemsWithin(undefined, 'properties.Definition')).toEqual([]);
  });

  it('writes quoted keys with dots, so the two checks\' paths compare equal', () => {
    expect(plainPath('nodes[2].properties.Definition.States.Validate["Retry[0]"].BackoffRate')).toBe('nodes[2].properties.Definition.States.Validate.Retry[0].BackoffRate');
    expect(plainPath('a["say \\"hi\\""].b')).toBe('a.say "hi".b');
  });
});
