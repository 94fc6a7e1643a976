import { describe, expect, it } from 'vitest';
import type { Json } from './errors.ts';
import { loadDefinition, MAX_DEFINITION_BYTES } from './load.ts';

const task = (extra: Record<string, Json>) => ({
  StartAt: 'ProcessOrder',
  States: { ProcessOrder: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'F' }, End: true, ...extra } },
});

async function problems(source: string | Json, options = {}): Promise<string[]> {
  const loaded = await loadDefinition(source, options);
  return loaded.ok ? [] : loaded.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('loadDefinition', () => {
  it('accepts a valid definition, applying DefinitionSubstitutions', async () => {
    const loaded = await loadDefinition('{"StartAt":"A","States":{"A":{"Type":"Pass","Result":"${Greeting}","End":true}}}', { substitutions: { Greeting: 'hi' } });
    expect(loaded).toMatchObject({ ok: true, machine: { States: { A: { Result: 'hi' } } } });
  });

  it('accepts JSONata states, variables and inline Map failure tolerance', async () => {
    const jsonata = {
      QueryLanguage: 'JSONata', StartAt: 'Prepare',
      States: {
        Prepare: { Type: 'Pass', Assign: { total: '{% $sum($states.input.lines.price) %}' }, Next: 'Big?' },
        'Big?': { Type: 'Choice', Choices: [{ Condition: '{% $total > 100 %}', Next: 'Each', Assign: { tier: 'big' } }], Default: 'Each' },
        Each: { Type: 'Map', Items: '{% $states.input.lines %}', ToleratedFailureCount: 1, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true },
      },
    };
    expect(await problems(jsonata)).toEqual([]);
    expect(await problems({ StartAt: 'S', States: { S: { Type: 'Pass', Assign: { rate: 3 }, Next: 'P' }, P: { Type: 'Pass', Parameters: { 'v.$': '$rate' }, End: true } } })).toEqual([]);
  });

  it('names the state and the field of a bad retrier', async () => {
    expect(await problems(task({ Retry: [{ ErrorEquals: ['States.ALL'], BackoffRate: 0.5, IntervalSeconds: 0, MaxAttempts: -1 }] }))).toEqual(expect.arrayContaining([
      'States.ProcessOrder.Retry[0].BackoffRate: must be >= 1',
      'States.ProcessOrder.Retry[0].IntervalSeconds: must be an integer from 1 to 99999999',
    ]));
    expect(await problems(task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['X'] }] })))
      .toContain('States.ProcessOrder.Retry[0].ErrorEquals: States.ALL must appear alone, in the last retrier or catcher');
  });

  it('reports asl-validator findings at the state: a bad path, a missing Next target', async () => {
    expect(await problems(task({ InputPath: 'no-dollar' }))).toEqual(expect.arrayContaining([expect.stringMatching(/^States\.ProcessOrder\.InputPath: /)]));
    const missing = await problems({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
    expect(missing.join('\n')).toMatch(/Nowhere/);
  });

  it('refuses distributed Map, ItemBatcher and ItemReader explicitly', async () => {
    const map = {
      StartAt: 'M',
      States: { M: {
        Type: 'Map', End: true, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } }, ItemBatcher: { MaxItemsPerBatch: 10 },
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      } },
    };
    expect(await problems(map)).toEqual(expect.arrayContaining([
      'States.M.ItemProcessor.ProcessorConfig.Mode: distributed Map (child executions) is not simulated yet; use Mode INLINE',
      'States.M.ItemReader: ItemReader belongs to distributed Map, which is not simulated yet',
      'States.M.ItemBatcher: ItemBatcher belongs to distributed Map, which is not simulated yet',
    ]));
  });

  it('refuses .sync and .waitForTaskToken on Express, activities, unknown intrinsics and bad Choice rules', async () => {
    expect(await problems(task({ Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: 'x' } }), { type: 'EXPRESS' }))
      .toContain('States.ProcessOrder.Resource: Express workflows do not support .sync (aws-behaviour.md, Express row)');
    expect(await problems(task({ Resource: 'arn:aws:states:us-east-1:123456789012:activity:Review', Parameters: undefined as unknown as Json })))
      .toContain('States.ProcessOrder.Resource: activities (workers polling GetActivityTask) are not simulated; use a Lambda or service integration');
    expect(await problems(task({ Parameters: { 'id.$': 'States.Hash($.x)' } })))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^States\.ProcessOrder\.Parameters\.id\.\$: .*States\.Hash is not a supported intrinsic/)]));
    const choice = { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.x', StringEqual: 'a', Next: 'D' }], Default: 'D' }, D: { Type: 'Succeed' } } };
    expect((await problems(choice)).join('\n')).toMatch(/States\.C\.Choices\[0\]/);
  });

  it('checks JSONata states for JSONPath fields and bad expressions', async () => {
    const jsonata = { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: '{% $states.input.( %}', End: true } } };
    expect((await problems(jsonata)).join('\n')).toMatch(/States\.A\.Output/);
  });

  it('survives hostile shapes: wrong types everywhere give problems, never exceptions', async () => {
    const hostile = [
      { StartAt: 5, States: [] },
      { StartAt: 'A', States: { A: null } },
      { StartAt: 'A', States: { A: { Type: 'Task', Resource: 7, Retry: 'x', Catch: [null], End: true } } },
      { StartAt: 'A', States: { A: { Type: 'Choice', Choices: [{ And: 'x' }, { Not: null }], Default: 'A' } } },
      { StartAt: 'A', States: { A: { Type: 'Map', ItemProcessor: 3, MaxConcurrency: -1, End: true } } },
      { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'x.$': 5 }, End: true } } },
    ];
    for (const definition of hostile) expect((await problems(definition as Json)).length).toBeGreaterThan(0);
  });

  it('refuses text that is not JSON, not an object, or over 1 MB, quickly and with the reason', async () => {
    expect(await problems('{"StartAt": ')).toEqual([expect.stringMatching(/^definition: is not valid JSON/)]);
    expect(await problems('[1,2]')).toEqual(['definition: must be a JSON object with StartAt and States']);
    expect(await problems(' '.repeat(MAX_DEFINITION_BYTES + 1))).toEqual([expect.stringMatching(/over AWS's 1 MB limit/)]);
    const deep = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${'['.repeat(100_000)}${']'.repeat(100_000)},"End":true}}}`;
    expect(await problems(deep)).toEqual([expect.stringMatching(/^definition: (nests objects and arrays more than 200 levels deep|is not valid JSON)/)]);
  });
});
