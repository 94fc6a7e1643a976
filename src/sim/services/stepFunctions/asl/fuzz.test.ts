/**
 * Hostile definitions: the sample fixtures with random fields replaced by values of the wrong kind. Loading
 * never throws, every problem names a place, and whatever loads runs to an end without throwing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../core/random.ts';
import type { Json, JsonObject } from './errors.ts';
import { loadDefinition } from './load.ts';
import { echoAfter, runToEnd, TestHost } from './testHost.ts';

const dir = new URL('./fixtures/', import.meta.url);
const samples = readdirSync(dir).filter((f) => f.endsWith('.asl.json')).map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as JsonObject);

const WRONG: Json[] = [null, -1, 0.5, 'x', '$$$', '{% $$ %}', 'States.Nope()', [], {}, [null], { Type: 'Nope' }, true, 1e12];

/** Every (container, key) in the value, to pick one to damage. */
function slots(value: Json, out: [JsonObject | Json[], string | number][] = []): [JsonObject | Json[], string | number][] {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([value, i]); slots(v, out); });
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) { out.push([value, k]); slots(value[k], out); }
  return out;
}

function damage(definition: JsonObject, random: Random): JsonObject {
  const copy = structuredClone(definition);
  const all = slots(copy);
  for (let n = 1 + random.int(3); n > 0; n--) {
    const [container, key] = all[random.int(all.length)];
    if (random.next() < 0.3 && !Array.isArray(container)) delete container[key as string];
    else (container as Record<string | number, Json>)[key] = WRONG[random.int(WRONG.length)];
  }
  return copy;
}

describe('fuzzed definitions', () => {
  it('load without throwing, name a place for every problem, and run to an end when they load', async () => {
    const random = new Random(Number(process.env.FUZZ_SEED ?? 2026), 'asl-fuzz');
    let loaded = 0;
    for (let i = 0; i < Number(process.env.FUZZ_N ?? 150); i++) {
      const definition = damage(samples[i % samples.length], random);
      const result = await loadDefinition(definition);
      if (!result.ok) {
        expect(result.problems.length).toBeGreaterThan(0);
        for (const p of result.problems) expect(p.path).toMatch(/^(definition|StartAt|States|Comment|TimeoutSeconds|QueryLanguage|Version)/);
        continue;
      }
      loaded++;
      const { result: run } = await runToEnd(result.machine, { message: 'hi', Id: 'x', StartTimestamp: '2025-01-01T00:00:00Z' }, new TestHost(echoAfter(10)), { type: 'EXPRESS' });
      expect(['SUCCEEDED', 'FAILED', 'TIMED_OUT']).toContain(run.status);
    }
    expect(loaded).toBeGreaterThan(5);
  }, 180_000); // each damaged definition compiles asl-validator's schemas anew (about 0.1 s, far more on a busy machine)
});
