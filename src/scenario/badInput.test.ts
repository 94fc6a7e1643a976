import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine.ts';
import { loadScenarioText, parseScenarioText } from './parseText.ts';
import { formatProblem, HINT_BUDGET_CELLS } from './paths.ts';
import { fakeCatalog } from './testing/fakeKinds.ts';
import { LIMITS } from './types.ts';
import { validateCounted, validateScenario } from './validate.ts';
import { loadedModels } from '../sim/services/registry.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const example = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, any>;
const lines = (doc: unknown, catalog = fakeCatalog) => {
  const r = validateScenario(doc, catalog);
  return (r.ok ? r.warnings : r.problems).map(formatProblem);
};

function small(): Record<string, any> {
  return {
    format: 'serverless-playground/scenario',
    version: 1,
    name: 'bad input',
    nodes: [
      { id: 'Users', type: 'Client', properties: { ratePerSecond: 5 } },
      { id: 'Fn', type: 'AWS::Lambda::Function' },
    ],
    edges: [{ from: 'Users', to: 'Fn' }],
  };
}

describe('keys the kinds do not simulate', () => {
  it('warn with a hint, stay in the document, and never reach the models (which parse strictly)', () => {
    const doc = example('sqs-pipeline.json');
    doc.settings = { ...doc.settings, lambdaAcountConcurrency: 5 };
    const client = doc.nodes.find((n: { type: string }) => n.type === 'Client');
    client.properties.ratePerSecnd = 5;
    client.behaviour = { ...client.behaviour, payloadSizeKb: 2 };
    const fn = doc.nodes.find((n: { type: string }) => n.type === 'AWS::Lambda::Function');
    fn.properties.Handler = 'index.handler';
    const mapping = doc.edges.find((e: { properties?: { BatchSize?: number } }) => e.properties?.BatchSize !== undefined);
    mapping.properties.BatchSise = 3;
    const r = validateScenario(doc);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const warnings = r.warnings.map(formatProblem).join('\n');
    expect(warnings).toContain('properties.ratePerSecnd: not simulated: kept in the document but ignored; did you mean "ratePerSecond"?');
    expect(warnings).toContain('settings.lambdaAcountConcurrency: not simulated: kept in the document but ignored; did you mean "lambdaAccountConcurrency"?');
    expect(warnings).toContain('properties.BatchSise: not simulated: kept in the document but ignored; did you mean "BatchSize"?');
    expect(r.doc.nodes.find((n) => n.id === client.id)?.properties?.ratePerSecnd).toBe(5);
    const simClient = r.sim.nodes.find((n) => n.id === client.id)!;
    expect(Object.keys(simClient.properties)).not.toContain('ratePerSecnd');
    expect(Object.keys(simClient.behaviour)).not.toContain('payloadSizeKb');
    expect(Object.keys(r.sim.settings)).not.toContain('lambdaAcountConcurrency');
    const sim = new Simulation({ ...r.sim, settings: { ...r.sim.settings, maxEvents: 10_000 } }, loadedModels());
    expect(sim.run().stopped).toMatch(/^stopped after 10,000 events/);
  });
});

describe('validation stays linear in the document', () => {
  it('150,000 unknown keys: no stack overflow, 100 listed and the rest counted', () => {
    const doc = small();
    const props: Record<string, number> = { ratePerSecond: 5 };
    for (let i = 0; i < 150_000; i++) props[`k${i}`] = i;
    doc.nodes[0].properties = props;
    const r = validateScenario(doc, fakeCatalog);
    expect(r.ok).toBe(true);
    const warnings = r.ok ? r.warnings : [];
    expect(warnings).toHaveLength(LIMITS.listedProblems + 1);
    expect(warnings[LIMITS.listedProblems]).toEqual({
      path: '',
      message: 'and 149,900 more warnings, not listed (only the first 100 problems are)',
      severity: 'warning',
    });
  });

  it('150,000 unknown keys in a strict nested setting are errors, listed the same way', () => {
    const doc = small();
    const keys: Record<string, unknown> = { distribution: 'uniform' };
    for (let i = 0; i < 150_000; i++) keys[`k${i}`] = i;
    doc.nodes[0].behaviour = { keys };
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.map(formatProblem).slice(0, 2)).toEqual([
      'nodes[0].behaviour.keys.k0: is not a setting here (remove it or check its spelling)',
      'nodes[0].behaviour.keys.k1: is not a setting here (remove it or check its spelling)',
    ]);
    expect(problems.at(-1)?.message).toBe('and 149,900 more errors, not listed (only the first 100 problems are)');
  });

  /** A 300-node document whose every node carries `typos` misspelt keys, and edges that name no node. */
  function hostile(typos: number, danglingEdges: number): Record<string, any> {
    const id = (i: number) => `Function${String(i).padStart(3, '0')}${'x'.repeat(50)}`;
    const nodes = Array.from({ length: 300 }, (_, i) => {
      const properties: Record<string, number> = {};
      for (let k = 0; k < typos; k++) properties[`ratePerSecnd${k}`] = k;
      return { id: id(i), type: 'Client', properties };
    });
    const edges = Array.from({ length: danglingEdges }, (_, i) => ({ from: id(i % 300).replace('Function', 'Functoin'), to: id((i + 1) % 300) }));
    return { ...small(), nodes, edges };
  }

  it('"did you mean" hints spend a fixed budget, so doubling the document does not more than double the work', () => {
    const once = validateCounted(hostile(20, 1000), fakeCatalog);
    const twice = validateCounted(hostile(40, 2000), fakeCatalog);
    expect(once.result.ok).toBe(false);
    const messages = once.result.ok ? [] : once.result.problems.map((p) => p.message);
    expect(messages[0]).toBe(`no node "Functoin000${'x'.repeat(50)}"; did you mean "Function000${'x'.repeat(50)}"?`);
    // Unbounded, these would be about 6,000 keys x 1 candidate and 1,000 ends x 300 ids of 60 characters
    // (over a billion cells for the edges alone); the budget bounds both documents alike.
    // (the budget is checked before each comparison, so one comparison of two 64-character words may overrun it)
    expect(once.hintCells).toBeLessThanOrEqual(HINT_BUDGET_CELLS + 64 * 64);
    expect(twice.hintCells).toBeLessThanOrEqual(HINT_BUDGET_CELLS + 64 * 64);
    expect(twice.hintCells).toBeLessThanOrEqual(2 * once.hintCells);
  });

  it('a hint still finds a typo among many candidates, and none for a word nothing resembles', () => {
    const doc = small();
    doc.nodes[0].properties = { ratePerSecnd: 1, zzzzzzzzzzzz: 2 };
    expect(lines(doc)).toEqual([
      'warning: nodes[0].properties.ratePerSecnd: not simulated: kept in the document but ignored; did you mean "ratePerSecond"?',
      'warning: nodes[0].properties.zzzzzzzzzzzz: not simulated: kept in the document but ignored',
    ]);
  });
});

describe('smaller bad-input rules', () => {
  it('null for seed or duration is an error, not a default', () => {
    expect(lines({ ...small(), seed: null, durationSeconds: null })).toEqual([
      'seed: must be a whole number 0..9007199254740991 (2^53-1), not null',
      'durationSeconds: must be 1..2,592,000 (s; 30 days), not null',
    ]);
  });

  it('refuses Infinity and NaN anywhere, once, at their path (even under keys that are not simulated)', () => {
    const doc = small();
    doc.nodes[0].properties = { ratePerSecond: Infinity, note: -Infinity };
    doc.nodes[0].position = { x: NaN, y: 0 };
    expect(lines(doc)).toEqual([
      'nodes[0].properties.ratePerSecond: must be a finite number, not Infinity (JSON cannot hold it; a literal such as 1e400 overflows to Infinity)',
      'nodes[0].properties.note: must be a finite number, not -Infinity (JSON cannot hold it; a literal such as 1e400 overflows to Infinity)',
      'nodes[0].position.x: must be a finite number, not NaN (JSON cannot hold it; a literal such as 1e400 overflows to Infinity)',
    ]);
    const r = loadScenarioText(JSON.stringify(small()).replace('"ratePerSecond":5', '"ratePerSecond":1e400'), fakeCatalog);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'nodes[0].properties.ratePerSecond: must be a finite number, not Infinity (JSON cannot hold it; a literal such as 1e400 overflows to Infinity)',
    ]);
  });

  it('bounds key lengths, naming the object that holds the key', () => {
    const doc = small();
    doc.nodes[1].properties = { ['T'.repeat(LIMITS.keyLength + 1)]: 1 };
    expect(lines(doc)).toEqual([
      `nodes[1].properties: has a key of 257 characters ("${'T'.repeat(40)}..."); at most 256 allowed`,
    ]);
  });

  it('lists the first 100 problems, errors first, and counts the rest', () => {
    const doc = small();
    doc.nodes = Array.from({ length: 300 }, (_, i) => ({ id: `N${i}`, type: 'Nope', properties: { extra: 1 } }));
    doc.edges = [];
    const r = validateScenario(doc, fakeCatalog);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toHaveLength(101);
    expect(problems[99].path).toBe('nodes[99].type');
    expect(problems[100]).toEqual({ path: '', message: 'and 200 more errors, not listed (only the first 100 problems are)' });
  });

  it('does not call nodes past the limit missing: edges to them are not checked', () => {
    const doc = small();
    doc.nodes = Array.from({ length: LIMITS.nodes + 10 }, (_, i) => ({ id: `N${i}`, type: 'Client' }));
    doc.edges = [{ from: `N${LIMITS.nodes + 5}`, to: 'N1' }, { from: 'N1', to: 'Gone' }];
    expect(lines(doc)).toEqual([
      'nodes: has 510 entries; at most 500 allowed (only the first 500 were checked)',
      'edges[1].to: no node "Gone"',
    ]);
  });

  it('stops at the value limit instead of reporting what was never read', () => {
    const { nodes, edges, ...head } = small();
    const doc = { ...head, padding: Array.from({ length: LIMITS.values }, () => 0), nodes, edges };
    const r = validateScenario(doc, fakeCatalog);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      `padding[${LIMITS.values - 5}]: the document has more than 200,000 values; nothing after this point was read`,
    ]);
  });

  it('names the line of an invalid escape, and refuses text over the size or nesting limit before parsing it', () => {
    const bad = (text: string) => {
      const r = parseScenarioText(text);
      return r.ok ? '' : r.message;
    };
    expect(bad('{\n  "name": "C:\\new\\stuff",\n  "nodes": []\n}')).toBe(
      'not valid JSON at line 2, column 18: invalid escape \\s in a string (JSON allows only \\" \\\\ \\/ \\b \\f \\n \\r \\t, and \\u with 4 hex digits)',
    );
    expect(bad('{\n\n "name": "\\u00e"}')).toMatch(/^not valid JSON at line 3, column 11: invalid escape \\u00e\?/);
    expect(bad(' '.repeat(LIMITS.textBytes + 1))).toBe('the text is 20 MB or more; a scenario may be at most 20 MB');
    expect(bad(`{"a": "[[[", "b":\n ${'['.repeat(5_000_000)}`)).toBe('the text nests more than 1,000 levels deep at line 2, column 1001');
  });
});
