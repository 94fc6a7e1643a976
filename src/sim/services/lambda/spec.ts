import { z } from 'zod';
import { duration, fieldMeta, int, num, optionalInt } from '../../core/fields.ts';

/** AWS::Lambda::Function. Properties use CloudFormation's names; what AWS has no setting for is behaviour. */

const ARCHITECTURES = ['x86_64', 'arm64'] as const;
const archError = { error: 'must be x86_64 or arm64 (or CloudFormation\'s one-item list, e.g. ["arm64"])' };
const architecturesSchema = z
  .union([z.enum(ARCHITECTURES), z.array(z.enum(ARCHITECTURES)).length(1)], archError)
  .transform((v) => (Array.isArray(v) ? v[0] : v))
  .default('x86_64');
fieldMeta.set(architecturesSchema, {
  label: 'Architecture',
  help: 'Instruction set: arm64 (Graviton) costs about 20% less per GB-second.',
  group: 'Settings',
  options: ARCHITECTURES,
  default: 'x86_64',
  kind: 'choice',
  rule: 'Lambda: price',
});

export const lambdaProperties = z.looseObject({
  MemorySize: int(128, { min: 128, max: 10_240 }, {
    label: 'Memory',
    help: 'Memory for the function; CPU is proportional to it (1,769 MB = 1 vCPU).',
    group: 'Settings',
    unit: 'MB',
    rule: 'Lambda: limits',
  }),
  Timeout: int(3, { min: 1, max: 900 }, {
    label: 'Timeout',
    help: 'An invocation still running after this ends with "Task timed out" (a function error).',
    group: 'Settings',
    unit: 's',
    rule: 'Lambda: limits',
  }),
  ReservedConcurrentExecutions: optionalInt({ min: 0, max: 1_000_000 }, {
    label: 'Reserved concurrency',
    help: 'Both floor and ceiling of this function\'s concurrency, taken from the account; 0 throttles every invocation. It also sets the synchronous request-rate quota: 10 x reserved requests/s. Unset: share the unreserved pool and the account\'s one quota of 10 x account concurrency requests/s. Asynchronous invocations have no request-rate quota.',
    group: 'Settings',
    rule: 'Lambda: reserved concurrency',
  }),
  ProvisionedConcurrencyConfig: z
    .strictObject({
      ProvisionedConcurrentExecutions: int(0, { min: 0, max: 1_000_000 }, {
        label: 'Provisioned concurrency',
        help: 'Environments kept initialised (no cold start, never reclaimed); traffic above them spills over to on-demand environments. Set on the alias in CloudFormation. Available at once; invocations billed at on-demand prices (the provisioned price is not modelled).',
        group: 'Settings',
        rule: 'Lambda: provisioned concurrency',
      }),
    })
    .default({ ProvisionedConcurrentExecutions: 0 }),
  Architectures: architecturesSchema,
  MaximumRetryAttempts: int(2, { min: 0, max: 2 }, {
    label: 'Async retry attempts',
    help: 'Asynchronous invocations: retries after a function error (AWS::Lambda::EventInvokeConfig).',
    group: 'Advanced',
    rule: 'Lambda: async invocation',
  }),
  MaximumEventAgeInSeconds: int(21_600, { min: 60, max: 21_600 }, {
    label: 'Async maximum event age',
    help: 'Asynchronous invocations: an event older than this is dropped (AWS::Lambda::EventInvokeConfig).',
    group: 'Advanced',
    unit: 's',
    rule: 'Lambda: async invocation',
  }),
});

export const lambdaBehaviour = z.strictObject({
  duration: duration({ distribution: 'lognormal', medianMs: 50, p99Ms: 200 }, {
    label: 'Duration',
    help: 'How long the handler runs at measuredAtMemoryMB (default: a typical small API handler, median 50 ms, p99 200 ms).',
    group: 'Behaviour',
    unit: 'ms',
    assumption: true,
  }),
  coldStartMs: duration({ distribution: 'lognormal', medianMs: 250, p99Ms: 800 }, {
    label: 'Cold start (Init)',
    help: 'Init time of a new environment before its first request (capped at AWS\'s 10 s Init limit).',
    group: 'Behaviour',
    unit: 'ms',
    assumption: true,
    rule: 'Lambda: cold start',
  }),
  errorRate: num(0, { min: 0, max: 1 }, {
    label: 'Error rate',
    help: 'Fraction of invocations whose handler throws (reported after the duration).',
    group: 'Behaviour',
  }),
  recordErrorRate: num(0, { min: 0, max: 1 }, {
    label: 'Record error rate',
    help: 'Batches from an event source: each record fails independently with this probability.',
    group: 'Behaviour',
  }),
  perRecordMs: num(0, { min: 0, max: 900_000 }, {
    label: 'Time per record',
    help: 'Batches: added to the duration for each record in the batch.',
    group: 'Behaviour',
    unit: 'ms',
  }),
  cpuBoundFraction: num(0, { min: 0, max: 1 }, {
    label: 'CPU-bound fraction',
    help: 'Share of the duration that is CPU work and scales with vCPU (0: I/O bound, memory does not change it).',
    group: 'Behaviour',
    assumption: true,
    rule: 'Lambda: limits',
  }),
  measuredAtMemoryMB: int(128, { min: 128, max: 10_240 }, {
    label: 'Measured at memory',
    help: 'The MemorySize the duration was measured at; other sizes scale the CPU-bound part.',
    group: 'Behaviour',
    unit: 'MB',
  }),
  threads: int(1, { min: 1, max: 64 }, {
    label: 'Threads',
    help: 'Threads the CPU-bound part can use: more than 1 vCPU (above 1,769 MB) helps only multi-threaded code.',
    group: 'Behaviour',
  }),
});

export type LambdaProperties = z.output<typeof lambdaProperties>;
export type LambdaBehaviour = z.output<typeof lambdaBehaviour>;

/** vCPUs usable by the code: min(MemorySize / 1,769, threads) (docs/aws-behaviour.md, Lambda "limits"). */
export function usableVcpu(memoryMB: number, threads: number): number {
  return Math.min(memoryMB / 1769, threads);
}

/** Factor applied to the measured duration at `memoryMB`: the CPU-bound part scales with 1 / vCPU. */
export function durationScale(b: LambdaBehaviour, memoryMB: number): number {
  const f = b.cpuBoundFraction;
  if (f === 0) return 1;
  return 1 - f + (f * usableVcpu(b.measuredAtMemoryMB, b.threads)) / usableVcpu(memoryMB, b.threads);
}
