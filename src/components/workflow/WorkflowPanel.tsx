import { useMemo, useState } from 'react';
import type { SimNode } from '../../sim/core/model.ts';
import type { WorkflowView } from '../../sim/core/workflowView.ts';
import { useAppStore } from '../../store/index.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { WorkflowGraphView } from './WorkflowGraphView.tsx';

/** The Workflow tab of the bottom panel for a node whose kind describes a WorkflowView, and its full-screen view. */
export default function WorkflowPanel({ nodeId, view, running }: { nodeId: string; view: WorkflowView; running: boolean }) {
  const node = useAppStore((s) => s.doc.nodes.find((n) => n.id === nodeId));
  const [expanded, setExpanded] = useState(false);
  const graph = useMemo(() => (node ? view.graph({ id: node.id, type: node.type, properties: node.properties ?? {}, behaviour: node.behaviour ?? {} } satisfies SimNode) : null), [node, view]);
  if (!graph) return null;
  if ('problem' in graph) return <p className="p-3 text-sm text-red-700 dark:text-red-300">{graph.problem}: fix the definition in the inspector to see the workflow.</p>;
  const hint = running ? null : 'Run the simulation to count what each state does; the node must be in the running scenario (press Reset after adding it).';
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="workflow-panel">
      {hint && <p className="px-3 pb-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      <WorkflowGraphView nodeId={nodeId} graph={graph} view={view} onExpand={() => setExpanded(true)} />
      {expanded && (
        <ModalDialog
          name="workflow"
          title={`${nodeId}: ${view.title}`}
          subtitle={hint ?? 'Live while the run plays; Esc closes.'}
          onClose={() => setExpanded(false)}
          panelClassName="h-full max-w-none"
          backdropClassName="p-3"
        >
          <div className="min-h-0 flex-1 pt-2 pb-2">
            <WorkflowGraphView nodeId={nodeId} graph={graph} view={view} expanded />
          </div>
        </ModalDialog>
      )}
    </div>
  );
}
