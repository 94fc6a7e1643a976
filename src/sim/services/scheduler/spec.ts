import { z } from 'zod';
import { choice, fieldMeta } from '../../core/fields.ts';
import { parseSchedule, ScheduleError } from '../../core/schedule/syntax.ts';
import { flexibleWindowProblem } from '../../core/schedule/flexibleWindow.ts';
import { inputProblem } from '../eventBridge/input.ts';
import { retryPolicySchema } from '../eventBridge/spec.ts';

/**
 * The schemas of an AWS::Scheduler::Schedule node and of its edges (docs/aws-behaviour.md "EventBridge
 * Scheduler"). The schedule's Target is the `target` edge it starts; the edge holds Target.RetryPolicy and
 * Target.Input, and Target.DeadLetterConfig is a `deadLetter` edge to an SQS queue.
 */

/** USD per invocation (the first 14 million a month free are not modelled). */
export const SCHEDULER_PRICE = 1 / 1e6;

const expression = z.string({ error: 'must be text such as rate(1 hour), cron(0 2 * * ? *) or at(2026-01-05T09:00:00)' }).min(1).max(256).default('cron(0 2 * * ? *)');
fieldMeta.set(expression, {
  label: 'Schedule expression',
  help: 'rate(5 minutes), cron(minutes hours day-of-month month day-of-week year) with ? L W #, or at(yyyy-mm-ddThh:mm:ss) once.',
  group: 'Settings',
  kind: 'text',
  default: 'cron(0 2 * * ? *)',
  rule: 'EventBridge Scheduler',
});

const timezone = z.string({ error: 'must be an IANA time zone name' }).min(1).max(64).default('UTC');
fieldMeta.set(timezone, {
  label: 'Time zone',
  help: 'The time zone cron() and at() are read in, e.g. Europe/Berlin; daylight saving: a skipped time does not run, a repeated one runs once.',
  group: 'Settings',
  kind: 'text',
  default: 'UTC',
  rule: 'EventBridge Scheduler',
});

const flexibleTimeWindow = z
  .strictObject({
    Mode: choice(['OFF', 'FLEXIBLE'] as const, 'OFF', {
      label: 'Flexible time window',
      help: 'FLEXIBLE: each invocation lands at a random time within the window after the scheduled time.',
      group: 'Settings',
      rule: 'EventBridge Scheduler',
    }),
    MaximumWindowInMinutes: z.number({ error: 'must be a whole number of minutes 1..1440' }).int('must be a whole number of minutes').min(1, 'must be 1..1440').max(1440, 'must be 1..1440').optional(),
  })
  .prefault({});
fieldMeta.set(flexibleTimeWindow.unwrap().shape.MaximumWindowInMinutes, {
  label: 'Window',
  help: 'The window\'s length, 1..1,440 minutes (FLEXIBLE only).',
  group: 'Settings',
  kind: 'optionalNumber',
  unit: 'min',
  min: 1,
  max: 1440,
  integer: true,
  showWhen: { field: 'FlexibleTimeWindow.Mode', in: ['FLEXIBLE'] },
  rule: 'EventBridge Scheduler',
});

export const scheduleProperties = z
  .looseObject({
    ScheduleExpression: expression,
    ScheduleExpressionTimezone: timezone,
    FlexibleTimeWindow: flexibleTimeWindow,
    State: choice(['ENABLED', 'DISABLED'] as const, 'ENABLED', {
      label: 'State',
      help: 'A disabled schedule does not run.',
      group: 'Settings',
    }),
  })
  .superRefine((p, ctx) => {
    try {
      parseSchedule(p.ScheduleExpression, { service: 'scheduler', timezone: p.ScheduleExpressionTimezone, startMs: 0 });
    } catch (e) {
      if (!(e instanceof ScheduleError)) throw e;
      const path = e.message.startsWith('ScheduleExpressionTimezone') ? 'ScheduleExpressionTimezone' : 'ScheduleExpression';
      ctx.addIssue({ code: 'custom', path: [path], message: e.message });
    }
    const problem = flexibleWindowProblem(p.FlexibleTimeWindow);
    if (problem) ctx.addIssue({ code: 'custom', path: ['FlexibleTimeWindow'], message: problem });
  });

export const scheduleBehaviour = z.looseObject({});

const input = z.string({ error: 'must be JSON text' }).min(1).max(8192).optional();
fieldMeta.set(input, {
  label: 'Input',
  help: 'The JSON the target receives at each invocation (default {}).',
  group: 'Settings',
  kind: 'text',
  rule: 'EventBridge Scheduler',
});

/** The schedule's Target: the `target` edge. */
export const scheduleTargetSchema = z
  .looseObject({ RetryPolicy: retryPolicySchema, Input: input })
  .superRefine((edge, ctx) => {
    const problem = inputProblem(edge);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem[0]], message: problem[1] });
  });

export type ScheduleProperties = z.output<typeof scheduleProperties>;
