import { isError, isPlainObject, nodePath } from './paths.ts';
import type { Problem } from './types.ts';
import { validateScenario } from './validate.ts';
import type { SimScenario } from '../sim/engine.ts';

export type ReadyToRun = { ok: true; sim: SimScenario } | { ok: false; message: string };

function nodeIdAt(doc: unknown, index: number): string | undefined {
  const nodes = isPlainObject(doc) && Array.isArray(doc.nodes) ? (doc.nodes as unknown[]) : [];
  const node = nodes[index];
  return isPlainObject(node) && typeof node.id === 'string' ? node.id : undefined;
}

/** A problem's path with the node named instead of numbered: `Search.properties.Timeout` for `nodes[2].properties.Timeout`. */
export function problemWhere(doc: unknown, problem: Problem): string {
  const at = nodePath(problem.path);
  const id = at ? nodeIdAt(doc, at.index) : undefined;
  const path = id !== undefined && at ? [id, at.rest].filter(Boolean).join('.') : problem.path || '(document)';
  return `${path}: ${problem.message}`;
}

/** Validates a document for a headless run (a lesson's Check, a compare, a test); a refusal names its first error. */
export function checkForRun(doc: unknown): ReadyToRun {
  const checked = validateScenario(doc);
  if (checked.ok) return { ok: true, sim: checked.sim };
  const errors = checked.problems.filter(isError);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { ok: false, message: `${errors.length > 0 ? problemWhere(doc, errors[0]) : 'it cannot be read'}${more}` };
}
