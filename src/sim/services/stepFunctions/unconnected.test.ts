import { describe, expect, it } from 'vitest';
import type { SimNode } from '../../core/model.ts';
import { stepFunctionsKind } from './kind.ts';

const DEFINITION = {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${Pay}', 'Payload.$': '$' }, Next: 'Save' },
    Save: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'Orders', Item: {} }, Next: 'Notify' },
    Notify: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { 'TopicArn.$': '$.topic', Message: 'x' }, End: true },
  },
};
const node = (Definition: unknown = DEFINITION): SimNode => ({
  id: 'W',
  type: 'AWS::StepFunctions::StateMachine',
  properties: { Definition, DefinitionSubstitutions: { Pay: 'PayFn' } },
  behaviour: {},
});

describe('Tasks the canvas marks as unconnected (kind.unconnected)', () => {
  const unconnected = (...args: Parameters<NonNullable<typeof stepFunctionsKind.unconnected>>) => stepFunctionsKind.unconnected!(...args);

  it('names each Task whose target has no edge, telling a node that is missing from one that is only unlinked', () => {
    expect(unconnected(node(), new Set(), new Set(['W', 'Orders']))).toEqual([
      { step: 'Charge', target: 'PayFn', missing: true },
      { step: 'Save', target: 'Orders', missing: false },
    ]);
  });

  it('a Task reached by an edge, or whose target is read from the input at run time, is not marked', () => {
    expect(unconnected(node(), new Set(['PayFn', 'Orders']), new Set(['W', 'PayFn', 'Orders']))).toEqual([]);
  });

  it('reads a definition given as JSON text, and marks nothing in text that is not JSON', () => {
    expect(unconnected(node(JSON.stringify(DEFINITION)), new Set(['PayFn']), new Set())).toEqual([{ step: 'Save', target: 'Orders', missing: true }]);
    expect(unconnected(node('{"StartAt":'), new Set(), new Set())).toEqual([]);
  });
});
