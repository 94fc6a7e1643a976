import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Random } from '../sim/core/random.ts';
import { Simulation } from '../sim/engine.ts';
import { loadScenarioText } from './parseText.ts';
import { damageText, hostileValue, mutate, namesIn, randomScenario, toText, type Json } from './testing/fuzzCases.ts';
import { parentExists, parsePath } from './testing/problemPaths.ts';
import type { ValidationResult } from './validate.ts';
import { loadedModels } from '../sim/services/registry.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
const CASES = 1500;
const ENGINE_EVENTS = 10_000;
// FUZZ_SEED=n runs another set of cases (a failure names the case number to rebuild it with).
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const examples = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f, doc: JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as Json }));

/** Case `i` on its own random stream, so a failing case can be rebuilt from its number alone. */
function makeCase(i: number): { label: string; text: string } {
  const rng = new Random(SEED, `case-${i}`);
  const r = rng.next();
  if (r < 0.08) return { label: `case ${i}: a hostile value as the document`, text: toText(hostileValue(rng, ['Client'])) };
  let doc: Json;
  let what: string;
  if (r < 0.4) {
    doc = randomScenario(rng);
    what = 'a random scenario';
  } else {
    const example = examples[rng.int(examples.length)];
    doc = structuredClone(example.doc);
    what = `examples/${example.name}`;
  }
  const names = namesIn(doc);
  const random = r < 0.4;
  const mutations = random ? rng.int(3) : 1 + rng.int(4);
  for (let m = 0; m < mutations; m++) doc = mutate(doc, rng, names, random ? 0.1 : 0.4);
  const text = toText(doc, rng.next() < 0.5);
  if (rng.next() < 0.12) return { label: `case ${i}: ${what}, ${mutations} mutations, damaged text`, text: damageText(text, rng) };
  return { label: `case ${i}: ${what}, ${mutations} mutations`, text };
}

function checkProblems(r: ValidationResult, text: string, label: string): void {
  const problems = r.ok ? r.warnings : r.problems;
  if (!r.ok && !problems.some((p) => p.severity !== 'warning')) throw new Error(`${label}: rejected without an error`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    if (r.ok || problems.length !== 1 || !/^(not valid JSON( at line \d+, column \d+)?: |the text nests more than 1,000 levels deep at line \d+, column \d+$)/.test(problems[0].message))
      throw new Error(`${label}: text that does not parse gave ${JSON.stringify(problems.slice(0, 2))}`);
    return;
  }
  for (const p of problems) {
    if (typeof p.message !== 'string' || p.message.length === 0 || /could not be checked|check failed/.test(p.message))
      throw new Error(`${label}: bad problem ${JSON.stringify(p)}`);
    if (!parentExists(parsed, parsePath(p.path))) throw new Error(`${label}: problem at ${p.path}, which is not in the document (${p.message})`);
  }
}

/** Runs an accepted scenario until ENGINE_EVENTS events or its end, whichever comes first. */
function runEngine(r: Extract<ValidationResult, { ok: true }>, label: string): number {
  try {
    const sim = new Simulation({ ...r.sim, settings: { ...r.sim.settings, maxEvents: ENGINE_EVENTS } }, loadedModels());
    sim.run();
    if (!sim.done) throw new Error('the run neither finished nor stopped at the event budget');
    return sim.events;
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    throw new Error(`${label}: the engine threw on an accepted scenario: ${err.message}\n${err.stack}`);
  }
}

describe('the loader under fuzzing, from text to 10,000 engine events', () => {
  it(`${CASES} seeded cases: only validation problems, no case over 1 s of CPU, every accepted case runs`, { timeout: 180_000 }, () => {
    // The first runs compile the validator and the models; that is the JIT's time, not a case's.
    for (const { doc } of examples) {
      const r = loadScenarioText(JSON.stringify(doc));
      if (r.ok) runEngine(r, 'warm-up');
    }
    let slowest = { ms: 0, label: '' };
    let accepted = 0;
    let events = 0;
    for (let i = 0; i < CASES; i++) {
      const { label, text } = makeCase(i);
      // CPU time of this process, not wall time: other processes on a shared machine must not fail a case.
      const started = process.cpuUsage();
      let r: ValidationResult;
      try {
        r = loadScenarioText(text);
      } catch (e) {
        throw new Error(`${label}: the loader threw ${e instanceof Error ? e.stack : String(e)}`);
      }
      if (r.ok) {
        accepted++;
        events += runEngine(r, label);
      }
      const used = process.cpuUsage(started);
      const ms = (used.user + used.system) / 1000;
      if (ms > slowest.ms) slowest = { ms, label };
      checkProblems(r, text, label);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(slowest.ms, `the slowest case took ${slowest.ms.toFixed(0)} ms of CPU: ${slowest.label}`).toBeLessThan(1000);
    // Enough of the cases must get through validation for the engine half to mean something.
    expect(accepted).toBeGreaterThan(CASES / 5);
    expect(events).toBeGreaterThan(accepted * 100);
  });
});
