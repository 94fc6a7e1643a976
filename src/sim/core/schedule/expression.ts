import { Cron } from 'croner';
import type { CronFields } from './cronFields.ts';
import { parseSchedule, ScheduleError, type ScheduleOptions } from './syntax.ts';

export { parseSchedule, ScheduleError, type ParsedSchedule, type ScheduleOptions, type ScheduleService } from './syntax.ts';

/**
 * Schedule expressions of EventBridge scheduled rules and EventBridge Scheduler ("scheduled rules" and
 * "EventBridge Scheduler" rows of ../shared/docs/aws-behaviour.md): rate(), cron() and, for Scheduler only,
 * at(). Scheduled rules run in UTC; Scheduler evaluates cron() and at() in ScheduleExpressionTimezone.
 */

export type Schedule =
  | { readonly kind: 'rate'; readonly periodMs: number; readonly firstMs: number }
  | { readonly kind: 'cron'; readonly cron: Cron; readonly fields: CronFields; readonly timezone: string }
  | { readonly kind: 'at'; readonly atMs: number };

/** Compiles an expression; throws ScheduleError with a message that quotes the expression and names the part. */
export function compileSchedule(expression: string, options: ScheduleOptions): Schedule {
  const parsed = parseSchedule(expression, options);
  if (parsed.kind !== 'cron') return parsed;
  const { text, fields, timezone } = parsed;
  try {
    const cron = new Cron(fields.cronerPattern, { mode: '7-part', alternativeWeekdays: true, domAndDow: true, timezone, paused: true });
    return { kind: 'cron', cron, fields, timezone };
  } catch (e) {
    throw new ScheduleError(`${text}: not a valid cron expression (${(e as Error).message})`);
  }
}
