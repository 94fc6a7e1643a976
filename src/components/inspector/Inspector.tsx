import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/index.ts';
import { ScenarioInspector } from './ScenarioInspector.tsx';

// A node's and an edge's inspectors load the first time one is selected: the initial bundle has a budget (README).
const NodeInspector = lazy(() => import('./NodeInspector.tsx').then((m) => ({ default: m.NodeInspector })));
const EdgeInspector = lazy(() => import('./EdgeInspector.tsx').then((m) => ({ default: m.EdgeInspector })));

/** Edits what is selected: one node, one edge, or (with nothing selected) the scenario. */
export function Inspector() {
  const { nodes, edges } = useAppStore(useShallow((s) => s.selection));
  if (nodes.length === 1 && edges.length === 0)
    return (
      <Suspense fallback={null}>
        <NodeInspector nodeId={nodes[0]} />
      </Suspense>
    );
  if (edges.length === 1 && nodes.length === 0)
    return (
      <Suspense fallback={null}>
        <EdgeInspector key={edges[0]} edgeId={edges[0]} />
      </Suspense>
    );
  if (nodes.length + edges.length > 1)
    return (
      <div className="p-4 text-sm text-slate-600 dark:text-slate-300" data-testid="inspector-multi">
        <div className="text-base font-semibold text-slate-900 dark:text-slate-50">{nodes.length + edges.length} items selected</div>
        <p className="mt-1">Copy, duplicate or delete them together, or select one to edit it.</p>
      </div>
    );
  return <ScenarioInspector />;
}
