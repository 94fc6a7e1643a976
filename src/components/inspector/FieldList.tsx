import type { FieldGroup } from '../../sim/core/fields.ts';
import { getPath } from '../../store/docOps.ts';
import type { FieldInfo } from '../common/kindInfo.ts';
import { FieldInput } from './FieldInput.tsx';
import { problemsWithin } from './fieldProblems.ts';

const GROUPS: FieldGroup[] = ['Settings', 'Behaviour', 'Advanced'];

export interface FieldSource {
  /** Prefix for test ids and messages: "properties" or "behaviour". */
  section: string;
  fields: FieldInfo[];
  values: Record<string, unknown> | undefined;
  onCommit(path: string, value: unknown, focusSession?: number): void;
  /** Problems of the node, paths from the node ("properties.Definition.States.A.Next"). */
  problems?: readonly { path: string; message: string }[];
}


/**
 * Fields from one or more sections, grouped Settings / Behaviour / Advanced (Advanced collapsed), with
 * nested objects (RedrivePolicy, ProvisionedConcurrencyConfig) as titled sub-groups.
 */
export function FieldList({ sources, resetKey }: { sources: FieldSource[]; resetKey: string }) {
  const entries = sources.flatMap((src) => src.fields.map((f) => ({ src, f })));
  return (
    <>
      {GROUPS.map((group) => {
        const inGroup = entries.filter((e) => e.f.meta.group === group);
        if (inGroup.length === 0) return null;
        const body = (
          <div className="flex flex-col gap-4">
            {inGroup.map(({ src, f }, i) => {
              const prevParent = i > 0 ? inGroup[i - 1].f.parent : undefined;
              return (
                <div key={`${resetKey}:${src.section}.${f.path}`} className={f.parent ? 'border-l-2 border-slate-200 pl-3 dark:border-slate-700' : ''}>
                  {f.parent && f.parent !== prevParent && (
                    <div className="mb-2 text-xs font-semibold text-slate-600 dark:text-slate-300">{f.parent}</div>
                  )}
                  <FieldInput
                    field={f}
                    problems={problemsWithin(src.problems, `${src.section}.${f.path}`)}
                    path={`${src.section}.${f.path}`}
                    value={getPath(src.values, f.path)}
                    onCommit={(v, session) => src.onCommit(f.path, v, session)}
                  />
                </div>
              );
            })}
          </div>
        );
        return group === 'Advanced' ? (
          <details key={group} className="group/adv border-t border-slate-200 px-4 py-3 dark:border-slate-800" data-testid="inspector-group-Advanced">
            <summary className="cursor-pointer text-xs font-semibold tracking-wider text-slate-500 uppercase select-none dark:text-slate-400">
              Advanced ({inGroup.length})
            </summary>
            <div className="mt-3">{body}</div>
          </details>
        ) : (
          <section key={group} className="border-t border-slate-200 px-4 py-3 dark:border-slate-800" data-testid={`inspector-group-${group}`}>
            <h3 className="mb-3 text-xs font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">{group}</h3>
            {body}
          </section>
        );
      })}
    </>
  );
}
