import { useCallback } from 'react';
import { useCompareStore, compareStore } from '../../compare/compareStore.ts';
import { findServiceKind } from '../../sim/services/registry.ts';
import { ServiceIcon } from '../common/ServiceIcon.tsx';
import { FieldList } from '../inspector/FieldList.tsx';
import { ProblemList } from '../inspector/ProblemList.tsx';
import { useNodeSettings, type CommitField } from '../inspector/useNodeSettings.ts';

/** Design B's nodes to pick from, and the picked node's settings with the inspector's own fields. */
export function DesignBInspector({ disabled }: { disabled: boolean }) {
  const docB = useCompareStore((s) => s.docB);
  const selected = useCompareStore((s) => s.selectedB);
  const index = docB ? docB.nodes.findIndex((n) => n.id === selected) : -1;
  const node = docB && index >= 0 ? docB.nodes[index] : undefined;
  const commit = useCallback<CommitField>((section, path, value) => selected && compareStore.getState().setBField(selected, section, path, value), [selected]);
  const { problems, sources } = useNodeSettings(docB, index, commit);
  if (!docB) return null;

  return (
    <div className="flex min-h-0 flex-col" data-testid="compare-design-b">
      <h3 className="px-4 pt-3 pb-2 text-xs font-bold tracking-wider text-slate-500 uppercase dark:text-slate-400">Design B: pick a node to change</h3>
      <ul className="flex flex-wrap gap-1.5 px-4 pb-3" aria-label="Nodes of design B">
        {docB.nodes.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              aria-pressed={n.id === selected}
              data-testid={`compare-node-${n.id}`}
              onClick={() => compareStore.getState().selectB(n.id)}
              className="inline-flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1 text-sm text-slate-700 hover:border-sky-400 aria-pressed:border-sky-500 aria-pressed:bg-sky-50 aria-pressed:font-semibold dark:border-slate-700 dark:text-slate-200 dark:aria-pressed:bg-sky-950"
            >
              <ServiceIcon type={n.type} size={18} />
              {n.id}
            </button>
          </li>
        ))}
      </ul>
      {node && (
        <fieldset disabled={disabled} className="min-h-0 overflow-y-auto border-t border-slate-200 pt-3 dark:border-slate-700" data-testid="compare-inspector">
          <legend className="sr-only">Settings of {node.id} in design B</legend>
          <p className="px-4 pb-3 text-sm font-semibold text-slate-900 dark:text-slate-50">
            {node.id} <span className="font-normal text-slate-500 dark:text-slate-400">· {findServiceKind(node.type)?.label ?? node.type}</span>
          </p>
          <ProblemList problems={problems} />
          <FieldList sources={sources} resetKey={`B:${node.id}`} />
        </fieldset>
      )}
    </div>
  );
}
