import { z } from 'zod';

/**
 * Field builders for service specs. Each returns a zod schema that fills AWS's default, rejects values
 * outside AWS's range with a message the runner and the inspector both show ("must be 1..900"), and
 * carries FieldMeta so the inspector can render the field without knowing the service.
 */
export type FieldGroup = 'Settings' | 'Behaviour' | 'Advanced';

export interface FieldMeta {
  label: string;
  /** One line: what the setting does. */
  help: string;
  group: FieldGroup;
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  options?: readonly string[];
  default?: unknown;
  /** True where AWS publishes no figure and the value is the simulation's assumption. */
  assumption?: boolean;
  /** Row of docs/aws-behaviour.md the rule comes from. */
  rule?: string;
  /**
   * The field applies only while a sibling field (dotted path in the same section) has one of these values;
   * the inspector hides it otherwise and keeps its value.
   */
  showWhen?: FieldCondition;
  /**
   * Another name for the same setting (dotted path in the same section), e.g. the scenario format's flat
   * ReadCapacityUnits for CloudFormation's ProvisionedThroughput.ReadCapacityUnits: the inspector shows one of
   * the two, this one only while the document uses it.
   */
  aliasOf?: string;
  /** A JSON document edited as code (a state machine's definition): line numbers, each problem at its line. */
  code?: boolean;
  kind: 'number' | 'optionalNumber' | 'choice' | 'boolean' | 'duration' | 'text' | 'json';
}

export interface FieldCondition {
  field: string;
  in: readonly (string | boolean)[];
}

type Meta = Omit<FieldMeta, 'kind' | 'min' | 'max' | 'integer' | 'options' | 'default'>;

export const fieldMeta = new WeakMap<z.ZodType, FieldMeta>();

function tag<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
  fieldMeta.set(schema, meta);
  return schema;
}

/** Thousands grouped from 10,000 up, as the inspector's range hints write them (1024 reads better as it is). */
export function groupedNumber(n: number): string {
  return Math.abs(n) >= 10_000 ? n.toLocaleString('en-US') : String(n);
}

export function rangeMessage(min: number, max: number, unit?: string): string {
  return `must be ${groupedNumber(min)}..${groupedNumber(max)}${unit ? ` (${unit})` : ''}`;
}

function number(min: number, max: number, integer: boolean, unit?: string) {
  const msg = rangeMessage(min, max, unit);
  let s = z.number({ error: (iss) => (iss.input === undefined ? 'is required' : 'must be a number') });
  if (integer) s = s.int({ error: `must be a whole number, ${msg.slice(8)}` });
  return s.min(min, { error: msg }).max(max, { error: msg });
}

/** A number with an AWS default. */
export function num(def: number, range: { min: number; max: number; integer?: boolean }, meta: Meta) {
  const integer = range.integer ?? false;
  const schema = number(range.min, range.max, integer, meta.unit).default(def);
  return tag(schema, { ...meta, ...range, integer, default: def, kind: 'number' });
}

/** A whole number with an AWS default. */
export function int(def: number, range: { min: number; max: number }, meta: Meta) {
  return num(def, { ...range, integer: true }, meta);
}

/** A whole number that AWS leaves unset by default (e.g. ReservedConcurrentExecutions). */
export function optionalInt(range: { min: number; max: number }, meta: Meta) {
  const schema = number(range.min, range.max, true, meta.unit).optional();
  return tag(schema, { ...meta, ...range, integer: true, kind: 'optionalNumber' });
}

export function choice<const T extends readonly [string, ...string[]]>(options: T, def: T[number], meta: Meta) {
  const schema = z
    .enum(options, { error: `must be one of ${options.join(', ')}` })
    .default(def as never) as unknown as z.ZodDefault<z.ZodEnum<{ [K in T[number]]: K }>>;
  return tag(schema, { ...meta, options, default: def, kind: 'choice' });
}

export function bool(def: boolean, meta: Meta) {
  const schema = z.boolean({ error: 'must be true or false' }).default(def);
  return tag(schema, { ...meta, default: def, kind: 'boolean' });
}

const ms = (label: string) =>
  z.number({ error: `${label} must be a number (ms)` }).min(0, { error: rangeMessage(0, 3_600_000, 'ms') }).max(3_600_000, {
    error: rangeMessage(0, 3_600_000, 'ms'),
  });

/** A duration distribution in ms (docs/scenario-format.md). */
export const durationSchema = z.discriminatedUnion(
  'distribution',
  [
    z.object({ distribution: z.literal('constant'), valueMs: ms('valueMs') }),
    z
      .object({ distribution: z.literal('uniform'), minMs: ms('minMs'), maxMs: ms('maxMs') })
      .refine((d) => d.maxMs >= d.minMs, { error: 'maxMs must be at least minMs', path: ['maxMs'] }),
    z.object({ distribution: z.literal('normal'), meanMs: ms('meanMs'), stdDevMs: ms('stdDevMs') }),
    z
      .object({
        distribution: z.literal('lognormal'),
        medianMs: ms('medianMs').refine((v) => v > 0, { error: 'must be above 0 (ms)' }),
        p99Ms: ms('p99Ms'),
      })
      .refine((d) => d.p99Ms >= d.medianMs, { error: 'p99Ms must be at least medianMs', path: ['p99Ms'] }),
    z.object({ distribution: z.literal('exponential'), meanMs: ms('meanMs') }),
  ],
  { error: 'distribution must be one of constant, uniform, normal, lognormal, exponential' },
);

export type DurationInput = z.input<typeof durationSchema>;

/** A duration field; a bare number means a constant. */
export function duration(def: z.output<typeof durationSchema>, meta: Meta) {
  const schema = z
    .union([z.number().min(0).max(3_600_000).transform((v) => ({ distribution: 'constant' as const, valueMs: v })), durationSchema], {
      error: 'must be a number of ms or a distribution object',
    })
    .default(def);
  return tag(schema, { ...meta, default: def, kind: 'duration' });
}

export function getFieldMeta(schema: z.ZodType): FieldMeta | undefined {
  return fieldMeta.get(schema);
}
