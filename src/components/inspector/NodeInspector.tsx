import { lazy, Suspense, useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { findServiceKind } from '../../sim/services/registry.ts';
import { nameProblem } from '../../store/docOps.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { ServiceIcon } from '../common/ServiceIcon.tsx';
import { FieldList } from './FieldList.tsx';
import { KindNotes } from './KindNotes.tsx';
import { NameField } from './NameField.tsx';
import { ProblemList } from './ProblemList.tsx';
import { useNodeSettings, type CommitField } from './useNodeSettings.ts';

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
  const doc = useAppStore((s) => s.doc);
  const commit = useCallback<CommitField>((section, path, value, session) => appStore.getState().setNodeField(nodeId, section, path, value, session), [nodeId]);
  const { problems, sources } = useNodeSettings(doc, index, commit);
  if (!node) return null;

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
      <ProblemList problems={problems} />
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
