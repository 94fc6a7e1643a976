import type { StepCounter, WorkflowStep } from '../../sim/core/workflowView.ts';
import type { StepFigures, StepTone } from '../../live/workflowFigures.ts';
import { formatFigure } from '../nodes/figureFormat.ts';
import { COUNTER_SYMBOL } from './counterSymbols.ts';
import type { Box } from './workflowLayout.ts';

const TONE: Record<StepTone, string> = {
  failing: 'border-red-500 bg-red-50 dark:bg-red-950/70',
  retrying: 'border-amber-500 bg-amber-50 dark:bg-amber-950/60',
  active: 'border-sky-500 bg-white dark:bg-slate-900',
  idle: 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900',
};
const TONE_LABEL: Record<StepTone, string> = { failing: 'failing', retrying: 'retrying', active: 'running', idle: 'not entered yet' };

/** A step of the live workflow view: its name and type, each counter's total and the p99 duration. */
export function StepBox({ box, step, figures, counters }: { box: Box; step: WorkflowStep; figures: StepFigures | undefined; counters: readonly StepCounter[] }) {
  const style = { left: box.x, top: box.y, width: box.width, height: box.height };
  if (step.role !== 'step') {
    return (
      <div
        style={style}
        className={`absolute flex items-center justify-center text-[13px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400 ${
          step.role === 'join' ? 'rounded-md border border-dashed border-slate-400 dark:border-slate-500' : 'rounded-full bg-slate-200 dark:bg-slate-700'
        }`}
      >
        {step.label}
      </div>
    );
  }
  const tone = figures?.tone ?? 'idle';
  return (
    <div
      style={style}
      data-testid={`state-${step.id}`}
      data-tone={tone}
      title={`${step.label} (${step.type}): ${TONE_LABEL[tone]}`}
      className={`absolute flex flex-col justify-between rounded-lg border-2 px-2 py-1 shadow-sm ${TONE[tone]}`}
    >
      <div className="flex min-w-0 items-baseline gap-1.5">
        <span className="truncate text-[15px] font-semibold text-slate-900 dark:text-slate-50" data-testid={`state-${step.id}-name`}>
          {step.label}
        </span>
        <span className="shrink-0 text-[13px] text-slate-500 dark:text-slate-400">{step.type}</span>
        <span className="ml-auto shrink-0 text-[13px] tabular-nums text-slate-600 dark:text-slate-300" title="p99 time in the state, last period">
          {figures && Number.isFinite(figures.p99) ? formatFigure(figures.p99, 'ms') : ''}
        </span>
      </div>
      <div className="flex gap-2 overflow-hidden text-[13px] whitespace-nowrap tabular-nums">
        {counters.map((c, i) => {
          const v = figures?.counts[i] ?? NaN;
          if (c.key !== 'entered' && !(v > 0)) return null;
          const warn = c.tone === 'failing' ? 'text-red-700 dark:text-red-300' : c.tone === 'retrying' ? 'text-amber-700 dark:text-amber-300' : 'text-slate-700 dark:text-slate-200';
          return (
            <span key={c.key} className={`font-medium ${warn}`} title={`${c.label}: ${Number.isFinite(v) ? v : 'not counted in this run'}`} data-testid={`state-${step.id}-${c.key}`}>
              {COUNTER_SYMBOL[c.key] ?? c.label} {formatFigure(v)}
            </span>
          );
        })}
      </div>
    </div>
  );
}
