import { useMemo } from 'react';
import { compareStore, useCompareStore } from '../../compare/compareStore.ts';
import { changeValueText, designChanges, withSettingsOf } from '../../compare/designChanges.ts';
import type { Doc, Section } from '../../store/doc.ts';
import { appStore } from '../../store/index.ts';
import { fieldLabel } from '../../store/problemText.ts';

/** A changed setting as the inspector names it ("Reserved concurrency"), its path when it has no field. */
function labelOf(doc: Doc, nodeId: string, section: Section, path: string): string {
  const type = doc.nodes.find((n) => n.id === nodeId)?.type;
  return (type && fieldLabel(type, section, path)) ?? path;
}

const button =
  'inline-flex h-8 items-center rounded-md border border-slate-300 px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

/** What B changes from A, setting by setting, with "Start B again" and "Use B on the canvas" (one undo step). */
export function DesignBChanges({ disabled, onApplied }: { disabled: boolean; onApplied: () => void }) {
  const origin = useCompareStore((s) => s.origin);
  const docB = useCompareStore((s) => s.docB);
  const changes = useMemo(() => (origin && docB ? designChanges(origin, docB) : []), [origin, docB]);
  if (!origin || !docB) return null;

  const useB = () => {
    appStore.getState().edit((d) => withSettingsOf(d, docB, changes));
    appStore.getState().notify(`Design B's ${changes.length === 1 ? 'change is' : `${changes.length} changes are`} on the canvas (undo takes ${changes.length === 1 ? 'it' : 'them'} back).`);
    onApplied();
  };

  return (
    <section aria-label="What B changes" data-testid="compare-changes" className="border-b border-slate-200 px-4 py-3 dark:border-slate-700">
      <h3 className="text-xs font-bold tracking-wider text-slate-500 uppercase dark:text-slate-400">B changes</h3>
      {changes.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Nothing yet: B is the same as A.</p>
      ) : (
        <>
          <ul className="mt-1 max-h-32 space-y-0.5 overflow-y-auto text-sm text-slate-800 dark:text-slate-100">
            {changes.map((c) => (
              <li key={`${c.node}.${c.section}.${c.path}`} data-testid="compare-change" className="[overflow-wrap:anywhere]">
                <span className="font-semibold">{c.node}</span> · {labelOf(docB, c.node, c.section, c.path)}: <span className="text-slate-500 dark:text-slate-400">{changeValueText(c.a)}</span> →{' '}
                <span className="font-semibold text-sky-700 dark:text-sky-300">{changeValueText(c.b)}</span>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={button} disabled={disabled} data-testid="compare-use-b" onClick={useB} title="Puts B's settings on the canvas as one undo step and closes Compare">
              Use B on the canvas
            </button>
            <button type="button" className={button} disabled={disabled} data-testid="compare-reset-b" onClick={() => compareStore.getState().resetB()}>
              Start B again from A
            </button>
          </div>
        </>
      )}
    </section>
  );
}
