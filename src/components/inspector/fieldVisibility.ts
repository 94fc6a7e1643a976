import { getPath } from '../../store/docOps.ts';
import type { FieldInfo } from '../common/kindInfo.ts';

/**
 * Whether the field applies given the section's stored values. A field whose condition names a field the
 * section does not have (or whose value is unset) is judged against that field's default.
 */
export function fieldApplies(field: FieldInfo, values: Record<string, unknown> | undefined, fields: readonly FieldInfo[]): boolean {
  const cond = field.meta.showWhen;
  if (!cond) return true;
  const stored = getPath(values, cond.field);
  const value = stored !== undefined ? stored : fields.find((f) => f.path === cond.field)?.meta.default;
  return (typeof value === 'string' || typeof value === 'boolean') && cond.in.includes(value);
}

/** The fields to show: those that apply. Hidden fields keep their stored values. */
export function visibleFields(fields: readonly FieldInfo[], values: Record<string, unknown> | undefined): FieldInfo[] {
  return fields.filter((f) => fieldApplies(f, values, fields));
}
