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

/**
 * Of a setting with two names (FieldMeta.aliasOf), the one to show: the alias only while the document sets it
 * and not the main name, so a capacity is never shown twice.
 */
function shownName(field: FieldInfo, values: Record<string, unknown> | undefined, fields: readonly FieldInfo[]): boolean {
  const main = field.meta.aliasOf;
  if (main !== undefined) return getPath(values, field.path) !== undefined && getPath(values, main) === undefined;
  const alias = fields.find((f) => f.meta.aliasOf === field.path);
  return !alias || getPath(values, alias.path) === undefined || getPath(values, field.path) !== undefined;
}

/** The fields to show: those that apply, each setting once. Hidden fields keep their stored values. */
export function visibleFields(fields: readonly FieldInfo[], values: Record<string, unknown> | undefined): FieldInfo[] {
  return fields.filter((f) => fieldApplies(f, values, fields) && shownName(f, values, fields));
}
