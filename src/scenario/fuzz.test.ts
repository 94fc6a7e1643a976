import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../sim/core/random.ts';
import { fakeCatalog } from './testing/fakeKinds.ts';
import { parentExists, parsePath } from './testing/problemPaths.ts';
import { validateScenario } from './validate.ts';

const HOSTILE: (() => unknown)[] = [
  () => NaN,
  () => Infinity,
  () => -Infinity,
  () => 1e308,
  () => -1e308,
  () => -0,
  () => 2 ** 53 + 2,
  () => '',
  () => 'x'.repeat(200_000),
  () => '12',
  () => null,
  () => undefined,
  () => true,
  () => [],
  () => ({}),
  () => [1, 'a', null],
  () => JSON.parse('{"__proto__": {"polluted": true}}'),
  () => JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  () => Array.from({ length: 3000 }, () => ({ id: 'a', type: 'Client' })),
  () => {
    let v: unknown = 0;
    for (let i = 0; i < 200; i++) v = [v];
    return v;
  },
  () => () => 1,
  () => Symbol('s'),
  () => 10n,
  () => new Date(0),
  () => Object.create(null),
  () => Object.defineProperty({}, 'x', { get: () => { throw new Error('getter'); }, enumerable: true }),
  () => ({ distribution: 'lognormal', medianMs: -5, p99Ms: 'a' }),
  () => ({ distribution: 'nope' }),
  () => 'AWS::Lambda::Function',
  () => 'Fn',
  () => 'invoke',
];

function baseDoc(): Record<string, unknown> {
  return {
    format: 'serverless-playground/scenario',
    version: 1,
    name: 'fuzz',
    seed: 3,
    durationSeconds: 60,
    settings: { lambdaAccountConcurrency: 1000 },
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { ratePerSecond: 5 } },
      { id: 'Fn', type: 'AWS::Lambda::Function', properties: { Timeout: 10, ReservedConcurrentExecutions: 5 }, behaviour: { duration: { distribution: 'exponential', meanMs: 80 } } },
      { id: 'Queue', type: 'AWS::SQS::Queue', properties: { VisibilityTimeout: 60 } },
    ],
    edges: [
      { from: 'Users', to: 'Fn' },
      { from: 'Queue', to: 'Fn', properties: { BatchSize: 5 } },
      { from: 'Fn', to: 'Queue', role: 'call' },
    ],
  };
}

/** Replaces one randomly chosen value (or key) somewhere in the document with a hostile one. */
function mutate(doc: unknown, rng: Random): unknown {
  const hostile = () => HOSTILE[Math.floor(rng.next() * HOSTILE.length)]();
  if (rng.next() < 0.05 || typeof doc !== 'object' || doc === null) return hostile();
  let v = doc as Record<string, unknown>;
  for (let depth = 0; depth < 6; depth++) {
    const keys = Object.keys(v);
    if (keys.length === 0) break;
    const k = keys[Math.floor(rng.next() * keys.length)];
    const child = Object.getOwnPropertyDescriptor(v, k)?.value;
    if (!Object.getOwnPropertyDescriptor(v, k)?.writable || !Object.isExtensible(v)) return doc;
    if (typeof child !== 'object' || child === null || rng.next() < 0.3) {
      if (rng.next() < 0.15) {
        delete v[k];
        v[rng.next() < 0.5 ? 'surprise' : k.toUpperCase()] = hostile();
      } else v[k] = hostile();
      return doc;
    }
    v = child as Record<string, unknown>;
  }
  return doc;
}

describe('validateScenario under hostile input', () => {
  it('never throws and always returns problems at paths that exist', () => {
    const rng = new Random(2024, 'fuzz');
    let invalid = 0;
    for (let round = 0; round < 1500; round++) {
      let doc: unknown = baseDoc();
      const mutations = 1 + Math.floor(rng.next() * 4);
      for (let m = 0; m < mutations; m++) doc = mutate(doc, rng);
      const r = validateScenario(doc, fakeCatalog);
      const problems = r.ok ? r.warnings : r.problems;
      if (!r.ok) {
        invalid++;
        expect(r.problems.some((p) => p.severity !== 'warning')).toBe(true);
      }
      for (const p of problems) {
        expect(typeof p.message).toBe('string');
        expect(p.message).not.toMatch(/could not be checked/);
        expect(p.message.length).toBeGreaterThan(0);
        const keys = parsePath(p.path);
        if (!parentExists(doc, keys)) throw new Error(`round ${round}: path ${p.path} does not exist in the input (${p.message})`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(invalid).toBeGreaterThan(500);
  });

  it('never throws with the registered kinds either (their schemas and checks)', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'api-lambda.json'), 'utf8');
    const rng = new Random(7, 'fuzz-registry');
    for (let round = 0; round < 600; round++) {
      let doc: unknown = JSON.parse(text);
      for (let m = 0; m < 1 + Math.floor(rng.next() * 3); m++) doc = mutate(doc, rng);
      const r = validateScenario(doc);
      for (const p of r.ok ? r.warnings : r.problems) {
        if (!parentExists(doc, parsePath(p.path))) throw new Error(`round ${round}: path ${p.path} does not exist (${p.message})`);
        expect(p.message).not.toMatch(/could not be checked|check failed/);
      }
    }
  });

  it('handles values that are not documents at all', () => {
    for (const make of HOSTILE) {
      const r = validateScenario(make(), fakeCatalog);
      expect(r.ok).toBe(false);
    }
  });
});
