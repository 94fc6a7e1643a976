import type { ReactNode } from 'react';
import { useLiveIndex } from '../../live/useLiveIndex.ts';
import type { WorkflowView } from '../../sim/core/workflowView.ts';
import SampledHistory from './SampledHistory.tsx';
import WorkflowPanel from './WorkflowPanel.tsx';

export type NodeViewTab = 'charts' | 'workflow' | 'history';

/** Tabs over the bottom panel when the selected node's kind has a workflow view: its charts, its live graph, a sampled run. */
export function NodeViewTabs({ nodeId, view, tab, onTab, children }: { nodeId: string; view: WorkflowView; tab: NodeViewTab; onTab: (tab: NodeViewTab) => void; children: ReactNode }) {
  const index = useLiveIndex();
  const running = !!index?.nodes.some((n) => n.id === nodeId);
  const tabs: [NodeViewTab, string][] = [
    ['charts', 'Charts'],
    ['workflow', view.title],
    ...(view.samples ? [['history', 'History'] as [NodeViewTab, string]] : []),
  ];
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div role="tablist" aria-label={`${nodeId} views`} className="flex shrink-0 gap-1 border-b border-slate-200 px-3 pt-1.5 dark:border-slate-800">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            data-testid={`node-view-${id}`}
            onClick={() => onTab(id)}
            className={`-mb-px rounded-t-md border px-3 py-1 text-sm font-medium ${
              tab === id
                ? 'border-slate-200 border-b-white bg-white text-slate-900 dark:border-slate-700 dark:border-b-slate-900 dark:bg-slate-900 dark:text-white'
                : 'border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100'
            }`}
          >
            {label}
          </button>
        ))}
        <span className="ml-auto self-center truncate text-xs text-slate-500 dark:text-slate-400">{nodeId}</span>
      </div>
      <div role="tabpanel" className="min-h-0 flex-1 pt-2">
        {tab === 'charts' ? children : tab === 'workflow' ? <WorkflowPanel nodeId={nodeId} view={view} running={running} /> : <SampledHistory nodeId={nodeId} title={view.samples ?? 'History'} />}
      </div>
    </div>
  );
}
