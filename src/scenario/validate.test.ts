import { describe, expect, it } from 'vitest';
import { connectionRule } from './connections.ts';
import { defaultsFor, newScenario } from './defaults.ts';
import { formatProblem } from './paths.ts';
import { loadScenarioText } from './parseText.ts';
import { fakeCatalog } from './testing/fakeKinds.ts';
import type { Problem } from './types.ts';
import { validateScenario } from './validate.ts';
import { nodeProblems } from './validateNode.ts';

const validate = (doc: unknown) => validateScenario(doc, fakeCatalog);

function base(): Record<string, unknown> {
  return {
    format: 'serverless-playground/scenario',
    version: 1,
    name: 'test',
    nodes: [
      { id: 'Users', type: 'Client', properties: { ratePerSecond: 5 } },
      { id: 'Fn', type: 'AWS::Lambda::Function', properties: { Timeout: 10 } },
      { id: 'Queue', type: 'AWS::SQS::Queue' },
    ],
    edges: [
      { from: 'Users', to: 'Fn' },
      { from: 'Queue', to: 'Fn', properties: { BatchSize: 5 } },
    ],
  };
}

function errors(doc: unknown): string[] {
  const r = validate(doc);
  if (r.ok) return [];
  return r.problems.filter((p) => p.severity !== 'warning').map(formatProblem);
}

describe('validateScenario: a valid document', () => {
  it('fills AWS defaults, infers roles and keeps unknown keys in the document, not in what the engine runs', () => {
    const doc: Record<string, unknown> = { ...base(), extra: { kept: true } };
    (doc.nodes as Record<string, unknown>[])[1].properties = { Timeout: 10, Handler: 'index.handler' };
    const r = validate(doc);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.sim.seed).toBe(1);
    expect(r.sim.durationSeconds).toBe(600);
    expect(r.sim.settings.lambdaAccountConcurrency).toBe(1000);
    expect(r.sim.settings.apiGatewayAccountRateLimit).toBe(10_000);
    expect(r.sim.settings.apiGatewayAccountBurstLimit).toBe(5_000);
    expect(r.sim.settings.lambdaScaling).toBe('current');
    expect(r.sim.nodes[1]).toEqual({
      id: 'Fn',
      type: 'AWS::Lambda::Function',
      properties: { Timeout: 10 },
      behaviour: { duration: { distribution: 'constant', valueMs: 100 }, errorRate: 0 },
    });
    expect(r.sim.edges).toEqual([
      { from: 'Users', to: 'Fn', role: 'invoke', properties: {} },
      { from: 'Queue', to: 'Fn', role: 'eventSource', properties: { BatchSize: 5 } },
    ]);
    expect(r.doc.extra).toEqual({ kept: true });
    expect(r.warnings.map(formatProblem)).toEqual(['warning: nodes[1].properties.Handler: not simulated: kept in the document but ignored']);
  });

  it('reads the legacy scaling rule and a bare-number duration', () => {
    const doc = base();
    doc.settings = { lambdaScaling: 'legacy' };
    (doc.nodes as Record<string, unknown>[])[1].behaviour = { duration: 42 };
    const r = validate(doc);
    expect(r.ok && r.sim.settings.lambdaScaling).toBe('legacy');
    expect(r.ok && r.sim.nodes[1].behaviour.duration).toEqual({ distribution: 'constant', valueMs: 42 });
  });
});

describe('validateScenario: problems', () => {
  it('collects every problem with its path, not only the first', () => {
    const doc = base();
    doc.seed = -1;
    doc.durationSeconds = 3_000_000;
    doc.settings = { lambdaAccountConcurrency: 5 };
    doc.nodes = [
      { id: 'Users', type: 'Client', properties: { ratePerSecond: 'fast' } },
      { id: 'Fn', type: 'AWS::Lambda::Function', properties: { Timeout: 901 }, behaviour: { errorRate: 2 } },
      { id: 'Fn', type: 'AWS::Lambda::Functon' },
      { id: 'bad id!', type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: 1e308 } },
    ];
    doc.edges = [{ from: 'Users', to: 'Fnn' }];
    expect(errors(doc)).toEqual([
      'seed: must be a whole number 0..9007199254740991 (2^53-1), not -1',
      'durationSeconds: must be 1..2,592,000 (s; 30 days), not 3000000',
      'settings.lambdaAccountConcurrency: must be 100..1,000,000',
      'nodes[0].properties.ratePerSecond: must be a number',
      'nodes[1].id: "Fn" is used by nodes[2] too',
      'nodes[1].properties.Timeout: must be 1..900 (s)',
      'nodes[1].behaviour.errorRate: must be 0..1',
      'nodes[2].id: "Fn" is used by nodes[1] too',
      'nodes[2].type: unknown node type "AWS::Lambda::Functon" (did you mean "AWS::Lambda::Function"?); known types: Client, AWS::ApiGateway::RestApi, AWS::Lambda::Function, AWS::SNS::Topic, AWS::SQS::Queue',
      'nodes[3].id: "bad id!" may contain only letters, digits, "-" and "_"',
      'nodes[3].properties.VisibilityTimeout: must be a whole number, 0..43,200 (s)',
      'edges[0].to: no node "Fnn"; did you mean "Fn"?',
    ]);
  });

  it('names the branch a duration meant and nested property paths', () => {
    const doc = base();
    (doc.nodes as Record<string, unknown>[])[1].behaviour = { duration: { distribution: 'lognormal', medianMs: 80 } };
    (doc.nodes as Record<string, unknown>[])[1].properties = { Nested: { inner: 9 } };
    expect(errors(doc)).toEqual(['nodes[1].properties.Nested.inner: must be 0..5', 'nodes[1].behaviour.duration.p99Ms: p99Ms must be a number (ms)']);
  });

  it('rejects missing or malformed ids, types and positions', () => {
    const doc = base();
    doc.nodes = [{}, { id: '', type: 7 }, { id: 'x'.repeat(65), type: 'Client', position: { x: 'a', y: Infinity } }, 'node'];
    doc.edges = [];
    expect(errors(doc)).toEqual([
      'nodes[2].position.y: must be a finite number, not Infinity (JSON cannot hold it; a literal such as 1e400 overflows to Infinity)',
      'nodes[0].id: is required (a name such as "OrdersFunction")',
      'nodes[0].type: is required; known types: Client, AWS::ApiGateway::RestApi, AWS::Lambda::Function, AWS::SNS::Topic, AWS::SQS::Queue',
      'nodes[1].id: must not be empty',
      'nodes[1].type: must be text, not 7; known types: Client, AWS::ApiGateway::RestApi, AWS::Lambda::Function, AWS::SNS::Topic, AWS::SQS::Queue',
      'nodes[2].id: is 65 characters long; at most 64 allowed',
      'nodes[2].position.x: must be a number -10000000..10000000 (canvas pixels), not "a"',
      'nodes[3]: must be an object with an id and a type, not "node"',
    ]);
  });

  it('checks edges: self, pairs AWS does not allow, roles, duplicates and edge properties', () => {
    const doc = base();
    doc.edges = [
      { from: 'Fn', to: 'Fn' },
      { from: 'Queue', to: 'Users' },
      { from: 'Fn', to: 'Queue' },
      { from: 'Fn', to: 'Queue', role: 'invoke' },
      { from: 'Fn', to: 'Queue', role: 'sideways' },
      { from: 'Users', to: 'Fn' },
      { from: 'Users', to: 'Fn', role: 'invoke' },
      { from: 'Queue', to: 'Fn', properties: { BatchSize: 0 } },
      { to: 'Fn' },
      { from: 3, to: 'Fn' },
    ];
    expect(errors(doc)).toEqual([
      'edges[0].to: a node cannot connect to itself ("Fn" -> "Fn")',
      'edges[1]: An SQS queue cannot connect to a Client. From an SQS queue you can connect to a Lambda function or an SQS queue.',
      'edges[2].role: From a Lambda function to an SQS queue the role must be stated: one of call, onFailure, onSuccess.',
      'edges[3].role: "invoke" is not a role AWS allows from a Lambda function to an SQS queue; allowed: call, onFailure, onSuccess.',
      'edges[4].role: must be one of invoke, eventSource, subscription, target, deadLetter, onFailure, onSuccess, call, not "sideways"',
      'edges[6]: repeats edges[5] ("Users" -> "Fn", invoke); remove one',
      'edges[7].properties.BatchSize: must be 1..10,000',
      'edges[8].from: is required: the id of a node',
      'edges[9].from: must be a node id (text), not 3',
    ]);
  });

  it('runs the kinds\' connection checks at the edge path', () => {
    const doc = base();
    (doc.edges as Record<string, unknown>[])[1].properties = { BatchSize: 7 };
    expect(errors(doc)).toEqual(['edges[1].properties.BatchSize: seven with a short visibility timeout (a connection check)']);
  });

  it('warns about properties on an edge whose role has none', () => {
    const doc = base();
    (doc.nodes as unknown[]).push({ id: 'Failures', type: 'AWS::SQS::Queue' });
    (doc.edges as unknown[]).push({ from: 'Fn', to: 'Failures', role: 'onFailure', properties: { Foo: 1 } });
    const r = validate(doc);
    expect(r.ok && r.warnings.map(formatProblem)).toEqual([
      'warning: edges[2].properties.Foo: not simulated: onFailure edges from AWS::Lambda::Function to AWS::SQS::Queue have no properties; kept but ignored',
    ]);
    expect(r.ok && r.sim.edges[2]).toEqual({ from: 'Fn', to: 'Failures', role: 'onFailure', properties: {} });
    expect(r.ok && r.doc.edges[2].properties).toEqual({ Foo: 1 });
  });

  it('names every directed cycle', () => {
    const doc = base();
    (doc.nodes as unknown[]).push({ id: 'Dlq', type: 'AWS::SQS::Queue' }, { id: 'Back', type: 'AWS::SQS::Queue' });
    doc.edges = [
      { from: 'Users', to: 'Fn' },
      { from: 'Queue', to: 'Fn' },
      { from: 'Fn', to: 'Queue', role: 'call' },
      { from: 'Dlq', to: 'Back', role: 'deadLetter' },
      { from: 'Back', to: 'Dlq', role: 'deadLetter' },
    ];
    const problems = errors(doc);
    expect(problems).toHaveLength(2);
    expect(problems).toContain(
      "edges: cycle Fn -> Queue -> Fn would circulate messages without bound (AWS's recursive loop detection stops only some such loops); remove or redirect one of its edges",
    );
    expect(problems).toContain(
      "edges: cycle Dlq -> Back -> Dlq would circulate messages without bound (AWS's recursive loop detection stops only some such loops); remove or redirect one of its edges",
    );
  });

  it('finds the cycle in a long chain without overflowing', () => {
    const n = 500;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `Q${i}`, type: 'AWS::SQS::Queue' }));
    const edges = nodes.map((_, i) => ({ from: `Q${i}`, to: `Q${(i + 1) % n}` }));
    const problems = errors({ ...base(), nodes, edges });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^edges: cycle Q\d+ -> /);
    expect(problems[0].split(' -> ')).toHaveLength(n + 1);
  });

  it('keeps the unreserved minimum: every reserving function is named', () => {
    const doc = base();
    doc.nodes = [
      { id: 'A', type: 'AWS::Lambda::Function', properties: { ReservedConcurrentExecutions: 500 } },
      { id: 'B', type: 'AWS::Lambda::Function', properties: { ReservedConcurrentExecutions: 401 } },
      { id: 'C', type: 'AWS::Lambda::Function' },
    ];
    doc.edges = [];
    const message =
      "Functions reserve 901 concurrent executions in all (A 500, B 401), but this account allows only 900 to be reserved: AWS keeps 100 of its 1,000 concurrent executions for functions without a reservation. Lower the reservation, or raise the account concurrency in the scenario's settings (click the empty canvas).";
    expect(errors(doc)).toEqual([
      `nodes[0].properties.ReservedConcurrentExecutions: ${message}`,
      `nodes[1].properties.ReservedConcurrentExecutions: ${message}`,
    ]);
    (doc.nodes as Record<string, Record<string, number>>[])[1].properties.ReservedConcurrentExecutions = 400;
    expect(errors(doc)).toEqual([]);
    doc.settings = { lambdaAccountConcurrency: 2000 };
    (doc.nodes as Record<string, Record<string, number>>[])[1].properties.ReservedConcurrentExecutions = 1400;
    expect(errors(doc)).toEqual([]);
  });

  it('runs the kinds\' cross-field checks at the property path', () => {
    const doc = base();
    (doc.nodes as Record<string, unknown>[])[1].properties = { Timeout: 13 };
    expect(errors(doc)).toEqual(['nodes[1].properties.Timeout: thirteen is unlucky (a cross-field check)']);
  });

  it('caps nodes at 500 and edges at 2,000', () => {
    const nodes = Array.from({ length: 501 }, (_, i) => ({ id: `N${i}`, type: 'AWS::SQS::Queue' }));
    const edges = Array.from({ length: 2001 }, () => ({ from: 'N0', to: 'N1' }));
    const problems = errors({ ...base(), nodes, edges });
    expect(problems[0]).toBe('nodes: has 501 entries; at most 500 allowed (only the first 500 were checked)');
    expect(problems[1]).toBe('edges: has 2,001 entries; at most 2,000 allowed (only the first 2,000 were checked)');
  });

  it('rejects documents that are not scenarios', () => {
    expect(errors(null)).toEqual(['(document): a scenario must be a JSON object {"format", "version", "name", "nodes", "edges"}, not null']);
    expect(errors([1])).toHaveLength(1);
    expect(errors({ format: 'other', version: 1 })).toEqual(['format: must be "serverless-playground/scenario", not "other"']);
    expect(errors({ ...base(), version: 2 })).toEqual([
      'version: version 2 is newer than this playground understands (it reads versions 1..1); update the playground',
    ]);
    expect(errors({ ...base(), version: '1' })).toEqual(['version: must be a whole number 1..1, not "1"']);
    expect(errors({ format: 'serverless-playground/scenario', version: 1 })).toEqual(['nodes: is required: a list (possibly empty)']);
  });

  it('adds a missing format and version, and says so', () => {
    const { format: _f, version: _v, ...doc } = base();
    const r = validate(doc);
    expect(r.ok && r.changes).toEqual(['added "format": "serverless-playground/scenario"', 'added "version": 1 (the document stated none)']);
    expect(r.ok && r.doc.version).toBe(1);
  });

  it('refuses prototype-pollution keys without polluting anything', () => {
    const text =
      '{"format":"serverless-playground/scenario","version":1,"name":"x","__proto__":{"polluted":1},' +
      '"nodes":[{"id":"Fn","type":"AWS::Lambda::Function","properties":{"constructor":{"prototype":{"polluted":2}},"__proto__":{"Timeout":5}}}],"edges":[]}';
    const problems = errors(JSON.parse(text));
    expect(problems).toEqual([
      '__proto__: the key "__proto__" is not allowed (it could alter built-in objects)',
      'nodes[0].properties.constructor: the key "constructor" is not allowed (it could alter built-in objects)',
      'nodes[0].properties.__proto__: the key "__proto__" is not allowed (it could alter built-in objects)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).Timeout).toBeUndefined();
  });

  it('reports too-deep nesting at its path', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const doc = base();
    (doc.nodes as Record<string, unknown>[])[1].properties = { Deep: deep };
    const problems = errors(doc);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^nodes\[1\]\.properties\.Deep(\.a)+: nested more than 32 levels deep$/);
  });
});

describe('connectionRule', () => {
  it('infers the only role, and explains a pair AWS does not allow', () => {
    expect(connectionRule('AWS::SQS::Queue', 'AWS::Lambda::Function', undefined, fakeCatalog)).toMatchObject({ ok: true, role: 'eventSource' });
    expect(connectionRule('AWS::SQS::Queue', 'Client', 'invoke', fakeCatalog)).toEqual({
      ok: false,
      reason:
        'An SQS queue cannot invoke a Client. From an SQS queue you can connect to a Lambda function or an SQS queue.',
    });
    expect(connectionRule('AWS::Lambda::Function', 'AWS::SQS::Queue', 'onFailure', fakeCatalog)).toMatchObject({ ok: true, role: 'onFailure' });
    expect(connectionRule('AWS::SNS::Topic', 'AWS::SQS::Queue', undefined, fakeCatalog)).toMatchObject({ ok: true, role: 'subscription' });
    expect(connectionRule('AWS::SNS::Topic', 'AWS::SQS::Queue', 'deadLetter', fakeCatalog)).toMatchObject({ ok: true, role: 'deadLetter' });
    expect(connectionRule('Nope', 'Client', undefined, fakeCatalog)).toEqual({ ok: false, reason: '"Nope" is not a known node type.' });
  });
});

describe('nodeProblems and defaults', () => {
  it('checks one node as the inspector edits it', () => {
    const doc = base();
    (doc.nodes as Record<string, unknown>[])[1].properties = { Timeout: 0, Memory: 1 };
    const problems: Problem[] = nodeProblems(doc, 1, fakeCatalog);
    expect(problems.map(formatProblem)).toEqual([
      'warning: nodes[1].properties.Memory: not simulated: kept in the document but ignored',
      'nodes[1].properties.Timeout: must be 1..900 (s)',
    ]);
    expect(nodeProblems(doc, 0, fakeCatalog)).toEqual([]);
    expect(nodeProblems(doc, 9, fakeCatalog)).toEqual([{ path: 'nodes[9]', message: 'no such node' }]);
  });

  it('gives AWS defaults per kind and an empty valid scenario', () => {
    expect(defaultsFor('AWS::Lambda::Function', fakeCatalog)).toEqual({
      properties: { Timeout: 3 },
      behaviour: { duration: { distribution: 'constant', valueMs: 100 }, errorRate: 0 },
    });
    expect(() => defaultsFor('Nope', fakeCatalog)).toThrow(/unknown node type "Nope"/);
    expect(validate(newScenario()).ok).toBe(true);
  });
});

describe('settings and text loading', () => {
  it('keeps the unreserved minimum within the account limit', () => {
    const doc = base();
    doc.settings = { lambdaAccountConcurrency: 200, lambdaMinimumUnreserved: 300 };
    expect(errors(doc)).toEqual(['settings.lambdaMinimumUnreserved: must not exceed the account concurrency (lambdaAccountConcurrency, 200)']);
  });

  it('loads text and names the line and column of a syntax error', () => {
    expect(loadScenarioText('{\n  "nodes": [\n    1,\n  ]\n}', fakeCatalog)).toEqual({
      ok: false,
      problems: [{ path: '', message: 'not valid JSON at line 4, column 3: a trailing comma before "]" is not allowed in JSON' }],
    });
    const bad = (text: string) => {
      const r = loadScenarioText(text, fakeCatalog);
      return r.ok ? '' : r.problems[0].message;
    };
    expect(bad('')).toBe('not valid JSON: the text is empty');
    expect(bad('{"a": tru}')).toBe('not valid JSON at line 1, column 7: expected a value, found "t"');
    expect(bad('{"a": 1} x')).toBe('not valid JSON at line 1, column 10: unexpected "x" after the end of the document');
    expect(bad('{\n "a": "b\n"}')).toBe('not valid JSON at line 2, column 9: a line break or control character inside a string');
    expect(bad('{"a": [1, 2}')).toBe('not valid JSON at line 1, column 12: expected "," or "]" in a list, found "}"');
    expect(bad('{"a" 1}')).toBe('not valid JSON at line 1, column 6: expected ":" after a property name, found "1"');
    const r = loadScenarioText(JSON.stringify(base()), fakeCatalog);
    expect(r.ok).toBe(true);
  });
});
