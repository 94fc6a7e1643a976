import { z } from 'zod';
import { bodySchema } from './body.ts';
import { choice, fieldMeta, int, num, rangeMessage } from '../../core/fields.ts';

/**
 * Client: a traffic source (not an AWS resource). Its properties say when requests are sent; its behaviour says
 * what they carry (size, partition key / message group, attributes, poison messages).
 */
export const CLIENT_PATTERNS = ['constant', 'poisson', 'step', 'ramp', 'spike', 'sine', 'replay'] as const;
export type ClientPattern = (typeof CLIENT_PATTERNS)[number];

const MAX_SECONDS = 31_536_000; // one year of simulated time
const MAX_RATE = 1_000_000;

function optionalSeconds(label: string, help: string) {
  const msg = rangeMessage(0, MAX_SECONDS, 's');
  const schema = z.number({ error: 'must be a number (s)' }).min(0, { error: msg }).max(MAX_SECONDS, { error: msg }).optional();
  fieldMeta.set(schema, { label, help, group: 'Settings', unit: 's', min: 0, max: MAX_SECONDS, kind: 'optionalNumber' });
  return schema;
}

/** The patterns whose rate changes over time. */
const SHAPED = ['step', 'ramp', 'spike', 'sine'];

const ratesSchema = z
  .array(z.number({ error: 'must be a number (requests/s)' }).min(0, { error: rangeMessage(0, MAX_RATE) }).max(MAX_RATE, { error: rangeMessage(0, MAX_RATE) }), {
    error: 'must be a list of per-second rates',
  })
  .max(MAX_SECONDS, { error: `must hold at most ${MAX_SECONDS} rates` })
  .default([]);
fieldMeta.set(ratesSchema, {
  showWhen: { field: 'pattern', in: ['replay'] },
  label: 'Replayed rates',
  help: 'replay: requests per second for second 0, 1, 2, ... after startSeconds; the list repeats when it runs out.',
  group: 'Settings',
  unit: 'requests/s',
  default: [],
  kind: 'json',
});

export const clientProperties = z.strictObject({
  pattern: choice(CLIENT_PATTERNS, 'poisson', {
    label: 'Traffic pattern',
    help: 'constant: evenly spaced; poisson: random gaps; step/ramp/spike/sine/replay: a changing rate with Poisson arrivals.',
    group: 'Settings',
  }),
  ratePerSecond: num(10, { min: 0, max: MAX_RATE }, {
    showWhen: { field: 'pattern', in: ['constant', 'poisson', ...SHAPED] },
    label: 'Rate',
    help: 'Base rate: the whole rate for constant/poisson, the rate before and after the change for step/ramp/spike, the trough of sine.',
    group: 'Settings',
    unit: 'requests/s',
  }),
  startSeconds: num(0, { min: 0, max: MAX_SECONDS }, {
    label: 'Start',
    help: 'No requests before this time.',
    group: 'Settings',
    unit: 's',
  }),
  stopSeconds: optionalSeconds('Stop', 'No requests from this time on (unset: until the end of the run).'),
  peakRatePerSecond: num(100, { min: 0, max: MAX_RATE }, {
    showWhen: { field: 'pattern', in: SHAPED },
    label: 'Peak rate',
    help: 'step: rate after atSeconds; ramp: rate reached at atSeconds + rampSeconds; spike: rate during the spike; sine: the crest.',
    group: 'Settings',
    unit: 'requests/s',
  }),
  atSeconds: num(60, { min: 0, max: MAX_SECONDS }, {
    showWhen: { field: 'pattern', in: SHAPED },
    label: 'Change at',
    help: 'step/ramp/spike: when the rate changes; sine: when the rate is at its trough.',
    group: 'Settings',
    unit: 's',
  }),
  rampSeconds: num(60, { min: 0, max: MAX_SECONDS }, {
    showWhen: { field: 'pattern', in: ['ramp'] },
    label: 'Ramp length',
    help: 'ramp: seconds to go linearly from the base rate to the peak rate (then the peak holds).',
    group: 'Settings',
    unit: 's',
  }),
  holdSeconds: num(60, { min: 0, max: MAX_SECONDS }, {
    showWhen: { field: 'pattern', in: ['spike'] },
    label: 'Spike length',
    help: 'spike: seconds the peak rate lasts before the rate falls back to the base rate.',
    group: 'Settings',
    unit: 's',
  }),
  periodSeconds: num(86_400, { min: 1, max: MAX_SECONDS }, {
    showWhen: { field: 'pattern', in: ['sine'] },
    label: 'Cycle length',
    help: 'sine: seconds from trough to trough (86,400 = a daily cycle).',
    group: 'Settings',
    unit: 's',
  }),
  rates: ratesSchema,
});

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())], {
  error: 'must be a string, number, boolean or list of strings',
});
const attributesSchema = z.record(z.string(), attributeValue, { error: 'must be an object of attribute values' }).nullable().default(null);
fieldMeta.set(attributesSchema, {
  label: 'Message attributes',
  help: 'Static attributes every request carries (for SNS filter policies and routing).',
  group: 'Behaviour',
  default: null,
  kind: 'json',
});

export const KEY_DISTRIBUTIONS = ['none', 'uniform', 'zipf'] as const;

const keysSchema = z
  .strictObject({
    distribution: choice(KEY_DISTRIBUTIONS, 'none', {
      label: 'Key distribution',
      help: 'How requests pick a partition key / message group: none (no key), uniform, or zipf (a few hot keys).',
      group: 'Behaviour',
    }),
    count: int(1000, { min: 1, max: 1_000_000 }, {
    showWhen: { field: 'keys.distribution', in: ['uniform', 'zipf'] },
      label: 'Distinct keys',
      help: 'Number of distinct keys (0 .. count-1).',
      group: 'Behaviour',
    }),
    exponent: num(1, { min: 0, max: 5 }, {
    showWhen: { field: 'keys.distribution', in: ['zipf'] },
      label: 'Zipf exponent',
      help: 'zipf: key k is chosen with weight 1/(k+1)^exponent; 0 is uniform, larger is more skewed.',
      group: 'Behaviour',
    }),
  })
  .default({ distribution: 'none', count: 1000, exponent: 1 });

export const clientBehaviour = z.strictObject({
  payloadSizeKB: num(1, { min: 0, max: 10_240 }, {
    label: 'Payload size',
    help: 'Size of each request body.',
    group: 'Behaviour',
    unit: 'KB',
  }),
  keys: keysSchema,
  attributes: attributesSchema,
  body: bodySchema,
  poisonRate: num(0, { min: 0, max: 1 }, {
    label: 'Poison rate',
    help: 'Fraction of requests that are poison: every attempt to process them fails.',
    group: 'Behaviour',
  }),
});

export type ClientProperties = z.output<typeof clientProperties>;
export type ClientBehaviour = z.output<typeof clientBehaviour>;

export const weightedEdge = z.looseObject({
  weight: num(1, { min: 0, max: 1_000_000 }, {
    label: 'Weight',
    help: 'Share of requests sent over this edge, relative to the node\'s other edges.',
    group: 'Settings',
  }),
});
