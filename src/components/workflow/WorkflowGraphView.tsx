import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { WorkflowGraph, WorkflowView } from '../../sim/core/workflowView.ts';
import { useWorkflowFigures } from '../../live/useWorkflowFigures.ts';
import { useElementSize } from '../canvas/useElementSize.ts';
import { COUNTER_SYMBOL } from './counterSymbols.ts';
import { WorkflowDrawing } from './WorkflowDrawing.tsx';
import { pickLayout } from './workflowFit.ts';
import { layoutWorkflow, type WorkflowLayout } from './workflowLayout.ts';

/** How far the expanded view enlarges a small workflow, for the back of the room. */
const EXPANDED_MAX_SCALE = 1.6;

/**
 * The live state view: the node's definition laid out as a graph (groups for Parallel and Map), each step with
 * its counts and p99 duration, coloured when it fails or retries. Laid out both top to bottom and left to
 * right, drawn in whichever fits the frame larger, never smaller than readable: what does not fit scrolls, and
 * `onExpand` offers the whole screen. The kind's WorkflowView says how to read the graph and the counts.
 */
export function WorkflowGraphView({ nodeId, graph, view, expanded = false, onExpand }: { nodeId: string; graph: WorkflowGraph; view: WorkflowView; expanded?: boolean; onExpand?: () => void }) {
  const [layouts, setLayouts] = useState<{ graph: WorkflowGraph; both: WorkflowLayout[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const size = useElementSize(frame);
  const steps = useMemo(() => graph.steps.filter((s) => s.role === 'step').map((s) => s.id), [graph]);
  const figures = useWorkflowFigures(nodeId, view, steps);
  const markerId = `wf-arrow-${useId().replace(/:/g, '')}`;

  useEffect(() => {
    let cancelled = false;
    Promise.all([layoutWorkflow(graph, 'TB'), layoutWorkflow(graph, 'LR')]).then(
      (both) => !cancelled && (setLayouts({ graph, both }), setError(null)),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => void (cancelled = true);
  }, [graph]);

  const fit = layouts && size.width > 0 ? pickLayout(layouts.both, size, expanded ? EXPANDED_MAX_SCALE : 1) : null;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex items-start gap-3 px-3 pb-1">
        <p className="hidden flex-1 flex-wrap gap-x-3 text-xs text-slate-600 sm:flex dark:text-slate-300" aria-label="Legend">
          {view.counters.map((c) => (
            <span key={c.key}>
              <span className="font-semibold">{COUNTER_SYMBOL[c.key] ?? ''}</span> {c.label}
            </span>
          ))}
          <span>time: p99 of the last period</span>
          <span className="text-red-700 dark:text-red-300">red: failing or caught lately</span>
          <span className="text-amber-700 dark:text-amber-300">amber: retrying lately</span>
        </p>
        {onExpand && (
          <button
            type="button"
            data-testid="workflow-expand"
            onClick={onExpand}
            title="Show the whole workflow on the full screen (Esc closes)"
            className={`ml-auto shrink-0 rounded-md border px-2 py-0.5 text-xs font-medium ${
              fit && !fit.fits
                ? 'border-sky-600 bg-sky-600 text-white hover:bg-sky-700'
                : 'border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'
            }`}
          >
            ⤢ Expand{fit && !fit.fits && <span className="hidden sm:inline">: the whole workflow does not fit here</span>}
          </button>
        )}
      </div>
      <div ref={frame} className="relative min-h-0 flex-1 overflow-auto" data-testid="workflow-graph" data-fits={fit ? String(fit.fits) : undefined}>
        {error && <p className="p-3 text-sm text-red-600">The graph could not be laid out: {error}</p>}
        {fit && <WorkflowDrawing layout={fit.layout} scale={fit.scale} figures={figures} counters={view.counters} markerId={markerId} />}
      </div>
    </div>
  );
}
