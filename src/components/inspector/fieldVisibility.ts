import type { FieldCondition } from '../../sim/core/fields.ts';
import { getPath } from '../../store/docOps.ts';
import type { FieldInfo } from '../common/kindInfo.ts';

const CHANGING = ['step', 'ramp', 'spike', 'sine'];

/**
 * When a field applies, for specs that do not (yet) declare FieldMeta.showWhen themselves. Keyed by kind
 * type, then the field's dotted path in its section. Kept UI-side because the service specs belong to the
 * engine; a spec's own `showWhen` wins over this table.
 */
export const SHOW_WHEN: Record<string, Record<string, FieldCondition>> = {
  Client: {
    ratePerSecond: { field: 'pattern', in: ['constant', 'poisson', ...CHANGING] },
    peakRatePerSecond: { field: 'pattern', in: CHANGING },
    atSeconds: { field: 'pattern', in: CHANGING },
    rampSeconds: { field: 'pattern', in: ['ramp'] },
    holdSeconds: { field: 'pattern', in: ['spike'] },
    periodSeconds: { field: 'pattern', in: ['sine'] },
    rates: { field: 'pattern', in: ['replay'] },
    'keys.count': { field: 'keys.distribution', in: ['uniform', 'zipf'] },
    'keys.exponent': { field: 'keys.distribution', in: ['zipf'] },
  },
};

export function conditionOf(type: string, field: FieldInfo): FieldCondition | undefined {
  return field.meta.showWhen ?? SHOW_WHEN[type]?.[field.path];
}

/**
 * Whether the field applies given the section's stored values. A field whose condition names a field the
 * section does not have (or whose value is unset) is judged against that field's default.
 */
export function fieldApplies(type: string, field: FieldInfo, values: Record<string, unknown> | undefined, fields: readonly FieldInfo[]): boolean {
  const cond = conditionOf(type, field);
  if (!cond) return true;
  const stored = getPath(values, cond.field);
  const value = stored !== undefined ? stored : fields.find((f) => f.path === cond.field)?.meta.default;
  return typeof value === 'string' && cond.in.includes(value);
}

/** The fields to show: those that apply. Hidden fields keep their stored values. */
export function visibleFields(type: string, fields: readonly FieldInfo[], values: Record<string, unknown> | undefined): FieldInfo[] {
  return fields.filter((f) => fieldApplies(type, f, values, fields));
}
