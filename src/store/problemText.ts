import { nodePath, type Problem } from '../scenario/index.ts';
import { nodeFields } from '../components/common/kindInfo.ts';
import type { Doc, Section } from './doc.ts';

/**
 * Where a validator problem is, in the words of the canvas and the inspector: "Search › Reserved concurrency"
 * for `nodes[2].properties.ReservedConcurrentExecutions`, the JSON path when it names no node's field.
 */
export function problemPlace(doc: Doc, path: string): string {
  const at = nodePath(path);
  const node = at ? doc.nodes[at.index] : undefined;
  if (!at || !node) return path || 'the scenario';
  if (at.rest === '') return node.id;
  const [section, ...inner] = at.rest.split('.');
  const label = section === 'properties' || section === 'behaviour' ? fieldLabel(node.type, section, inner.join('.')) : null;
  return `${node.id} › ${label ?? at.rest}`;
}

/** The inspector's label of a node's field ("Reserved concurrency" for ReservedConcurrentExecutions), or null. */
export function fieldLabel(type: string, section: Section, path: string): string | null {
  return nodeFields(type, section).find((f) => f.path === path)?.meta.label ?? null;
}

/** A problem as one line: where it is, then what is wrong. */
export function problemText(doc: Doc, p: Problem): string {
  return `${problemPlace(doc, p.path)}: ${p.message}`;
}
