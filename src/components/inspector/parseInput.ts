import { fieldProblem, type FieldInfo } from '../common/kindInfo.ts';
import { groupedNumber } from '../../sim/core/fields.ts';

/** What typing into a field means: store a value, go back to AWS's default (unset), or a problem to show. */
export type InputResult = { ok: true; value: unknown } | { ok: false; error: string };

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Parses the text of a number field and checks it with the field's own zod schema (the one the runner
 * uses), so the message is the runner's ("must be 1..900 (s)"). An empty box means AWS's default.
 */
export function parseNumberInput(text: string, field: FieldInfo): InputResult {
  const t = text.trim().replace(/[_,](?=\d{3})/g, '');
  if (t === '') return { ok: true, value: undefined };
  if (!NUMERIC.test(t)) return { ok: false, error: 'must be a number' };
  return checked(Number(t), field);
}

/** Checks a value against the field schema; a value equal to the default is stored as "unset". */
export function checked(value: unknown, field: FieldInfo): InputResult {
  const problem = fieldProblem(field, value);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: isDefault(value, field.meta.default) ? undefined : value };
}

export function isDefault(value: unknown, def: unknown): boolean {
  if (def === undefined) return false;
  return JSON.stringify(value) === JSON.stringify(def);
}

export function parseJsonInput(text: string, field: FieldInfo): InputResult {
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return checked(value, field);
}

/** "1–900 s · default 3" */
export function rangeHint(field: FieldInfo): string {
  const m = field.meta;
  const parts: string[] = [];
  if (m.min !== undefined && m.max !== undefined) parts.push(`${groupedNumber(m.min)}–${groupedNumber(m.max)}${m.unit ? ` ${m.unit}` : ''}`);
  else if (m.unit) parts.push(m.unit);
  if (typeof m.default === 'number' || typeof m.default === 'string' || typeof m.default === 'boolean') parts.push(`default ${String(m.default)}`);
  else if (m.kind === 'optionalNumber') parts.push('default: not set');
  return parts.join(' · ');
}
