import { useEffect, useState } from 'react';
import type { NodeTemplate } from '../../sim/core/serviceKind.ts';
import { findServiceKind } from '../../sim/services/registry.ts';
import { setNodeField } from '../../store/docOps.ts';
import { appStore } from '../../store/index.ts';
import { addMissingTargets, applyTemplate, bodilessSenders, type TargetBinding } from '../../store/nodeTemplates.ts';
import { IS_MAC } from '../common/useShortcuts.ts';
import { inputClass, inputTone } from './inputStyle.ts';

const BUTTON = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

interface Applied {
  template: NodeTemplate;
  bindings: TargetBinding[];
  /** Problems the kind's own check finds in the node once applied (asl-validator's come in the list above). */
  problems: number;
  /** Clients starting the node with no body, which the template's input can go to. */
  senders: string[];
  bodySet: boolean;
}

const typeLabel = (type: string) => findServiceKind(type)?.label ?? type;
const undoKey = IS_MAC ? '⌘Z' : 'Ctrl+Z';

/**
 * "Start from a template": a kind's ready-made configurations (ServiceKind.templates, loaded on first use).
 * Picking one replaces the node's settings as one undo step, binds each target to a node of the canvas and
 * says which it could not bind, with a button that adds those nodes.
 */
export default function TemplatePicker({ nodeId, type }: { nodeId: string; type: string }) {
  const load = findServiceKind(type)?.templates;
  const [templates, setTemplates] = useState<readonly NodeTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState('');
  const [applied, setApplied] = useState<Applied | null>(null);

  useEffect(() => {
    if (!load) return;
    let current = true;
    load().then(
      (t) => current && setTemplates(t),
      (e: unknown) => current && setError(`The templates could not be loaded: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => void (current = false);
  }, [load]);
  if (!load) return null;

  const template = templates?.find((t) => t.id === picked);
  const commit = (doc: ReturnType<typeof applyTemplate>['doc'], t: NodeTemplate, bindings: TargetBinding[], bodySet = false) => {
    appStore.getState().edit(() => doc);
    const kind = findServiceKind(type);
    const node = doc.nodes.find((n) => n.id === nodeId)!;
    const problems = kind?.check?.({ id: node.id, type: node.type, properties: node.properties ?? {}, behaviour: node.behaviour ?? {} }).length ?? 0;
    setApplied({ template: t, bindings, problems, senders: t.input ? bodilessSenders(doc, nodeId) : [], bodySet });
  };
  const use = () => {
    if (!template) return;
    const r = applyTemplate(appStore.getState().doc, nodeId, template);
    commit(r.doc, template, r.bindings);
  };
  const addMissing = () => {
    if (!applied) return;
    const r = addMissingTargets(appStore.getState().doc, nodeId, applied.bindings);
    commit(r.doc, applied.template, r.bindings, applied.bodySet);
    // The new nodes sit beside the state machine, maybe out of view.
    appStore.getState().requestFit();
  };
  const giveBody = () => {
    if (!applied?.template.input) return;
    const input = applied.template.input;
    appStore.getState().edit((doc) => applied.senders.reduce((d, id) => setNodeField(d, id, 'behaviour', 'body', structuredClone(input)), doc));
    setApplied({ ...applied, senders: [], bodySet: true });
  };

  return (
    <section className="border-t border-slate-200 px-4 py-3 dark:border-slate-800" data-testid="template-picker">
      <h3 className="mb-2 text-xs font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">Start from a template</h3>
      {error && <p className="text-xs text-red-700 dark:text-red-300">{error}</p>}
      <select
        aria-label="Template"
        data-testid="template-pick"
        value={picked}
        disabled={!templates}
        onChange={(e) => setPicked(e.target.value)}
        className={`${inputClass} ${inputTone(null)}`}
      >
        <option value="">{templates ? `A real definition (${templates.length})…` : 'Loading…'}</option>
        {templates?.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
      {template && (
        <div className="mt-2 flex flex-col gap-1 text-xs leading-snug text-slate-600 dark:text-slate-300">
          <p className="text-[13px] font-medium text-slate-800 dark:text-slate-100">{template.title}</p>
          <p>{template.summary}</p>
          <p>
            Calls{' '}
            {template.targets
              .filter((t, i, all) => all.findIndex((x) => x.name === t.name) === i)
              .map((t) => `${t.name} (${typeLabel(t.type)})`)
              .join(', ')}
            .
          </p>
          <p className="text-slate-500 dark:text-slate-400">Source: {template.origin}.</p>
          <button type="button" data-testid="template-apply" onClick={use} className={`${BUTTON} mt-1 self-start`}>
            Replace the definition with it
          </button>
          <p className="text-slate-500 dark:text-slate-400">Undo ({undoKey}) puts the current one back.</p>
        </div>
      )}
      {applied && <AppliedReport applied={applied} onAddMissing={addMissing} onGiveBody={giveBody} />}
    </section>
  );
}

function AppliedReport({ applied, onAddMissing, onGiveBody }: { applied: Applied; onAddMissing: () => void; onGiveBody: () => void }) {
  const missing = applied.bindings.filter((b) => b.node === null);
  const input = applied.template.input;
  return (
    <div className="mt-2 rounded-lg border border-slate-200 bg-slate-50 p-2.5 text-xs leading-snug dark:border-slate-700 dark:bg-slate-800/60" data-testid="template-result" role="status">
      <p className="font-semibold text-slate-800 dark:text-slate-100">Using “{applied.template.title}”</p>
      <ul className="mt-1 flex flex-col gap-0.5">
        {applied.bindings.map((b) => (
          <li key={b.target.name} data-testid={`template-binding-${b.target.name}`} className={b.node ? 'text-slate-700 dark:text-slate-200' : 'text-amber-800 dark:text-amber-200'}>
            <span className="font-mono">{'${' + b.target.name + '}'}</span>{' '}
            {b.node
              ? `→ ${b.node}${b.edge === 'added' ? ' (edge added)' : b.edge === 'updated' ? ' (edge set to what the Tasks call)' : ''}`
              : `unconnected: ${b.problem ?? `no ${typeLabel(b.target.type)} on the canvas`}`}
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <button type="button" data-testid="template-add-missing" onClick={onAddMissing} className={`${BUTTON} mt-2`}>
          Add {missing.length === 1 ? 'the missing node' : `the ${missing.length} missing nodes`}
        </button>
      )}
      {input && (applied.senders.length > 0 || applied.bodySet) && (
        <div className="mt-2">
          <p className="text-slate-600 dark:text-slate-300">
            Its states read the request body <span className="font-mono break-all">{JSON.stringify(input)}</span>
            {applied.bodySet ? ': set.' : `, which ${applied.senders.join(', ')} ${applied.senders.length === 1 ? 'does' : 'do'} not send.`}
          </p>
          {!applied.bodySet && (
            <button type="button" data-testid="template-give-body" onClick={onGiveBody} className={`${BUTTON} mt-1`}>
              Give {applied.senders.join(', ')} this body
            </button>
          )}
        </div>
      )}
      <p className={`mt-2 font-medium ${applied.problems > 0 ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300'}`} data-testid="template-validation">
        {applied.problems > 0 ? `The definition has ${applied.problems} problem${applied.problems === 1 ? '' : 's'}: listed above.` : 'The definition validates.'}
      </p>
    </div>
  );
}
