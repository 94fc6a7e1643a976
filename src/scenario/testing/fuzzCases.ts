import type { Random } from '../../sim/core/random.ts';
import { SERVICE_KINDS, connectionsFrom } from '../../sim/services/registry.ts';
import { defaultsFor } from '../defaults.ts';

/**
 * Seeded scenario texts for the loader's fuzz test: documents mutated from the examples, random documents
 * built from the registered kinds, and hostile shapes (deep nesting, huge arrays, prototype keys, numbers at
 * the edges of what JSON and the schemas hold, wrong types), some then damaged as text.
 */

/** A number literal written into the text as is (JSON.stringify cannot write 1e400 or -0). */
class Raw {
  constructor(readonly text: string) {}
}

type Json = null | boolean | number | string | Raw | Json[] | { [key: string]: Json };

export function toText(v: Json, indent = false): string {
  const out: string[] = [];
  const write = (x: Json, depth: number): void => {
    if (x instanceof Raw) out.push(x.text);
    else if (Array.isArray(x)) {
      out.push('[');
      x.forEach((item, i) => {
        if (i) out.push(',');
        write(item, depth + 1);
      });
      out.push(']');
    } else if (x !== null && typeof x === 'object') {
      out.push('{');
      Object.keys(x).forEach((key, i) => {
        if (i) out.push(',');
        if (indent) out.push('\n', '  '.repeat(depth + 1));
        out.push(JSON.stringify(key), ':');
        write(x[key], depth + 1);
      });
      if (indent) out.push('\n', '  '.repeat(depth));
      out.push('}');
    } else out.push(JSON.stringify(x) ?? 'null');
  };
  write(v, 0);
  return out.join('');
}

const pick = <T>(rng: Random, list: readonly T[]): T => list[rng.int(list.length)];

/** Values at the edges of what JSON, the schemas and the engine accept. */
const EDGE_NUMBERS: Json[] = [
  0, -0, 1, -1, 0.5, 1e-9, 5e-324, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53 + 2, 1e308, -1e308, 1e21,
  new Raw('1e400'), new Raw('-1e400'), new Raw('-0'), new Raw('1E+2'), new Raw('0.0000001'), 1000, 10_000, 1_000_000, 2_592_000, 900, 3_600_000,
];

/** Parsed from text, so `__proto__` is an own key as JSON.parse makes it, not the literal's prototype. */
const PROTOTYPE_KEYS = [
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"prototype": 1}',
  '{"toString": "x", "hasOwnProperty": 1, "valueOf": {}}',
];

/** Sets an own property, even one named __proto__ (an assignment would set the prototype instead). */
function setKey(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function deep(rng: Random, depth: number): Json {
  let v: Json = rng.next() < 0.5 ? 0 : {};
  for (let i = 0; i < depth; i++) v = rng.next() < 0.5 ? [v] : { a: v };
  return v;
}

/** A hostile value: wrong type, edge number, odd text, prototype key, deep or huge shape. */
export function hostileValue(rng: Random, names: readonly string[]): Json {
  const r = rng.next();
  if (r < 0.3) return pick(rng, EDGE_NUMBERS);
  if (r < 0.45) return pick(rng, [null, true, false, '', '12', 'NaN', 'Infinity', '\u0000', '💥'.repeat(3), [], {}, [1, 'a', null]]);
  if (r < 0.6) return pick(rng, names);
  if (r < 0.68) return JSON.parse(pick(rng, PROTOTYPE_KEYS)) as Json;
  if (r < 0.74) return deep(rng, pick(rng, [5, 33, 200, 2000]));
  if (r < 0.78) return Array.from({ length: pick(rng, [1000, 20_000, 210_000]) }, (_, i) => i);
  if (r < 0.82) return 'x'.repeat(pick(rng, [65, 201, 100_001]));
  if (r < 0.86) return { ['k'.repeat(pick(rng, [64, 257, 5000]))]: 1 };
  if (r < 0.9) {
    const many: Record<string, Json> = {};
    for (let i = 0, n = pick(rng, [100, 5000, 60_000]); i < n; i++) many[`key${i}`] = i;
    return many;
  }
  return { distribution: pick(rng, ['lognormal', 'normal', 'uniform', 'exponential', 'constant', 'nope']), medianMs: pick(rng, EDGE_NUMBERS), p99Ms: pick(rng, EDGE_NUMBERS), meanMs: 5, minMs: 10, maxMs: 1 };
}

/** A plausible change: a number scaled or nudged, a string or boolean swapped for another seen in the document. */
function plausible(rng: Random, old: Json, names: readonly string[]): Json {
  if (typeof old === 'number') {
    const factor = pick(rng, [0.5, 0.8, 1.5, 2]);
    if (Number.isInteger(old)) return rng.next() < 0.1 ? 0 : Math.max(1, Math.round(old * factor));
    return old * factor;
  }
  if (typeof old === 'boolean') return rng.next() < 0.5 ? !old : old;
  if (typeof old === 'string') return rng.next() < 0.5 ? pick(rng, names) : old;
  return old;
}

function strings(v: Json, into: Set<string>): void {
  if (typeof v === 'string' && v.length < 60) into.add(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, into);
  else if (v !== null && typeof v === 'object' && !(v instanceof Raw)) for (const key of Object.keys(v)) strings(v[key], into);
}

/**
 * Changes one place of the document: nudges a value (a number scaled, a string swapped for another of the
 * document), or with probability `hostility` puts a hostile value there, deletes it, duplicates a list entry
 * or copies it under a misspelt or forbidden key.
 */
export function mutate(doc: Json, rng: Random, names: readonly string[], hostility: number): Json {
  if (rng.next() < hostility * 0.05 || doc === null || typeof doc !== 'object' || doc instanceof Raw) return hostileValue(rng, names);
  let parent = doc;
  for (let depth = 0; depth < 8; depth++) {
    const keys = Object.keys(parent);
    if (keys.length === 0) break;
    const key = pick(rng, keys);
    const child = (parent as Record<string, Json>)[key];
    const descend = child !== null && typeof child === 'object' && !(child instanceof Raw) && rng.next() < 0.7;
    if (descend) {
      parent = child;
      continue;
    }
    const list = Array.isArray(parent) ? parent : undefined;
    if (rng.next() >= hostility) {
      // A misspelt copy of a key is "not simulated" (a warning), so the document is still accepted.
      if (!list && rng.next() < 0.2) setKey(parent as Record<string, Json>, pick(rng, [`${key}s`, key.slice(1), key.toLowerCase()]), child);
      else setKey(parent as Record<string, Json>, key, plausible(rng, child, names));
      return doc;
    }
    const r = rng.next();
    if (r < 0.55) setKey(parent as Record<string, Json>, key, hostileValue(rng, names));
    else if (r < 0.7) {
      if (list) list.splice(Number(key), 1);
      else delete (parent as Record<string, Json>)[key];
    } else if (r < 0.85 && list) list.push(structuredClone(child));
    else if (!list) setKey(parent as Record<string, Json>, pick(rng, [key.toUpperCase(), `${key}s`, key.slice(1), 'surprise', '__proto__', 'constructor']), child);
    return doc;
  }
  return doc;
}

/** Damages the text itself: a character dropped, doubled or replaced, an escape broken, or the text cut. */
export function damageText(text: string, rng: Random): string {
  const at = rng.int(text.length + 1);
  const r = rng.next();
  if (r < 0.25) return text.slice(0, at) + text.slice(at + 1);
  if (r < 0.5) return text.slice(0, at) + pick(rng, ['{', '}', '[', ']', ',', ':', '"', '\\', '\\x', '\\u12', '\n', 'NaN', '-', '0', '\u0001']) + text.slice(at);
  if (r < 0.75) return text.slice(0, at);
  return text.slice(0, at) + text.slice(at).replace(/"/, "'");
}

/** A random document from the registered kinds: nodes with their defaults nudged, edges their connections allow. */
export function randomScenario(rng: Random): Json {
  const count = 1 + rng.int(rng.next() < 0.9 ? 8 : 40);
  const nodes: Json[] = [];
  const types: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i === 0 ? SERVICE_KINDS.find((k) => k.type === 'Client')! : pick(rng, SERVICE_KINDS);
    const defaults = defaultsFor(kind.type) as { properties: Record<string, Json>; behaviour: Record<string, Json> };
    const properties: Record<string, Json> = {};
    for (const [key, value] of Object.entries(defaults.properties)) {
      if (rng.next() < 0.3) properties[key] = plausible(rng, value, [String(value)]);
      else if (rng.next() < 0.03) properties[`${key.slice(0, -1)}_`] = value;
    }
    const behaviour: Record<string, Json> = {};
    for (const [key, value] of Object.entries(defaults.behaviour)) if (rng.next() < 0.3) behaviour[key] = plausible(rng, value, [String(value)]);
    nodes.push({ id: `${kind.shortName.replace(/\W/g, '')}${i}`, type: kind.type, properties, behaviour });
    types.push(kind.type);
  }
  const edges: Json[] = [];
  const linked = new Set<string>();
  for (let e = 0, n = rng.int(count * 2); e < n; e++) {
    const from = rng.int(count);
    const rules = connectionsFrom(types[from]);
    // Edges only run forward in the list, so most random graphs have no cycle (cycles are refused).
    const targets = types.map((t, i) => ({ t, i })).filter(({ t, i }) => i > from && rules.some((r) => r.to === t) && !linked.has(`${from} ${i}`));
    if (targets.length === 0) continue;
    const to = pick(rng, targets);
    linked.add(`${from} ${to.i}`);
    const rule = rules.find((r) => r.to === to.t)!;
    const edge: Record<string, Json> = { from: (nodes[from] as { id: string }).id, to: (nodes[to.i] as { id: string }).id };
    if (rule.roles.length > 1 || rng.next() < 0.2) edge.role = pick(rng, rule.roles);
    edges.push(edge);
  }
  return {
    format: 'serverless-playground/scenario',
    version: 1,
    name: `random ${count}`,
    seed: rng.int(1000),
    durationSeconds: pick(rng, [1, 60, 600, 86_400, 2_592_000]),
    nodes,
    edges,
  };
}

/** The strings of a document, for mutations that put a known id or enum value in the wrong place. */
export function namesIn(doc: Json): string[] {
  const set = new Set<string>(['AWS::Lambda::Function', 'Client', 'invoke', 'eventSource', 'deadLetter', 'PAY_PER_REQUEST']);
  strings(doc, set);
  return [...set];
}

export type { Json };
