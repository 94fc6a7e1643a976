import { nodePath, type Problem } from '../scenario/index.ts';
import { nodeFields } from '../components/common/kindInfo.ts';
import type { Doc } from './doc.ts';

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
  const field = section === 'properties' || section === 'behaviour' ? nodeFields(node.type, section).find((f) => f.path === inner.join('.')) : undefined;
  return `${node.id} › ${field ? field.meta.label : at.rest}`;
}

/** A problem as one line: where it is, then what is wrong. */
export function problemText(doc: Doc, p: Problem): string {
  return `${problemPlace(doc, p.path)}: ${p.message}`;
}
