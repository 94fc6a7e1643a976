/**
 * AWS's six-field cron syntax ("scheduled rules" and "EventBridge Scheduler" rows of
 * ../shared/docs/aws-behaviour.md): minutes hours day-of-month month day-of-week year, with `, - * / ? L W #`;
 * one of day-of-month and day-of-week must be `?`; day-of-week 1 = SUNDAY. Each field is validated here and
 * rewritten for croner (seconds first, Quartz weekday numbering, `a/n` as `a-max/n`, `nL` as `n#L`).
 */

export interface CronFields {
  /** croner's seven-part pattern: second minute hour day-of-month month day-of-week year. */
  readonly cronerPattern: string;
  /** The minutes and hours the expression names, to recognise times croner moved out of a DST gap. */
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
}

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MINUTES: FieldSpec = { name: 'minutes', min: 0, max: 59 };
const HOURS: FieldSpec = { name: 'hours', min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { name: 'day-of-month', min: 1, max: 31 };
const MONTH: FieldSpec = { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] };
const DAY_OF_WEEK: FieldSpec = { name: 'day-of-week', min: 1, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] };
const YEAR: FieldSpec = { name: 'year', min: 1970, max: 2199 };

export class CronFieldError extends Error {}

function fail(spec: FieldSpec, field: string, why: string): never {
  throw new CronFieldError(`${spec.name} "${field}": ${why}`);
}

function value(spec: FieldSpec, text: string, field: string): number {
  const upper = text.toUpperCase();
  const named = spec.names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + spec.min;
  if (!/^\d{1,4}$/.test(text)) {
    const allowed = spec.names ? `${spec.min}..${spec.max} or ${spec.names[0]}..${spec.names[spec.names.length - 1]}` : `${spec.min}..${spec.max}`;
    fail(spec, field, `"${text}" is not a value (expected ${allowed})`);
  }
  const n = Number(text);
  if (n < spec.min || n > spec.max) fail(spec, field, `${n} is outside ${spec.min}..${spec.max}`);
  return n;
}

/** One comma-separated item without L/W/#: `*`, `a`, `a-b`, `a/n`, `*` with a step, `a-b/n`. Adds its values to `into`. */
function rangeItem(spec: FieldSpec, item: string, field: string, into: Set<number>): string {
  const [base, stepText, extra] = item.split('/');
  if (extra !== undefined) fail(spec, field, `"${item}" has more than one /`);
  let lo: number, hi: number;
  if (base === '*') [lo, hi] = [spec.min, spec.max];
  else if (base.includes('-')) {
    const [a, b, more] = base.split('-');
    if (more !== undefined) fail(spec, field, `"${base}" is not a range a-b`);
    lo = value(spec, a, field);
    hi = value(spec, b, field);
    if (lo > hi) fail(spec, field, `the range "${base}" must go upward`);
  } else {
    lo = value(spec, base, field);
    hi = stepText === undefined ? lo : spec.max;
  }
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d{1,4}$/.test(stepText) || Number(stepText) < 1) fail(spec, field, `the step in "${item}" must be a positive whole number`);
    step = Number(stepText);
  }
  for (let v = lo; v <= hi; v += step) into.add(v);
  return step === 1 ? (lo === hi ? `${lo}` : `${lo}-${hi}`) : `${lo}-${hi}/${step}`;
}

function plainField(spec: FieldSpec, field: string, into = new Set<number>()): string {
  if (field === '') fail(spec, field, 'is empty');
  if (field === '*') {
    rangeItem(spec, '*', field, into);
    return '*';
  }
  return field.split(',').map((item) => rangeItem(spec, item, field, into)).join(',');
}

function dayOfMonth(field: string): string {
  if (field === 'L') return 'L';
  const w = /^(\d{1,2})W$/.exec(field);
  if (w) return `${value(DAY_OF_MONTH, w[1], field)}W`;
  if (/[LW#]/i.test(field)) fail(DAY_OF_MONTH, field, 'L stands alone (the last day) and W follows one day (15W: the weekday nearest the 15th)');
  return plainField(DAY_OF_MONTH, field);
}

function dayOfWeek(field: string): string {
  // "L" alone is the last day of the week, Saturday.
  if (field === 'L') return '7';
  const last = /^(\w+)L$/i.exec(field);
  if (last && field.length > 1) return `${value(DAY_OF_WEEK, last[1], field)}#L`;
  const nth = /^(\w+)#(\d+)$/.exec(field);
  if (nth) {
    const k = Number(nth[2]);
    if (k < 1 || k > 5) fail(DAY_OF_WEEK, field, `the occurrence after # must be 1..5`);
    return `${value(DAY_OF_WEEK, nth[1], field)}#${k}`;
  }
  if (field.includes('#')) fail(DAY_OF_WEEK, field, 'write the nth weekday as day#n, e.g. 2#1 for the first Monday');
  return plainField(DAY_OF_WEEK, field);
}

/** Parses the inside of `cron(...)`; throws CronFieldError naming the field. */
export function parseCronFields(body: string): CronFields {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6)
    throw new CronFieldError(`has ${fields.length} fields; AWS's cron has six: minutes hours day-of-month month day-of-week year`);
  const [min, hour, dom, month, dow, year] = fields;
  if ((dom === '?') === (dow === '?'))
    throw new CronFieldError(`exactly one of day-of-month ("${dom}") and day-of-week ("${dow}") must be ?`);
  for (const [spec, f] of [[MINUTES, min], [HOURS, hour], [MONTH, month], [YEAR, year]] as const)
    if (f === '?') fail(spec, f, '? is only allowed in day-of-month or day-of-week');
  const minutes = new Set<number>();
  const hours = new Set<number>();
  const parts = [
    '0',
    plainField(MINUTES, min, minutes),
    plainField(HOURS, hour, hours),
    dom === '?' ? '*' : dayOfMonth(dom),
    plainField(MONTH, month),
    dow === '?' ? '*' : dayOfWeek(dow),
    plainField(YEAR, year),
  ];
  return { cronerPattern: parts.join(' '), minutes, hours };
}
