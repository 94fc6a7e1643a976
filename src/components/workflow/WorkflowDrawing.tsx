import type { StepCounter, WorkflowLink } from '../../sim/core/workflowView.ts';
import type { StepFigures } from '../../live/workflowFigures.ts';
import { StepBox } from './StepBox.tsx';
import { LABEL_MAX_CHARS, type WorkflowLayout } from './workflowLayout.ts';

const LINK_STYLE: Record<WorkflowLink['kind'], string> = {
  next: 'stroke-slate-400 dark:stroke-slate-500',
  branch: 'stroke-slate-400 dark:stroke-slate-500',
  choice: 'stroke-sky-500',
  default: 'stroke-sky-500',
  catch: 'stroke-red-400',
};

/** A laid-out workflow at `scale`: group frames, links with their labels, and a box per step with its figures. */
export function WorkflowDrawing({ layout, scale, figures, counters, markerId }: { layout: WorkflowLayout; scale: number; figures: Map<string, StepFigures>; counters: readonly StepCounter[]; markerId: string }) {
  return (
    <div style={{ width: layout.width * scale + 16, height: layout.height * scale + 16 }} className="relative mx-auto" data-scale={scale.toFixed(3)}>
      <div style={{ width: layout.width, height: layout.height, transform: `scale(${scale})`, transformOrigin: '0 0' }} className="absolute top-2 left-2">
        {layout.groups.map((g) => (
          <div
            key={g.id}
            data-testid={`group-${g.label}`}
            style={{ left: g.x, top: g.y, width: g.width, height: g.height }}
            className={`absolute rounded-xl border border-dashed ${g.depth % 2 === 0 ? 'border-fuchsia-400 bg-fuchsia-50/50 dark:bg-fuchsia-950/20' : 'border-slate-400 bg-white/60 dark:bg-slate-900/40'}`}
          >
            <span className="absolute top-1 left-2 text-[13px] font-semibold text-slate-700 dark:text-slate-200">{g.label}</span>
          </div>
        ))}
        <svg width={layout.width} height={layout.height} className="pointer-events-none absolute inset-0 overflow-visible" aria-hidden>
          <defs>
            <marker id={markerId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0L10 5L0 10z" className="fill-slate-500" />
            </marker>
          </defs>
          {layout.links.map(({ link, points, label }, i) => {
            const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
            return (
              <g key={i}>
                <path d={d} fill="none" strokeWidth={1.5} strokeDasharray={link.kind === 'catch' ? '5 4' : undefined} markerEnd={`url(#${markerId})`} className={LINK_STYLE[link.kind]} />
                {link.label && label && (
                  <text x={label.x} y={label.y + 4.5} textAnchor="middle" className="fill-slate-700 text-[13px] dark:fill-slate-200">
                    {link.label.length > LABEL_MAX_CHARS ? `${link.label.slice(0, LABEL_MAX_CHARS - 1)}…` : link.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        {layout.steps.map((b) => (
          <StepBox key={b.step.id} box={b} step={b.step} figures={figures.get(b.step.id)} counters={counters} />
        ))}
      </div>
    </div>
  );
}
