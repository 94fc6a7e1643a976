import { nodePath, type Problem } from '../../scenario/index.ts';

/** Problems the scenario validator (the runner's) finds in the selected item, with their paths. */
export function ProblemList({ problems }: { problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="mx-4 mb-3 flex flex-col gap-1 rounded-lg border border-red-200 bg-red-50 p-2.5 text-xs dark:border-red-900 dark:bg-red-950/40" data-testid="inspector-problems">
      {problems.map((p, i) => (
        <li key={i} className={p.severity === 'warning' ? 'text-amber-700 dark:text-amber-300' : 'text-red-700 dark:text-red-300'}>
          <span className="font-mono">{nodePath(p.path)?.rest ?? p.path}</span>: {p.message}
        </li>
      ))}
    </ul>
  );
}
