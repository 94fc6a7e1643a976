import { z } from 'zod';
import { fieldMeta } from '../../core/fields.ts';
import { compileObjectLiteral } from '../../core/objectLiteral.ts';
import type { Random } from '../../core/random.ts';

/**
 * A request's JSON body, for the services that read it (Step Functions Choice rules and paths, EventBridge event
 * patterns, SNS body filter policies). Each field (a dotted path builds nested objects: "detail.amount") is a
 * constant, or one of: { oneOf: [values], weights?: [numbers] }, { uniform: [min, max] } (whole numbers when
 * both bounds are), { sequence: start } (1, 2, 3, ... from start), { key: true } (the request's partition key).
 * Generated per request only when configured.
 */
const constant = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const generator = z.union([
  z.strictObject({ oneOf: z.array(constant).min(1).max(1000), weights: z.array(z.number().min(0)).optional() }),
  z.strictObject({ uniform: z.tuple([z.number(), z.number()]) }),
  z.strictObject({ sequence: z.number().int() }),
  z.strictObject({ key: z.literal(true) }),
]);
const bodyField = z.union([constant, generator], { error: 'must be a value, or { oneOf }, { uniform }, { sequence } or { key: true }' });

export const bodySchema = z
  .record(z.string().min(1).max(256), bodyField, { error: 'must be an object of field: value or generator' })
  .refine((r) => Object.keys(r).length <= 100, 'at most 100 fields')
  .nullable()
  .default(null);
fieldMeta.set(bodySchema, {
  label: 'Body fields',
  help: 'The JSON body each request carries, for Step Functions and EventBridge patterns: "field": value, {"oneOf": [...]}, {"uniform": [min, max]}, {"sequence": 1} or {"key": true}; "detail.amount" nests.',
  group: 'Behaviour',
  default: null,
  kind: 'json',
});

export type BodySpec = z.output<typeof bodySchema>;
type Make = (rng: Random, key: number) => unknown;

/** Compiles a body spec once into a function that builds one request's body, or null without a spec. */
export function compileBody(spec: BodySpec): ((rng: Random, key: number) => Record<string, unknown>) | null {
  if (spec === null) return null;
  const fields = Object.entries(spec).map(([path, f]) => ({ path: path.split('.'), make: compileField(f) }));
  // Without nested fields, from a literal of the body's own keys (core/objectLiteral.ts); else field by field.
  const flat = fields.every((f) => f.path.length === 1)
    ? compileObjectLiteral(fields.map((f) => f.path[0]), fields.map((f) => ({ make: f.make })))
    : null;
  if (flat) return flat;
  return (rng, key) => {
    const body: Record<string, unknown> = {};
    for (const { path, make } of fields) {
      let at = body;
      for (let i = 0; i < path.length - 1; i++) {
        const next = Object.hasOwn(at, path[i]) ? at[path[i]] : undefined;
        if (next === null || typeof next !== 'object') at[path[i]] = {};
        at = at[path[i]] as Record<string, unknown>;
      }
      at[path[path.length - 1]] = make(rng, key);
    }
    return body;
  };
}

function compileField(f: z.output<typeof bodyField>): Make {
  if (f === null || typeof f !== 'object') return () => f;
  if ('oneOf' in f) {
    const values = f.oneOf;
    const w = f.weights && f.weights.length === values.length ? f.weights : values.map(() => 1);
    const total = w.reduce((a, b) => a + b, 0) || 1;
    const cumulative = w.map(((s) => (x: number) => (s += x / total))(0));
    return (rng) => {
      const u = rng.next();
      for (let i = 0; i < values.length; i++) if (u < cumulative[i]) return values[i];
      return values[values.length - 1];
    };
  }
  if ('uniform' in f) {
    const [lo, hi] = f.uniform;
    const whole = Number.isInteger(lo) && Number.isInteger(hi);
    return (rng) => (whole ? lo + Math.floor(rng.next() * (hi - lo + 1)) : lo + rng.next() * (hi - lo));
  }
  if ('sequence' in f) {
    let n = f.sequence;
    return () => n++;
  }
  return (_rng, key) => key;
}
