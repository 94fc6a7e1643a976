import type { ResultDocument } from '../sim/result.ts';
import { evaluateCheck, type CheckOutcome } from './check/evaluate.ts';
import type { GoalCheck } from './lessonFormat.ts';

export type GradedCheck = GoalCheck & { outcome: CheckOutcome };

export interface Grade {
  /** Every check ran and passed. */
  pass: boolean;
  checks: GradedCheck[];
}

/** Each of a lesson's goal checks over one run's result; a check that cannot be read fails with its message. */
export function gradeGoal(goal: readonly GoalCheck[], result: ResultDocument): Grade {
  const checks = goal.map((g) => ({ ...g, outcome: evaluateCheck(g.check, result) }));
  return { pass: checks.every((c) => c.outcome.ok && c.outcome.pass), checks };
}
