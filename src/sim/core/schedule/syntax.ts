import { CronFieldError, parseCronFields, type CronFields } from './cronFields.ts';
import { instantOf, isKnownTimeZone } from './timeZone.ts';

/**
 * The syntax of schedule expressions (expression.ts's header says which rules), checked without croner: the app's
 * schemas validate expressions with parseSchedule, so croner loads only with the models and the inspector's
 * firing list (expression.ts compiles a parsed cron() with croner).
 */

export type ScheduleService = 'rule' | 'scheduler';

export interface ScheduleOptions {
  /** AWS::Events::Rule (UTC, no at()) or AWS::Scheduler::Schedule. */
  readonly service: ScheduleService;
  /** ScheduleExpressionTimezone, an IANA name; Scheduler only. Default UTC. */
  readonly timezone?: string;
  /**
   * When the schedule starts (epoch ms): its StartDate, or when the simulation creates it. A Scheduler rate
   * schedule first fires here ("If you don't provide a StartDate, the schedule starts invoking immediately");
   * a rule's rate schedule one period later (an assumption: AWS documents no phase for rules).
   */
  readonly startMs: number;
}

/** A checked expression: a rate or an at() is complete; a cron() still needs croner (expression.ts). */
export type ParsedSchedule =
  | { readonly kind: 'rate'; readonly periodMs: number; readonly firstMs: number }
  | { readonly kind: 'cron'; readonly text: string; readonly fields: CronFields; readonly timezone: string }
  | { readonly kind: 'at'; readonly atMs: number };

export class ScheduleError extends Error {}

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Checks an expression; throws ScheduleError with a message that quotes the expression and names the part. */
export function parseSchedule(expression: string, options: ScheduleOptions): ParsedSchedule {
  const timezone = options.timezone ?? 'UTC';
  if (options.service === 'rule' && timezone !== 'UTC')
    throw new ScheduleError(`ScheduleExpressionTimezone "${timezone}": scheduled rules run in UTC; time zones are for EventBridge Scheduler schedules`);
  if (!isKnownTimeZone(timezone))
    throw new ScheduleError(`ScheduleExpressionTimezone "${timezone}": not a time zone this platform knows (expected an IANA name such as America/New_York)`);
  const text = expression.trim();
  const rate = /^rate\((.*)\)$/.exec(text);
  if (rate) return compileRate(text, rate[1], options);
  const cron = /^cron\((.*)\)$/.exec(text);
  if (cron) {
    try {
      return { kind: 'cron', text, fields: parseCronFields(cron[1]), timezone };
    } catch (e) {
      if (e instanceof CronFieldError) throw new ScheduleError(`${text}: ${e.message}`);
      throw e;
    }
  }
  const at = /^at\((.*)\)$/.exec(text);
  if (at) {
    if (options.service === 'rule') throw new ScheduleError(`${text}: at() is for EventBridge Scheduler; scheduled rules take rate() or cron()`);
    return { kind: 'at', atMs: compileAt(text, at[1], timezone) };
  }
  throw new ScheduleError(`"${expression}": expected rate(value unit), cron(minutes hours day-of-month month day-of-week year)${options.service === 'scheduler' ? ' or at(yyyy-mm-ddThh:mm:ss)' : ''}`);
}

function compileRate(text: string, body: string, options: ScheduleOptions): ParsedSchedule {
  const m = /^\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*$/.exec(body);
  if (!m) throw new ScheduleError(`${text}: expected rate(value unit) with a whole number and minute(s), hour(s) or day(s)`);
  const n = Number(m[1]);
  const unit = m[2];
  if (n < 1) throw new ScheduleError(`${text}: the value must be a positive whole number`);
  // EventBridge rules: "If the value is equal to 1, then the unit must be singular" (and plural above 1).
  if (options.service === 'rule' && (n === 1) !== !unit.endsWith('s'))
    throw new ScheduleError(`${text}: write ${n === 1 ? `rate(1 ${unit.replace(/s$/, '')})` : `rate(${n} ${unit}s)`} (singular for 1, plural otherwise)`);
  const periodMs = n * UNIT_MS[unit.replace(/s$/, '')];
  return { kind: 'rate', periodMs, firstMs: options.startMs + (options.service === 'rule' ? periodMs : 0) };
}

function compileAt(text: string, body: string, timezone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body.trim());
  if (!m) throw new ScheduleError(`${text}: expected at(yyyy-mm-ddThh:mm:ss), e.g. at(2026-12-24T18:00:00)`);
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    throw new ScheduleError(`${text}: ${body.trim()} is not a real date and time`);
  return instantOf({ year, month, day, hour, minute, second }, timezone);
}
