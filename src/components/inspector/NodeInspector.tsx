import { lazy, Suspense, useMemo } from 'react';
import { plainPath } from './fieldProblems.ts';
import { useLazyChecks } from './useLazyChecks.ts';
import { useShallow } from 'zustand/react/shallow';
import { nodeAccountProblems, nodeProblems } from '../../scenario/index.ts';
import { findServiceKind } from '../../sim/services/registry.ts';
import { nameProblem } from '../../store/docOps.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { nodeFields } from '../common/kindInfo.ts';
import { ServiceIcon } from '../common/ServiceIcon.tsx';
import { FieldList, type FieldSource } from './FieldList.tsx';
import { KindNotes } from './KindNotes.tsx';
import { visibleFields } from './fieldVisibility.ts';
import { NameField } from './NameField.tsx';
import { ProblemList } from './ProblemList.tsx';

// Only kinds with templates need it, and it binds targets to nodes: outside the initial bundle.
const TemplatePicker = lazy(() => import('./TemplatePicker.tsx'));

/** Settings of one node, generated from its ServiceKind's schemas. */
export function NodeInspector({ nodeId }: { nodeId: string }) {
  const { node, index } = useAppStore(
    useShallow((s) => {
      const index = s.doc.nodes.findIndex((n) => n.id === nodeId);
      return { node: s.doc.nodes[index], index };
    }),
  );
  const kind = node ? findServiceKind(node.type) : undefined;
  // The account rules span nodes (another function's reservation counts here), so they follow the whole document.
  const doc = useAppStore((s) => s.doc);
  const problems = useMemo(() => (node ? [...nodeProblems(doc, index), ...nodeAccountProblems(doc, index)] : []), [node, doc, index]);
  const lazy = useLazyChecks(node, index);
  // The lazily loaded checks repeat the synchronous ones: each problem once, its path written with dots.
  const shown = useMemo(() => {
    const seen = new Set<string>();
    return [...problems, ...lazy]
      .map((p) => ({ ...p, path: plainPath(p.path) }))
      .filter((p) => !seen.has(`${p.path}\u0000${p.message}`) && !!seen.add(`${p.path}\u0000${p.message}`));
  }, [problems, lazy]);
  const fieldProblems = useMemo(() => shown.map((p) => ({ path: p.path.replace(/^nodes\[\d+\]\./, ''), message: p.message })), [shown]);
  if (!node) return null;

  const sources: FieldSource[] = (['properties', 'behaviour'] as const).map((section) => ({
    section,
    // Fields that do not apply to the current choices (a sine's cycle on a constant client) are hidden, not cleared.
    fields: visibleFields(nodeFields(node.type, section), node[section]),
    values: node[section],
    onCommit: (path, value, session) => appStore.getState().setNodeField(node.id, section, path, value, session),
    problems: fieldProblems,
  }));

  return (
    <div data-testid="inspector-node" className="flex flex-col">
      <header className="flex items-start gap-3 px-4 pt-4 pb-3">
        <ServiceIcon type={node.type} size={40} />
        <div className="min-w-0">
          <div className="text-base font-semibold text-slate-900 dark:text-slate-50">{kind?.label ?? node.type}</div>
          <div className="truncate font-mono text-[11px] text-slate-500 dark:text-slate-400">{node.type}</div>
        </div>
      </header>
      {kind && <p className="px-4 pb-3 text-sm leading-snug text-slate-600 dark:text-slate-300">{kind.description}</p>}
      <div className="px-4 pb-4">
        <NameField
          name={node.id}
          check={(next) => nameProblem(appStore.getState().doc, next, node.id)}
          rename={(next, session) => appStore.getState().renameNode(node.id, next, session)}
        />
      </div>
      <ProblemList problems={shown} />
      <KindNotes type={node.type} properties={node.properties} />
      {!kind && <p className="px-4 text-sm text-red-600">Unknown service type {node.type}: it cannot be simulated.</p>}
      {kind?.templates && (
        <Suspense fallback={null}>
          <TemplatePicker key={node.id} nodeId={node.id} type={node.type} />
        </Suspense>
      )}
      <FieldList sources={sources} resetKey={node.id} />
    </div>
  );
}
