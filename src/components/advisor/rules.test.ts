import { describe, expect, it } from 'vitest';
import { emptyDoc, type Doc, type DocEdge, type DocNode } from '../../store/doc.ts';
import { adviseOn } from './rules.ts';

const API_REST = 'AWS::ApiGateway::RestApi';
const LAMBDA = 'AWS::Lambda::Function';
const SQS = 'AWS::SQS::Queue';

function doc(nodes: DocNode[], edges: DocEdge[]): Doc {
  return { ...emptyDoc(), nodes, edges };
}
const at = { x: 0, y: 0 };

describe('design advisor', () => {
  it('flags reservations above what the account allows, at each reserving function, in the words Run uses', () => {
    const over = doc(
      [
        { id: 'A', type: LAMBDA, position: at, properties: { ReservedConcurrentExecutions: 600 } },
        { id: 'B', type: LAMBDA, position: at, properties: { ReservedConcurrentExecutions: 400 } },
        { id: 'C', type: LAMBDA, position: at },
      ],
      [],
    );
    const advice = adviseOn(over).filter((a) => a.rule === 'account');
    expect(advice.map((a) => [a.nodeId, a.severity])).toEqual([['A', 'error'], ['B', 'error']]);
    expect(advice[0].message).toMatch(/^A: Functions reserve 1,000 concurrent executions in all \(A 600, B 400\), but this account allows only 900/);
    expect(adviseOn({ ...over, settings: { lambdaAccountConcurrency: 2000 } }).filter((a) => a.rule === 'account')).toEqual([]);
  });

  it('flags an API that is called but integrates nothing, and the fix connects the function nothing invokes', () => {
    const client = { id: 'Users', type: 'Client', position: at };
    const api = { id: 'Api', type: API_REST, position: at };
    const lonely = doc([client, api, { id: 'Fn', type: LAMBDA, position: at }], [{ from: 'Users', to: 'Api' }]);
    const advice = adviseOn(lonely).filter((a) => a.rule === 'api-integration');
    expect(advice.map((a) => [a.nodeId, a.severity, a.fixLabel])).toEqual([['Api', 'error', 'Connect Api to Fn']]);
    expect(advice[0].message).toMatch(/answers every request with 500/);
    const fixed = advice[0].fix!(lonely);
    expect(fixed.edges.map((e) => [e.from, e.to])).toEqual([['Users', 'Api'], ['Api', 'Fn']]);
    expect(adviseOn(fixed).filter((a) => a.rule === 'api-integration')).toEqual([]);
    // No function to connect (or several): the fix adds one. An API nobody calls is not flagged.
    const bare = doc([client, api], [{ from: 'Users', to: 'Api' }]);
    const added = adviseOn(bare)[0].fix!(bare);
    expect(added.nodes.map((n) => [n.id, n.type])).toContainEqual(['ApiHandler', LAMBDA]);
    expect(added.edges.map((e) => [e.from, e.to])).toContainEqual(['Api', 'ApiHandler']);
    expect(adviseOn(doc([api], [])).filter((a) => a.rule === 'api-integration')).toEqual([]);
  });

  it('warns when the queue visibility timeout is below 6 x the function timeout, and the fix clears it', () => {
    const d = doc(
      [
        { id: 'Jobs', type: SQS, position: at, properties: { VisibilityTimeout: 59 } },
        { id: 'Worker', type: LAMBDA, position: at, properties: { Timeout: 10 } },
      ],
      [{ from: 'Jobs', to: 'Worker' }],
    );
    const advice = adviseOn(d);
    expect(advice.map((a) => a.rule)).toEqual(['visibility-timeout']);
    expect(advice[0].fixLabel).toBe('Set VisibilityTimeout to 60 s');
    const fixed = advice[0].fix!(d);
    expect(fixed.nodes[0].properties).toEqual({ VisibilityTimeout: 60 });
    expect(adviseOn(fixed)).toEqual([]);
  });

  it('uses AWS defaults (visibility 30 s, timeout 3 s) for values the document leaves out', () => {
    const ok = doc([{ id: 'Q', type: SQS, position: at }, { id: 'F', type: LAMBDA, position: at }], [{ from: 'Q', to: 'F' }]);
    expect(adviseOn(ok)).toEqual([]); // 30 >= 6 x 3
    const slow = doc(
      [{ id: 'Q', type: SQS, position: at }, { id: 'F', type: LAMBDA, position: at, properties: { Timeout: 6 } }],
      [{ from: 'Q', to: 'F' }],
    );
    expect(adviseOn(slow).map((a) => a.message)).toEqual([
      "Q's visibility timeout (30 s) is below 6 x F's timeout (6 s): messages being processed can be received twice.",
    ]);
  });

  it('warns about maxReceiveCount below 5 only', () => {
    const mk = (n: number) =>
      doc([{ id: 'Q', type: SQS, position: at, properties: { RedrivePolicy: { maxReceiveCount: n } } }, { id: 'Dlq', type: SQS, position: at }], [{ from: 'Q', to: 'Dlq' }]);
    expect(adviseOn(mk(5))).toEqual([]);
    const advice = adviseOn(mk(4));
    expect(advice.map((a) => a.id)).toEqual(['max-receive-count:Q']);
    expect(advice[0].fix!(mk(4)).nodes[0].properties).toEqual({ RedrivePolicy: { maxReceiveCount: 5 } });
  });

  it('says nothing about a dead-letter queue a queue does not have, except that it has none', () => {
    const lone = doc([{ id: 'Q', type: SQS, position: at, properties: { RedrivePolicy: { maxReceiveCount: 2 } } }], []);
    const advice = adviseOn(lone);
    expect(advice.map((a) => a.message)).toEqual([
      'Q sets maxReceiveCount (2) but has no dead-letter queue: connect another queue from its failure handle, or messages that keep failing are received again until they expire.',
    ]);
    expect(advice[0].fix).toBeUndefined();
    expect(adviseOn(doc([{ id: 'Q', type: SQS, position: at }], []))).toEqual([]);
  });

  it('warns about an async-invoked function with no DLQ or on-failure destination; the fix adds an SQS on-failure queue', () => {
    const d = doc(
      [
        { id: 'Topic', type: 'AWS::SNS::Topic', position: { x: 0, y: 0 } },
        { id: 'Fn', type: LAMBDA, position: { x: 100, y: 0 } },
      ],
      [{ from: 'Topic', to: 'Fn' }],
    );
    const allowed = { canConnect: () => true };
    const advice = adviseOn(d, allowed);
    expect(advice.map((a) => a.rule)).toEqual(['async-dlq']);
    const fixed = advice[0].fix!(d);
    expect(fixed.nodes[2]).toEqual({ id: 'FnFailures', type: SQS, position: { x: 140, y: 200 } });
    expect(fixed.edges[1]).toEqual({ id: 'e2', from: 'Fn', to: 'FnFailures', role: 'onFailure' });
    expect(adviseOn(fixed, allowed)).toEqual([]);
    // without a Lambda -> SQS onFailure connection in the registry the warning stays, with no fix button
    const noFix = adviseOn(d, { canConnect: () => false });
    expect(noFix.map((a) => [a.rule, a.fix])).toEqual([['async-dlq', undefined]]);
    // a client invoking with InvocationType Event is asynchronous too
    const eventClient = doc(
      [{ id: 'Users', type: 'Client', position: at }, { id: 'Fn', type: LAMBDA, position: at }],
      [{ from: 'Users', to: 'Fn', properties: { invocationType: 'Event' } }],
    );
    expect(adviseOn(eventClient, allowed).map((a) => a.id)).toEqual(['async-dlq:Fn']);
    expect(adviseOn({ ...eventClient, edges: [{ from: 'Users', to: 'Fn' }] }, allowed)).toEqual([]);
    // a synchronous caller (API Gateway) does not need one
    const sync = doc([{ id: 'Api', type: API_REST, position: at }, { id: 'Fn', type: LAMBDA, position: at }], [{ from: 'Api', to: 'Fn' }]);
    expect(adviseOn(sync)).toEqual([]);
  });

  it('warns when the API integration timeout is shorter than the function timeout', () => {
    const d = doc(
      [
        { id: 'Api', type: API_REST, position: at },
        { id: 'Fn', type: LAMBDA, position: at, properties: { Timeout: 60 } },
      ],
      [{ from: 'Api', to: 'Fn' }],
    );
    const advice = adviseOn(d);
    expect(advice.map((a) => a.id)).toEqual(['api-timeout:Api:Fn']);
    expect(advice[0].fix!(d).nodes[1].properties).toEqual({ Timeout: 29 });
    expect(adviseOn(advice[0].fix!(d))).toEqual([]);
    const onEdge = doc(d.nodes, [{ from: 'Api', to: 'Fn', properties: { TimeoutInMillis: 61_000 } }]);
    expect(adviseOn(onEdge)).toEqual([]);
  });

  it('flags provisioned concurrency above reserved as an error with a fix', () => {
    const d = doc(
      [
        {
          id: 'Fn',
          type: LAMBDA,
          position: at,
          properties: { ReservedConcurrentExecutions: 10, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 11 } },
        },
      ],
      [],
    );
    const advice = adviseOn(d);
    expect(advice.map((a) => [a.rule, a.severity])).toEqual([['provisioned-reserved', 'error']]);
    expect(advice[0].fix!(d).nodes[0].properties).toEqual({
      ReservedConcurrentExecutions: 10,
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 10 },
    });
    const equal = advice[0].fix!(d);
    expect(adviseOn(equal)).toEqual([]);
  });

  it('asks the registry whether an edge is asynchronous: a schedule and an on-failure destination invoke asynchronously, an SQS mapping does not', () => {
    const scheduled = doc(
      [
        { id: 'Nightly', type: 'AWS::Scheduler::Schedule', position: at },
        { id: 'Batch', type: LAMBDA, position: at },
        { id: 'Jobs', type: SQS, position: at },
        { id: 'Worker', type: LAMBDA, position: at },
        { id: 'OnFail', type: LAMBDA, position: at },
      ],
      [
        { from: 'Nightly', to: 'Batch' },
        { from: 'Jobs', to: 'Worker' },
        { from: 'Worker', to: 'OnFail', role: 'onFailure' },
      ],
    );
    expect(adviseOn(scheduled).filter((a) => a.rule === 'async-dlq').map((a) => a.nodeId)).toEqual(['Batch', 'OnFail']);
  });

  it("runs the kinds' rules it is given, turning each fix described as data into a change of the document", () => {
    const d = doc([{ id: 'Q', type: SQS, position: { x: 10, y: 20 } }], []);
    const advice = adviseOn(d, undefined, [
      (view) => [
        {
          id: 'r:Q',
          rule: 'r',
          severity: 'warning',
          nodeId: 'Q',
          message: `${view.nodes.length} node`,
          fix: { label: 'Add a DLQ', add: { type: SQS, id: 'QDlq', near: 'Q', dx: 0, dy: 160 }, connectAdded: { from: 'Q', role: 'deadLetter' } },
        },
      ],
    ]);
    expect(advice.map((a) => [a.id, a.message, a.fixLabel])).toEqual([['r:Q', '1 node', 'Add a DLQ']]);
    const fixed = advice[0].fix!(d);
    expect(fixed.nodes.map((n) => [n.id, n.position])).toEqual([['Q', { x: 10, y: 20 }], ['QDlq', { x: 10, y: 180 }]]);
    expect(fixed.edges.map((e) => [e.from, e.to, e.role])).toEqual([['Q', 'QDlq', 'deadLetter']]);
  });
});
