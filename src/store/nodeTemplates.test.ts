import { describe, expect, it } from 'vitest';
import { nodeProblems } from '../scenario/index.ts';
import type { NodeTemplate } from '../sim/core/serviceKind.ts';
import { stepFunctionsTemplates } from '../sim/services/stepFunctions/templates.ts';
import { findServiceKind } from '../sim/services/registry.ts';
import { emptyDoc, type Doc } from './doc.ts';
import { createAppStore } from './index.ts';
import { addMissingTargets, applyTemplate, bodilessSenders } from './nodeTemplates.ts';

const SM = 'AWS::StepFunctions::StateMachine';
const FN = 'AWS::Lambda::Function';
const TABLE = 'AWS::DynamoDB::Table';

const twoCalls: NodeTemplate = {
  id: 'two',
  title: 'Two calls',
  summary: '',
  origin: '',
  input: null,
  targets: [
    { name: 'Worker', type: FN, property: 'DefinitionSubstitutions.Worker' },
    { name: 'Store', type: TABLE, property: 'DefinitionSubstitutions.Store', edge: { operation: 'PutItem' } },
    { name: 'Helper', type: FN, property: 'DefinitionSubstitutions.Helper' },
  ],
  properties: {
    Definition: {
      StartAt: 'Work',
      States: {
        Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${Worker}', 'Payload.$': '$' }, Next: 'Help' },
        Help: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: '${Helper}', 'Payload.$': '$' }, Next: 'Save' },
        Save: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: '${Store}', Item: { id: { S: 'x' } } }, End: true },
      },
    },
    DefinitionSubstitutions: { Worker: 'Worker', Store: 'Store', Helper: 'Helper' },
  },
};

function canvas(nodes: [string, string][], edges: { from: string; to: string; properties?: Record<string, unknown> }[] = []): Doc {
  return {
    ...emptyDoc('Templates'),
    nodes: [{ id: 'Flow', type: SM, position: { x: 0, y: 0 }, properties: { StateMachineType: 'EXPRESS', DefinitionSubstitutions: { Worker: 'Old' } } }, ...nodes.map(([id, type], i) => ({ id, type, position: { x: 300, y: i * 150 } }))],
    edges: edges.map((e, i) => ({ id: `e${i + 1}`, ...e })),
  };
}
const flow = (doc: Doc) => doc.nodes.find((n) => n.id === 'Flow')!;
const unconnected = (doc: Doc) => {
  const node = flow(doc);
  const targets = new Set(doc.edges.filter((e) => e.from === 'Flow').map((e) => e.to));
  return findServiceKind(SM)!.unconnected!({ id: node.id, type: node.type, properties: node.properties ?? {}, behaviour: {} }, targets, new Set(doc.nodes.map((n) => n.id)));
};

describe('applyTemplate', () => {
  it('replaces the properties the template sets and keeps the others', () => {
    const { doc } = applyTemplate(canvas([]), 'Flow', twoCalls);
    expect(flow(doc).properties).toMatchObject({ StateMachineType: 'EXPRESS', Definition: twoCalls.properties.Definition });
    expect(flow(doc).properties!.Definition).not.toBe(twoCalls.properties.Definition);
  });

  it('binds each target to a different node of its type: the same name first, then the one it named, then one it reaches, then any', () => {
    const doc = canvas(
      [
        ['Old', FN],
        ['Other', FN],
        ['Reached', FN],
        ['Helper', FN],
        ['Orders', TABLE],
      ],
      [{ from: 'Flow', to: 'Reached' }],
    );
    const { doc: next, bindings } = applyTemplate(doc, 'Flow', twoCalls);
    expect(bindings.map((b) => [b.target.name, b.node, b.edge])).toEqual([
      ['Worker', 'Old', 'added'],
      ['Store', 'Orders', 'added'],
      ['Helper', 'Helper', 'added'],
    ]);
    expect(flow(next).properties!.DefinitionSubstitutions).toEqual({ Worker: 'Old', Store: 'Orders', Helper: 'Helper' });
    expect(next.edges.find((e) => e.to === 'Orders')).toMatchObject({ from: 'Flow', properties: { operation: 'PutItem' } });
    expect(unconnected(next)).toEqual([]);
  });

  it('prefers a node the state machine already calls over any other, and sets that edge to the API the Tasks call', () => {
    const doc = canvas(
      [
        ['First', FN],
        ['Reached', FN],
        ['Orders', TABLE],
      ],
      [
        { from: 'Flow', to: 'Reached' },
        { from: 'Flow', to: 'Orders', properties: { operation: 'GetItem', itemSizeKB: 2 } },
      ],
    );
    const { doc: next, bindings } = applyTemplate(doc, 'Flow', twoCalls);
    expect(bindings.map((b) => [b.target.name, b.node, b.edge])).toEqual([
      ['Worker', 'Reached', 'kept'],
      ['Store', 'Orders', 'updated'],
      ['Helper', 'First', 'added'],
    ]);
    expect(next.edges.find((e) => e.to === 'Orders')!.properties).toEqual({ operation: 'PutItem', itemSizeKB: 2 });
    expect(next.edges.filter((e) => e.from === 'Flow')).toHaveLength(3);
  });

  it('leaves a target with no node of its type unbound, under its own name, so the node shows it unconnected', () => {
    const { doc, bindings } = applyTemplate(canvas([['Fn', FN]]), 'Flow', twoCalls);
    expect(bindings.map((b) => [b.target.name, b.node, b.problem])).toEqual([
      ['Worker', 'Fn', undefined],
      ['Store', null, 'no DynamoDB table on the canvas'],
      ['Helper', null, 'no Lambda function on the canvas'],
    ]);
    expect(unconnected(doc)).toEqual([
      { step: 'Help', target: 'Helper', missing: true },
      { step: 'Save', target: 'Store', missing: true },
    ]);
  });

  it('adds the missing nodes beside the state machine, bound and connected', () => {
    const applied = applyTemplate(canvas([['Fn', FN], ['Store', 'Client']]), 'Flow', twoCalls);
    const { doc, bindings } = addMissingTargets(applied.doc, 'Flow', applied.bindings);
    expect(bindings.map((b) => [b.target.name, b.node])).toEqual([
      ['Worker', 'Fn'],
      ['Store', 'Store2'],
      ['Helper', 'Helper'],
    ]);
    expect(doc.nodes.filter((n) => n.id === 'Store2' || n.id === 'Helper').map((n) => [n.type, n.position!.x > 240])).toEqual([
      [TABLE, true],
      [FN, true],
    ]);
    expect(unconnected(doc)).toEqual([]);
    expect(flow(doc).properties!.DefinitionSubstitutions).toEqual({ Worker: 'Fn', Store: 'Store2', Helper: 'Helper' });
  });

  it('every real template, with its nodes added, leaves a document the validator accepts', () => {
    for (const template of stepFunctionsTemplates) {
      const applied = applyTemplate(canvas([]), 'Flow', template);
      const { doc } = addMissingTargets(applied.doc, 'Flow', applied.bindings);
      expect(nodeProblems(doc, 0), template.id).toEqual([]);
      expect(unconnected(doc), template.id).toEqual([]);
    }
  });

  it('is one undo step in the store', () => {
    const store = createAppStore();
    store.getState().loadDoc(canvas([['Fn', FN]]), { resetHistory: true });
    const before = store.getState().doc;
    const { doc } = applyTemplate(before, 'Flow', twoCalls);
    store.getState().edit(() => doc);
    expect(store.getState().doc.edges).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc).toEqual(before);
  });

  it('finds the clients that start the node, directly or through an API, and have no body yet', () => {
    const doc = canvas(
      [
        ['Direct', 'Client'],
        ['Api', 'AWS::ApiGateway::RestApi'],
        ['ViaApi', 'Client'],
        ['WithBody', 'Client'],
        ['Elsewhere', 'Client'],
      ],
      [
        { from: 'Direct', to: 'Flow' },
        { from: 'ViaApi', to: 'Api' },
        { from: 'WithBody', to: 'Api' },
        { from: 'Api', to: 'Flow' },
      ],
    );
    doc.nodes.find((n) => n.id === 'WithBody')!.behaviour = { body: { a: 1 } };
    expect(bodilessSenders(doc, 'Flow').sort()).toEqual(['Direct', 'ViaApi']);
  });
});
