import type { z } from 'zod';
import type { SimNode } from '../sim/core/model.ts';
import type { ServiceKind } from '../sim/core/serviceKind.ts';
import { defaultCatalog, type Catalog } from './catalog.ts';
import { append, describe, Hints, isPlainObject, joinPath, pathOf } from './paths.ts';
import { LIMITS, type Problem } from './types.ts';
import { issuesToProblems } from './zodIssues.ts';

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Keys of a zod object schema (what a kind simulates), or none if the schema is not an object. */
export function knownKeys(schema: z.ZodType): Set<string> {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return new Set(shape ? Object.keys(shape) : []);
}

/**
 * Parses an optional properties/behaviour object with a kind's schema: range problems at their document
 * path, and a warning for each key the kind does not simulate. The document keeps such keys; the parsed
 * section returned for the engine leaves them out, because the models parse their sections strictly.
 */
export function parseSection(
  value: unknown,
  schema: z.ZodType,
  path: string,
  problems: Problem[],
  what: string,
  hints: Hints = new Hints(),
): Record<string, unknown> | undefined {
  if (value !== undefined && !isPlainObject(value)) {
    problems.push({ path, message: `must be an object of ${what}, not ${describe(value)}` });
    return undefined;
  }
  const input = value ?? {};
  const known = knownKeys(schema);
  const knownPart: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (known.size === 0 || known.has(key)) {
      knownPart[key] = input[key];
      continue;
    }
    const hint = hints.closest(key, known);
    problems.push({
      path: joinPath(path, key),
      message: `not simulated: kept in the document but ignored${hint ? `; did you mean "${hint}"?` : ''}`,
      severity: 'warning',
    });
  }
  const parsed = schema.safeParse(knownPart);
  if (!parsed.success) {
    append(problems, issuesToProblems(parsed.error.issues, path));
    return undefined;
  }
  return parsed.data as Record<string, unknown>;
}

/** Each id's node indexes (the first two suffice to name a duplicate), built once per document. */
export type IdIndex = ReadonlyMap<string, readonly number[]>;

export function indexIds(nodes: readonly unknown[]): IdIndex {
  const byId = new Map<string, number[]>();
  nodes.forEach((node, index) => {
    if (!isPlainObject(node) || typeof node.id !== 'string') return;
    const list = byId.get(node.id);
    if (!list) byId.set(node.id, [index]);
    else if (list.length < 2) list.push(index);
  });
  return byId;
}

function idProblems(nodes: readonly unknown[], index: number, base: string, ids: IdIndex): Problem[] {
  const id = (nodes[index] as Record<string, unknown>).id;
  const path = `${base}.id`;
  if (id === undefined) return [{ path, message: 'is required (a name such as "OrdersFunction")' }];
  if (typeof id !== 'string') return [{ path, message: `must be text, not ${describe(id)}` }];
  if (id.length === 0) return [{ path, message: 'must not be empty' }];
  if (id.length > LIMITS.idLength) return [{ path, message: `is ${id.length} characters long; at most ${LIMITS.idLength} allowed` }];
  if (!ID_PATTERN.test(id)) return [{ path, message: `${describe(id)} may contain only letters, digits, "-" and "_"` }];
  const other = ids.get(id)?.find((j) => j !== index);
  return other === undefined ? [] : [{ path, message: `"${id}" is used by nodes[${other}] too` }];
}

function typeProblem(type: unknown, path: string, catalog: Catalog, hints: Hints): Problem {
  const known = catalog.types;
  const list = known.length ? `known types: ${known.join(', ')}` : 'no node types are registered';
  if (type === undefined) return { path, message: `is required; ${list}` };
  if (typeof type !== 'string') return { path, message: `must be text, not ${describe(type)}; ${list}` };
  const hint = hints.closest(type, known);
  return { path, message: `unknown node type ${describe(type)}${hint ? ` (did you mean "${hint}"?)` : ''}; ${list}` };
}

export interface CheckedNode {
  problems: Problem[];
  /** The node with every default filled, when it has no errors. */
  sim?: SimNode;
  kind?: ServiceKind;
}

/** Every problem of nodes[index] on its own (its id against the other nodes, type, position, properties, behaviour). */
export function checkNode(
  nodes: readonly unknown[],
  index: number,
  catalog: Catalog,
  hints: Hints = new Hints(),
  ids: IdIndex = indexIds(nodes),
): CheckedNode {
  const base = `nodes[${index}]`;
  const node = nodes[index];
  if (!isPlainObject(node)) return { problems: [{ path: base, message: `must be an object with an id and a type, not ${describe(node)}` }] };
  const problems = idProblems(nodes, index, base, ids);
  const kind = catalog.find(node.type);
  if (!kind) problems.push(typeProblem(node.type, `${base}.type`, catalog, hints));
  const pos = node.position;
  if (pos !== undefined) {
    if (!isPlainObject(pos)) problems.push({ path: `${base}.position`, message: `must be an object {"x": number, "y": number}, not ${describe(pos)}` });
    else
      for (const axis of ['x', 'y'] as const) {
        const v = pos[axis];
        if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e7)
          problems.push({ path: `${base}.position.${axis}`, message: `must be a number -10000000..10000000 (canvas pixels), not ${describe(v)}` });
      }
  }
  if (!kind) return { problems };
  const errorsBefore = problems.filter((p) => p.severity !== 'warning').length;
  const properties = parseSection(node.properties, kind.properties, `${base}.properties`, problems, `${kind.type} properties`, hints);
  const behaviour = parseSection(node.behaviour, kind.behaviour, `${base}.behaviour`, problems, 'behaviour settings', hints);
  if (!properties || !behaviour || problems.filter((p) => p.severity !== 'warning').length > errorsBefore) return { problems, kind };
  const sim: SimNode = { id: node.id as string, type: kind.type, properties, behaviour };
  for (const [path, message] of safeCheck(kind, sim)) {
    const keys = path.split('.').filter(Boolean);
    const section = keys.length === 0 || keys[0] === 'properties' || keys[0] === 'behaviour' ? [] : ['properties'];
    problems.push({ path: pathOf(base, [...section, ...keys]), message });
  }
  return { problems, kind, sim: problems.some((p) => p.severity !== 'warning') ? undefined : sim };
}

function safeCheck(kind: ServiceKind, node: SimNode): [string, string][] {
  if (!kind.check) return [];
  try {
    return kind.check(node);
  } catch (e) {
    return [['', `the ${kind.type} cross-field check failed: ${e instanceof Error ? e.message : String(e)}`]];
  }
}

/** Problems of one node of a document, for the inspector's as-you-type validation. */
export function nodeProblems(doc: unknown, nodeIndex: number, catalog: Catalog = defaultCatalog()): Problem[] {
  const nodes = isPlainObject(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
  if (nodeIndex < 0 || nodeIndex >= nodes.length) return [{ path: `nodes[${nodeIndex}]`, message: 'no such node' }];
  return checkNode(nodes, nodeIndex, catalog).problems;
}
