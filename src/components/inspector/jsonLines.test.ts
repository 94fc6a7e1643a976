import { describe, expect, it } from 'vitest';
import { problemLines } from './jsonLines.ts';

const TEXT = JSON.stringify(
  {
    StartAt: 'Charge',
    States: {
      Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.ALL'], BackoffRate: 0.5 }], Next: 'Large order?' },
      'Large order?': { Type: 'Choice', Choices: [], Default: 'Nowhere' },
      'v1.2': { Type: 'Pass', End: true },
    },
  },
  null,
  2,
);
const lineOf = (needle: string) => TEXT.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('problemLines: a problem at the line of its state and field', () => {
  it('finds fields inside arrays and states whose names hold spaces, question marks or dots', () => {
    const lines = problemLines(TEXT, [
      { path: 'States.Large order?.Default', message: 'names "Nowhere", which is not a state of this machine' },
      { path: 'States.Charge.Retry[0].BackoffRate', message: 'must be >= 1' },
      { path: 'States.v1.2.End', message: 'x' },
    ]);
    expect(lines).toEqual([
      { line: lineOf('"BackoffRate"'), path: 'States.Charge.Retry[0].BackoffRate', message: 'must be >= 1' },
      { line: lineOf('"Default"'), path: 'States.Large order?.Default', message: 'names "Nowhere", which is not a state of this machine' },
      { line: lineOf('"End"'), path: 'States.v1.2.End', message: 'x' },
    ]);
  });

  it('a field the text lacks is shown at its state; the whole definition at line 1', () => {
    const [missing, whole] = problemLines(TEXT, [
      { path: 'States.Charge.TimeoutSeconds', message: 'missing' },
      { path: '', message: 'whole' },
    ]).sort((a, b) => b.line - a.line);
    expect(missing.line).toBe(lineOf('"Charge": {'));
    expect(whole.line).toBe(1);
  });

  it('text that is not JSON: the line of the syntax error', () => {
    expect(problemLines('{\n  "StartAt": "A",\n  "States": {\n}', [])).toEqual([{ line: 4, path: '', message: expect.stringMatching(/^not valid JSON here: /) as unknown }]);
  });
});
