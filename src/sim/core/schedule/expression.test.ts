import { describe, expect, it } from 'vitest';
import { compileSchedule, ScheduleError } from './expression.ts';
import { firingsBetween, nextFiring, nextFirings } from './firings.ts';

const iso = (times: number[]) => times.map((t) => new Date(t).toISOString().replace(':00.000Z', 'Z'));
// Thursday 1 January 2026, 00:00 UTC.
const NEW_YEAR = Date.UTC(2026, 0, 1);

describe("AWS's documented cron examples (scheduled rules, UTC)", () => {
  const cases: [string, string[]][] = [
    ['cron(0 10 * * ? *)', ['2026-01-01T10:00Z', '2026-01-02T10:00Z', '2026-01-03T10:00Z']],
    ['cron(15 12 * * ? *)', ['2026-01-01T12:15Z', '2026-01-02T12:15Z', '2026-01-03T12:15Z']],
    // 2 and 3 January are a weekend.
    ['cron(0 18 ? * MON-FRI *)', ['2026-01-01T18:00Z', '2026-01-02T18:00Z', '2026-01-05T18:00Z']],
    ['cron(0 8 1 * ? *)', ['2026-01-01T08:00Z', '2026-02-01T08:00Z', '2026-03-01T08:00Z']],
    ['cron(0/15 * * * ? *)', ['2026-01-01T00:15Z', '2026-01-01T00:30Z', '2026-01-01T00:45Z', '2026-01-01T01:00Z']],
    ['cron(0/10 * ? * MON-FRI *)', ['2026-01-01T00:10Z', '2026-01-01T00:20Z', '2026-01-01T00:30Z']],
    ['cron(0/5 8-17 ? * MON-FRI *)', ['2026-01-01T08:00Z', '2026-01-01T08:05Z', '2026-01-01T08:10Z']],
    // The first Monday of each month: 5 January, 2 February, 2 March 2026.
    ['cron(0 9 ? * 2#1 *)', ['2026-01-05T09:00Z', '2026-02-02T09:00Z', '2026-03-02T09:00Z']],
    ['cron(0 12 L * ? *)', ['2026-01-31T12:00Z', '2026-02-28T12:00Z', '2026-03-31T12:00Z']],
    // The last Friday of the month (day-of-week 6 = FRIDAY).
    ['cron(0 12 ? * 6L *)', ['2026-01-30T12:00Z', '2026-02-27T12:00Z', '2026-03-27T12:00Z']],
    // The weekday nearest the 15th: 15 February 2026 is a Sunday, so Monday the 16th.
    ['cron(0 9 15W * ? *)', ['2026-01-15T09:00Z', '2026-02-16T09:00Z', '2026-03-16T09:00Z']],
    // L alone in day-of-week is the last day of the week, Saturday.
    ['cron(0 12 ? * L *)', ['2026-01-03T12:00Z', '2026-01-10T12:00Z', '2026-01-17T12:00Z']],
    ['cron(0 12 ? * SUN,SAT *)', ['2026-01-03T12:00Z', '2026-01-04T12:00Z', '2026-01-10T12:00Z']],
    ['cron(30 9 ? JAN,JUL 1 2026-2027)', ['2026-01-04T09:30Z', '2026-01-11T09:30Z', '2026-01-18T09:30Z']],
    ['cron(0 0 29 2 ? *)', ['2028-02-29T00:00Z', '2032-02-29T00:00Z']],
    ['cron(0 0 30 2 ? *)', []],
  ];
  it.each(cases)('%s', (expression, expected) => {
    expect(iso(nextFirings(expression, undefined, NEW_YEAR, expected.length || 3, 'rule'))).toEqual(expected);
  });
});

describe('a week of firings at exact times', () => {
  // Monday 26 January to Sunday 1 February 2026, UTC.
  const from = Date.UTC(2026, 0, 26) - 1;
  const until = Date.UTC(2026, 1, 2) - 1;
  const week = (expression: string) => [...firingsBetween(compileSchedule(expression, { service: 'rule', startMs: 0 }), from, until)];

  it('every 5 minutes 08:00-17:55 on weekdays: 600 firings', () => {
    const times = week('cron(0/5 8-17 ? * MON-FRI *)');
    expect(times).toHaveLength(5 * 10 * 12);
    expect(iso([times[0], times[119], times[120], times[599]])).toEqual(['2026-01-26T08:00Z', '2026-01-26T17:55Z', '2026-01-27T08:00Z', '2026-01-30T17:55Z']);
    expect(times.every((t, i) => i === 0 || t > times[i - 1])).toBe(true);
  });
  it('the last Friday (6L), the nightly job and the weekend job', () => {
    expect(iso(week('cron(0 12 ? * 6L *)'))).toEqual(['2026-01-30T12:00Z']);
    expect(iso(week('cron(0 2 * * ? *)'))).toEqual(['2026-01-26', '2026-01-27', '2026-01-28', '2026-01-29', '2026-01-30', '2026-01-31', '2026-02-01'].map((d) => `${d}T02:00Z`));
    expect(iso(week('cron(45 23 ? * SAT#5 *)'))).toEqual(['2026-01-31T23:45Z']);
  });
});

describe('time zones (EventBridge Scheduler)', () => {
  const ny = (expression: string, after: number, n: number) => iso(nextFirings(expression, 'America/New_York', after, n));

  it('a daily time follows the zone across the change to summer time (8 March 2026)', () => {
    expect(ny('cron(0 9 * * ? *)', Date.UTC(2026, 2, 7), 3)).toEqual(['2026-03-07T14:00Z', '2026-03-08T13:00Z', '2026-03-09T13:00Z']);
  });
  it('a time that does not exist on the spring-forward day is skipped', () => {
    expect(ny('cron(30 2 * * ? *)', Date.UTC(2026, 2, 7), 3)).toEqual(['2026-03-07T07:30Z', '2026-03-09T06:30Z', '2026-03-10T06:30Z']);
    expect(ny('cron(0/30 * * * ? *)', Date.UTC(2026, 2, 8, 5, 50), 3)).toEqual(['2026-03-08T06:00Z', '2026-03-08T06:30Z', '2026-03-08T07:00Z']);
  });
  it('a time the fall-back repeats runs once (1 November 2026)', () => {
    expect(ny('cron(30 1 * * ? *)', Date.UTC(2026, 9, 31), 3)).toEqual(['2026-10-31T05:30Z', '2026-11-01T05:30Z', '2026-11-02T06:30Z']);
    // 01:00 and 01:30 EDT, then the repeated 01:00 and 01:30 EST are skipped, then 02:00 EST.
    expect(ny('cron(0/30 * * * ? *)', Date.UTC(2026, 10, 1, 4, 50), 4)).toEqual(['2026-11-01T05:00Z', '2026-11-01T05:30Z', '2026-11-01T07:00Z', '2026-11-01T07:30Z']);
    // Asked from inside the repeated hour, it still does not fire again.
    expect(ny('cron(0/30 * * * ? *)', Date.UTC(2026, 10, 1, 6, 10), 1)).toEqual(['2026-11-01T07:00Z']);
  });
  it('at() reads its wall-clock time in the zone', () => {
    expect(iso(nextFirings('at(2026-12-24T18:00:00)', 'Europe/Berlin', NEW_YEAR, 3))).toEqual(['2026-12-24T17:00Z']);
    expect(iso(nextFirings('at(2026-07-01T09:00:00)', 'Asia/Kolkata', NEW_YEAR, 3))).toEqual(['2026-07-01T03:30Z']);
    expect(nextFirings('at(2025-12-24T18:00:00)', 'UTC', NEW_YEAR, 3)).toEqual([]);
  });
});

describe('rate()', () => {
  it('a Scheduler rate fires at its start, then every period; a rule one period after', () => {
    const scheduler = compileSchedule('rate(5 minutes)', { service: 'scheduler', startMs: NEW_YEAR, timezone: 'Europe/Berlin' });
    expect(iso([...firingsBetween(scheduler, NEW_YEAR - 1, NEW_YEAR + 600_000)])).toEqual(['2026-01-01T00:00Z', '2026-01-01T00:05Z', '2026-01-01T00:10Z']);
    const rule = compileSchedule('rate(1 hour)', { service: 'rule', startMs: NEW_YEAR });
    expect(iso([nextFiring(rule, 0)!, nextFiring(rule, NEW_YEAR + 3_600_000)!])).toEqual(['2026-01-01T01:00Z', '2026-01-01T02:00Z']);
    expect(nextFirings('rate(2 days)', undefined, NEW_YEAR, 2)).toEqual([NEW_YEAR, NEW_YEAR + 2 * 86_400_000]);
  });
});

describe('invalid expressions say what is wrong', () => {
  const cases: [string, string, 'rule' | 'scheduler', string?][] = [
    ['cron(0 12 * * * *)', 'cron(0 12 * * * *): exactly one of day-of-month ("*") and day-of-week ("*") must be ?', 'rule'],
    ['cron(0 12 ? * ? *)', 'exactly one of day-of-month ("?") and day-of-week ("?") must be ?', 'rule'],
    ['cron(0 12 * * ?)', 'cron(0 12 * * ?): has 5 fields; AWS\'s cron has six: minutes hours day-of-month month day-of-week year', 'rule'],
    ['cron(61 12 * * ? *)', 'minutes "61": 61 is outside 0..59', 'rule'],
    ['cron(0 24 * * ? *)', 'hours "24": 24 is outside 0..23', 'rule'],
    ['cron(0 12 ? * 0 *)', 'day-of-week "0": 0 is outside 1..7', 'rule'],
    ['cron(0 12 ? * MON#6 *)', 'day-of-week "MON#6": the occurrence after # must be 1..5', 'rule'],
    ['cron(0 12 ? JANX * *)', 'month "JANX": "JANX" is not a value (expected 1..12 or JAN..DEC)', 'rule'],
    ['cron(0 12 5-1 * ? *)', 'day-of-month "5-1": the range "5-1" must go upward', 'rule'],
    ['cron(0/0 12 * * ? *)', 'minutes "0/0": the step in "0/0" must be a positive whole number', 'rule'],
    ['cron(0 12 * * ? 2300)', 'year "2300": 2300 is outside 1970..2199', 'rule'],
    ['cron(0 12 LW * ? *)', 'day-of-month "LW": L stands alone', 'rule'],
    ['rate(0 minutes)', 'rate(0 minutes): the value must be a positive whole number', 'rule'],
    ['rate(1 minutes)', 'rate(1 minutes): write rate(1 minute) (singular for 1, plural otherwise)', 'rule'],
    ['rate(5 hour)', 'rate(5 hour): write rate(5 hours)', 'rule'],
    ['rate(5 weeks)', 'expected rate(value unit) with a whole number and minute(s), hour(s) or day(s)', 'scheduler'],
    ['at(2026-12-24T18:00:00)', 'at() is for EventBridge Scheduler', 'rule'],
    ['at(2026-02-30T00:00:00)', 'at(2026-02-30T00:00:00): 2026-02-30T00:00:00 is not a real date and time', 'scheduler'],
    ['at(tomorrow)', 'expected at(yyyy-mm-ddThh:mm:ss)', 'scheduler'],
    ['every day', '"every day": expected rate(value unit), cron(minutes hours day-of-month month day-of-week year) or at(yyyy-mm-ddThh:mm:ss)', 'scheduler'],
    ['cron(0 9 * * ? *)', 'ScheduleExpressionTimezone "Mars/Olympus": not a time zone this platform knows', 'scheduler', 'Mars/Olympus'],
    ['cron(0 9 * * ? *)', 'ScheduleExpressionTimezone "Europe/Paris": scheduled rules run in UTC', 'rule', 'Europe/Paris'],
  ];
  it.each(cases)('%s', (expression, message, service, timezone) => {
    const compile = () => compileSchedule(expression, { service, timezone, startMs: 0 });
    expect(compile).toThrow(ScheduleError);
    expect(compile).toThrow(message);
  });
});
