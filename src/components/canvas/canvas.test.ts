import { describe, expect, it } from 'vitest';
import { emptyDoc, type Doc } from '../../store/doc.ts';
import { moveNodes } from '../../store/docOps.ts';
import { checkConnection } from './connectionCheck.ts';
import { createEdgeDeriver, createNodeDeriver } from './flowElements.ts';

const LAMBDA = 'AWS::Lambda::Function';
const SQS = 'AWS::SQS::Queue';

function doc(): Doc {
  return {
    ...emptyDoc(),
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 0 } },
      { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 300, y: 0 } },
      { id: 'Fn', type: LAMBDA, position: { x: 600, y: 0 } },
      { id: 'Jobs', type: SQS, position: { x: 300, y: 200 } },
      { id: 'Dlq', type: SQS, position: { x: 300, y: 400 } },
    ],
    edges: [{ from: 'Users', to: 'Api' }],
  };
}

describe('connection checks (registry rules)', () => {
  it('allows what AWS allows, with the role inferred', () => {
    expect(checkConnection(doc(), 'Api', 'Fn')).toEqual({ ok: true, role: 'invoke' });
    expect(checkConnection(doc(), 'Jobs', 'Fn')).toEqual({ ok: true, role: 'eventSource' });
    expect(checkConnection(doc(), 'Jobs', 'Dlq', 'failure')).toEqual({ ok: true, role: 'deadLetter' });
  });

  it('refuses what AWS does not allow, saying why', () => {
    const r = checkConnection(doc(), 'Jobs', 'Api');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe("An SQS queue can't send to an API Gateway (REST). Consumers poll a queue; it calls nothing. Connect the queue to a Lambda function instead.");
    expect(checkConnection(doc(), 'Fn', 'Fn')).toEqual({ ok: false, reason: 'A node cannot connect to itself.' });
    expect(checkConnection(doc(), 'Users', 'Api')).toEqual({ ok: false, reason: 'Users is already connected to Api.' });
  });

  it('a dead-letter queue is drawn from the failure handle, not the output', () => {
    const r = checkConnection(doc(), 'Jobs', 'Dlq', 'out');
    expect(r).toEqual({ ok: false, reason: 'Jobs can reach Dlq only as deadLetter: drag from its bottom (failure) handle.' });
  });
});

describe('React Flow elements derived from the document', () => {
  it('keeps node objects of unchanged nodes between derivations, so a drag re-renders only what moved', () => {
    const derive = createNodeDeriver();
    const d = doc();
    const first = derive(d.nodes, new Set());
    const moved = moveNodes(d, new Map([['Fn', { x: 640, y: 16 }]]));
    const second = derive(moved.nodes, new Set());
    expect(second.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['Fn']);
    expect(second[2].position).toEqual({ x: 640, y: 16 });
    expect(second[2].data).toBe(first[2].data);
    const third = derive(moved.nodes, new Set(['Api']));
    expect(third.filter((n, i) => n !== second[i]).map((n) => n.id)).toEqual(['Api']);
    expect(third[1].selected).toBe(true);
  });

  it('edges use the failure handle for dead-letter roles and stay stable', () => {
    const derive = createEdgeDeriver();
    const d = { ...doc(), edges: [{ id: 'e1', from: 'Users', to: 'Api' }, { id: 'e7', from: 'Jobs', to: 'Dlq' }] };
    const infer = (e: { from: string }) =>
      e.from === 'Jobs' ? { role: 'deadLetter' as const, severalRoles: false } : { role: 'call' as const, severalRoles: true };
    const first = derive(d.edges, new Set(), infer);
    expect(first.map((e) => [e.id, e.sourceHandle, e.data?.index, e.data?.severalRoles])).toEqual([
      ['e1', 'out', 0, true],
      ['e7', 'failure', 1, false],
    ]);
    const second = derive(d.edges, new Set(['e7']), infer);
    expect(second[0]).toBe(first[0]);
    expect(second[1].selected).toBe(true);
  });

  it('refuses a drag in plain words, saying what AWS does instead', () => {
    const doc = {
      format: 'serverless-playground/scenario' as const,
      version: 1 as const,
      name: 'x',
      nodes: [
        { id: 'Orders', type: 'AWS::DynamoDB::Table' },
        { id: 'Events', type: 'AWS::ApiGateway::RestApi' },
      ],
      edges: [],
    };
    const r = checkConnection(doc, 'Orders', 'Events');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^A DynamoDB table can't send to an API Gateway \(REST\)\./);
  });
});
