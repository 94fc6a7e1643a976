import { z } from 'zod';
import { getFieldMeta, type FieldMeta } from '../../sim/core/fields.ts';
import { findServiceKind } from '../../sim/services/registry.ts';
import type { Section } from '../../store/doc.ts';

/** One editable field of a node or edge, found by walking the ServiceKind's zod schema. */
export interface FieldInfo {
  /** Dotted path inside the section, e.g. "RedrivePolicy.maxReceiveCount". */
  path: string;
  key: string;
  schema: z.ZodType;
  meta: FieldMeta;
  /** Name of the enclosing sub-object (RedrivePolicy), if any. */
  parent?: string;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema as z.ZodType & { def: { type: string; innerType?: z.ZodType } };
  while ((s.def.type === 'optional' || s.def.type === 'default' || s.def.type === 'nullable') && s.def.innerType)
    s = s.def.innerType;
  return s;
}

/** Fields of a zod object; nested objects become sub-groups with dotted paths. */
export function fieldsOf(schema: z.ZodObject | undefined, group: FieldMeta['group'], prefix = '', parent?: string): FieldInfo[] {
  if (!schema) return [];
  const out: FieldInfo[] = [];
  for (const [key, child] of Object.entries<z.ZodType>(schema.shape)) {
    const meta = getFieldMeta(child);
    const path = prefix + key;
    const inner = unwrap(child);
    if (!meta && inner instanceof z.ZodObject) {
      out.push(...fieldsOf(inner, group, `${path}.`, path));
      continue;
    }
    out.push({
      path,
      key,
      schema: child,
      parent,
      meta: meta ?? { label: key, help: '', group, kind: 'json' },
    });
  }
  return out;
}

export function nodeFields(type: string, section: Section): FieldInfo[] {
  const kind = findServiceKind(type);
  if (!kind) return [];
  return fieldsOf(section === 'properties' ? kind.properties : kind.behaviour, section === 'properties' ? 'Settings' : 'Behaviour');
}

/** AWS's default for a field, from the ServiceKind's field metadata. */
export function fieldDefault(type: string, section: Section, path: string): unknown {
  return nodeFields(type, section).find((f) => f.path === path)?.meta.default;
}

/** Checks one value against the field's own schema; returns the schema's message or null. */
export function fieldProblem(field: FieldInfo, value: unknown): string | null {
  if (value === undefined) return null;
  const r = field.schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'is not valid');
}
