import { z } from 'zod';
import { choice, int } from './core/fields.ts';

/** Account- and Region-level limits (docs/aws-behaviour.md), with AWS's defaults. */
export const settingsSchema = z.looseObject({
  lambdaAccountConcurrency: int(1000, { min: 100, max: 1_000_000 }, {
    label: 'Lambda account concurrency',
    help: 'Concurrent executions for all functions of the account in the Region (adjustable quota).',
    group: 'Settings',
    rule: 'Lambda: account concurrency',
  }),
  lambdaMinimumUnreserved: int(100, { min: 0, max: 1_000_000 }, {
    label: 'Minimum unreserved concurrency',
    help: 'Concurrency that reservations may not take: AWS keeps 100 for functions without a reservation.',
    group: 'Advanced',
    rule: 'Lambda: account concurrency',
  }),
  lambdaScaling: choice(['current', 'legacy'] as const, 'current', {
    label: 'Lambda scaling rule',
    help: 'current: 1,000 new environments per function every 10 s; legacy (before late 2023): account burst then +500 per minute.',
    group: 'Settings',
    rule: 'Lambda: scaling rate',
  }),
  lambdaLegacyBurst: int(3000, { min: 500, max: 3000 }, {
    label: 'Legacy burst limit',
    help: 'Account-wide burst of the legacy scaling rule: 3,000, 1,000 or 500 by Region.',
    group: 'Advanced',
    rule: 'Lambda: scaling rate (before late 2023)',
  }),
  lambdaIdleLifetimeSeconds: int(600, { min: 1, max: 86_400 }, {
    label: 'Idle environment lifetime',
    help: 'How long an idle execution environment is kept warm before Lambda reclaims it (not published by AWS).',
    unit: 's',
    group: 'Advanced',
    assumption: true,
    rule: 'Lambda: idle environment lifetime',
  }),
  apiGatewayAccountRateLimit: int(10_000, { min: 1, max: 1_000_000 }, {
    label: 'API Gateway account rate',
    help: 'Steady-state requests per second for all APIs of the account in the Region.',
    unit: 'requests/s',
    group: 'Settings',
    rule: 'API Gateway: throttle',
  }),
  apiGatewayAccountBurstLimit: int(5_000, { min: 1, max: 1_000_000 }, {
    label: 'API Gateway account burst',
    help: 'Token-bucket burst for all APIs of the account in the Region.',
    unit: 'requests',
    group: 'Settings',
    rule: 'API Gateway: throttle',
  }),
  maxEvents: int(200_000_000, { min: 1000, max: 2_000_000_000 }, {
    label: 'Event budget',
    help: 'The run stops with a message after this many simulated events, so a runaway scenario cannot hang.',
    group: 'Advanced',
  }),
  maxBacklog: int(3_000_000, { min: 1000, max: 100_000_000 }, {
    label: 'Backlog budget',
    help: 'The run stops with a message, keeping what it measured, when messages and events waiting in queues (and timers pending) add up to more than this, so a queue nobody drains cannot exhaust memory.',
    group: 'Advanced',
  }),
});

export type Settings = z.output<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
