import { z } from 'zod';
import { choice, fieldMeta, int } from './core/fields.ts';

/** The simulation's calendar start: simulated time 0 is this instant (schedules and event times read it). */
export const DEFAULT_START_TIME = '2026-01-05T00:00:00Z';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const startTime = z
  .string({ error: 'must be an ISO 8601 date and time, e.g. 2026-01-05T00:00:00Z' })
  .regex(ISO_INSTANT, 'must be an ISO 8601 date and time with a zone, e.g. 2026-01-05T00:00:00Z')
  .refine((v) => Number.isFinite(Date.parse(v)), 'is not a real date')
  .default(DEFAULT_START_TIME);
fieldMeta.set(startTime, {
  label: 'Start time',
  help: 'The date and time the simulation starts at (UTC unless an offset is given): cron schedules fire by this calendar, and events carry it in their time field.',
  group: 'Settings',
  default: DEFAULT_START_TIME,
  kind: 'text',
  rule: 'EventBridge: scheduled rules',
});

/** The scenario's calendar start in epoch ms (settings.startTime). */
export function startTimeMs(settings: { readonly [key: string]: unknown }): number {
  const ms = typeof settings.startTime === 'string' ? Date.parse(settings.startTime) : NaN;
  return Number.isFinite(ms) ? ms : Date.parse(DEFAULT_START_TIME);
}

/** Account- and Region-level limits (docs/aws-behaviour.md), with AWS's defaults. */
export const settingsSchema = z.looseObject({
  startTime,
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
  eventBridgePutEventsPerSecond: int(10_000, { min: 1, max: 1_000_000 }, {
    label: 'EventBridge PutEvents quota',
    help: 'Events a second PutEvents accepts for all buses of the account in the Region (us-east-1: 10,000; adjustable); more are throttled.',
    unit: 'events/s',
    group: 'Settings',
    rule: 'EventBridge: quotas',
  }),
  eventBridgeInvocationsPerSecond: int(18_750, { min: 1, max: 1_000_000 }, {
    label: 'EventBridge target invocations quota',
    help: 'Target invocations a second for all rules of the account in the Region (18,750 in large Regions); more are delayed, not dropped.',
    unit: 'invocations/s',
    group: 'Advanced',
    rule: 'EventBridge: quotas',
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
