import { useMemo } from 'react';
import { nodeAccountProblems, nodePath, nodeProblems, type Problem } from '../../scenario/index.ts';
import type { Doc, Section } from '../../store/doc.ts';
import { nodeFields } from '../common/kindInfo.ts';
import { plainPath } from './fieldProblems.ts';
import type { FieldSource } from './FieldList.tsx';
import { visibleFields } from './fieldVisibility.ts';
import { useLazyChecks } from './useLazyChecks.ts';

export type CommitField = (section: Section, path: string, value: unknown, focusSession?: number) => void;

/**
 * One node's problems (its own checks, the account rules over the whole document, the kind's lazily loaded
 * checks) and its field sources, for any inspector of a document: the canvas's, or design B's in compare.
 */
export function useNodeSettings(doc: Doc | null, index: number, commit: CommitField): { problems: Problem[]; sources: FieldSource[] } {
  const node = doc && index >= 0 ? doc.nodes[index] : undefined;
  // The account rules span nodes (another function's reservation counts here), so they follow the whole document.
  const checked = useMemo(() => (doc && node ? [...nodeProblems(doc, index), ...nodeAccountProblems(doc, index)] : []), [node, doc, index]);
  const lazy = useLazyChecks(node, index);
  // The lazily loaded checks repeat the synchronous ones: each problem once, its path written with dots.
  const problems = useMemo(() => {
    const seen = new Set<string>();
    return [...checked, ...lazy]
      .map((p) => ({ ...p, path: plainPath(p.path) }))
      .filter((p) => !seen.has(`${p.path}\u0000${p.message}`) && !!seen.add(`${p.path}\u0000${p.message}`));
  }, [checked, lazy]);
  const sources = useMemo((): FieldSource[] => {
    if (!node) return [];
    const fieldProblems = problems.map((p) => ({ path: nodePath(p.path)?.rest ?? p.path, message: p.message }));
    return (['properties', 'behaviour'] as const).map((section) => ({
      section,
      // Fields that do not apply to the current choices (a sine's cycle on a constant client) are hidden, not cleared.
      fields: visibleFields(nodeFields(node.type, section), node[section]),
      values: node[section],
      onCommit: (path, value, session) => commit(section, path, value, session),
      problems: fieldProblems,
    }));
  }, [node, problems, commit]);
  return { problems, sources };
}
