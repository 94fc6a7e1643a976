import type { GradedCheck } from '../../lessons/gradeGoal.ts';
import type { GoalCheck } from '../../lessons/lessonFormat.ts';
import { figureText } from './figureText.ts';

function Mark({ state }: { state: 'pass' | 'fail' | 'pending' }) {
  if (state === 'pending') return <span aria-hidden className="mt-0.5 h-5 w-5 shrink-0 rounded-full border-2 border-slate-300 dark:border-slate-600" />;
  const pass = state === 'pass';
  return (
    <span aria-hidden className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white ${pass ? 'bg-emerald-600' : 'bg-red-600'}`}>
      {pass ? '✓' : '✕'}
    </span>
  );
}

/** The lesson's goal, one row per check: its label, the expression, and after a Check its figures and verdict. */
export function GoalChecks({ goal, graded }: { goal: readonly GoalCheck[]; graded: readonly GradedCheck[] | null }) {
  return (
    <ul className="flex flex-col gap-2" data-testid="lesson-goal">
      {goal.map((g, i) => {
        const outcome = graded?.[i]?.outcome;
        const state = !outcome ? 'pending' : outcome.ok && outcome.pass ? 'pass' : 'fail';
        return (
          <li key={i} data-testid={`lesson-goal-${i}`} data-state={state} className="flex gap-2.5">
            <Mark state={state} />
            <div className="min-w-0">
              <div className="text-sm font-medium text-slate-900 dark:text-slate-100">
                {g.label}
                {state !== 'pending' && <span className="sr-only">{state === 'pass' ? ' (passes)' : ' (fails)'}</span>}
              </div>
              <code className="block text-xs [overflow-wrap:anywhere] text-slate-500 dark:text-slate-400">{g.check}</code>
              {outcome && !outcome.ok && <div className="mt-0.5 text-xs text-red-700 dark:text-red-400">{outcome.message}</div>}
              {outcome?.ok && (
                <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs" data-testid={`lesson-figures-${i}`}>
                  {outcome.figures.map((f) => (
                    <span key={f.text} className="min-w-0 [overflow-wrap:anywhere] text-slate-700 dark:text-slate-200">
                      {f.text} = <strong className={state === 'pass' ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400'}>{figureText(f.text, f.value)}</strong>
                    </span>
                  ))}
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
