import { useEffect, useMemo, useRef, useState } from 'react';
import type { WorkflowGraph, WorkflowLink, WorkflowView } from '../../sim/core/workflowView.ts';
import { useWorkflowFigures } from '../../live/useWorkflowFigures.ts';
import { useElementSize } from '../canvas/useElementSize.ts';
import { COUNTER_SYMBOL } from './counterSymbols.ts';
import { StepBox } from './StepBox.tsx';
import { LABEL_MAX_CHARS, layoutWorkflow, type WorkflowLayout } from './workflowLayout.ts';

/** Below this the boxes are too small to read on a projector: the graph scrolls instead. */
const MIN_SCALE = 0.6;

const LINK_STYLE: Record<WorkflowLink['kind'], string> = {
  next: 'stroke-slate-400 dark:stroke-slate-500',
  branch: 'stroke-slate-400 dark:stroke-slate-500',
  choice: 'stroke-sky-500',
  default: 'stroke-sky-500',
  catch: 'stroke-red-400',
};

/**
 * The live state view: the node's definition laid out as a graph (groups for Parallel and Map), each step with
 * its counts and p99 duration, coloured when it fails or retries. The kind's WorkflowView says how to read both.
 */
export function WorkflowGraphView({ nodeId, graph, view }: { nodeId: string; graph: WorkflowGraph; view: WorkflowView }) {
  const [layout, setLayout] = useState<{ graph: WorkflowGraph; direction: string; layout: WorkflowLayout } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const size = useElementSize(frame);
  // A wide, short panel reads better left to right.
  const direction = size.width > 0 && size.width > size.height * 2.2 ? 'LR' : 'TB';
  const steps = useMemo(() => graph.steps.filter((s) => s.role === 'step').map((s) => s.id), [graph]);
  const figures = useWorkflowFigures(nodeId, view, steps);

  useEffect(() => {
    let cancelled = false;
    layoutWorkflow(graph, direction).then(
      (l) => !cancelled && (setLayout({ graph, direction, layout: l }), setError(null)),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => void (cancelled = true);
  }, [graph, direction]);

  const current = layout?.layout;
  const scale = current && size.width > 0 ? Math.max(MIN_SCALE, Math.min(1, (size.width - 16) / current.width, (size.height - 16) / current.height)) : 1;

  return (
    <div className="flex h-full min-h-0 flex-col">
      <p className="flex flex-wrap gap-x-3 px-3 pb-1 text-xs text-slate-600 dark:text-slate-300" aria-label="Legend">
        {view.counters.map((c) => (
          <span key={c.key}>
            <span className="font-semibold">{COUNTER_SYMBOL[c.key] ?? ''}</span> {c.label}
          </span>
        ))}
        <span>time: p99 of the last period</span>
        <span className="text-red-700 dark:text-red-300">red: failing or caught lately</span>
        <span className="text-amber-700 dark:text-amber-300">amber: retrying lately</span>
      </p>
      <div ref={frame} className="relative min-h-0 flex-1 overflow-auto" data-testid="workflow-graph">
        {error && <p className="p-3 text-sm text-red-600">The graph could not be laid out: {error}</p>}
        {current && (
          <div style={{ width: current.width * scale + 16, height: current.height * scale + 16 }} className="relative">
            <div style={{ width: current.width, height: current.height, transform: `scale(${scale})`, transformOrigin: '0 0' }} className="absolute top-2 left-2">
              {current.groups.map((g) => (
                <div
                  key={g.id}
                  style={{ left: g.x, top: g.y, width: g.width, height: g.height }}
                  className={`absolute rounded-xl border border-dashed ${g.depth % 2 === 0 ? 'border-fuchsia-400 bg-fuchsia-50/50 dark:bg-fuchsia-950/20' : 'border-slate-400 bg-white/60 dark:bg-slate-900/40'}`}
                >
                  <span className="absolute top-1 left-2 text-[11px] font-semibold text-slate-600 dark:text-slate-300">{g.label}</span>
                </div>
              ))}
              <svg width={current.width} height={current.height} className="pointer-events-none absolute inset-0 overflow-visible" aria-hidden>
                <defs>
                  <marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0L10 5L0 10z" className="fill-slate-500" />
                  </marker>
                </defs>
                {current.links.map(({ link, points, label }, i) => {
                  const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
                  return (
                    <g key={i}>
                      <path d={d} fill="none" strokeWidth={1.5} strokeDasharray={link.kind === 'catch' ? '5 4' : undefined} markerEnd="url(#wf-arrow)" className={LINK_STYLE[link.kind]} />
                      {link.label && label && (
                        <text x={label.x} y={label.y + 3.5} textAnchor="middle" className="fill-slate-600 text-[10px] dark:fill-slate-300">
                          {link.label.length > LABEL_MAX_CHARS ? `${link.label.slice(0, LABEL_MAX_CHARS - 1)}…` : link.label}
                        </text>
                      )}
                    </g>
                  );
                })}
              </svg>
              {current.steps.map((b) => (
                <StepBox key={b.step.id} box={b} step={b.step} figures={figures.get(b.step.id)} counters={view.counters} />
              ))}
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
