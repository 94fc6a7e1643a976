import { useShallow } from 'zustand/react/shallow';
import type { EdgeRole } from '../../sim/core/model.ts';
import { connectionRule } from '../../scenario/index.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { fieldsOf } from '../common/kindInfo.ts';
import { FieldList } from './FieldList.tsx';
import { FieldRow } from './FieldRow.tsx';
import { inputClass, inputTone } from './inputStyle.ts';

const ROLE_HELP: Record<EdgeRole, string> = {
  invoke: 'Calls the target and waits for its answer (synchronous).',
  eventSource: 'The target polls this source in batches (event source mapping).',
  subscription: 'Every published message is delivered to the subscriber.',
  target: 'A matching event or a schedule invokes the target.',
  deadLetter: 'Messages or events that failed every attempt go here.',
  onFailure: 'An invocation record for each failed asynchronous event goes here.',
  onSuccess: 'An invocation record for each successful asynchronous event goes here.',
  call: 'An SDK call the code makes on each invocation.',
};

/** An edge: its role (where AWS allows several) and the settings AWS keeps on the connection. */
export function EdgeInspector({ edgeId }: { edgeId: string }) {
  const { edge, fromType, toType } = useAppStore(
    useShallow((s) => {
      const edge = s.doc.edges.find((e) => e.id === edgeId);
      return {
        edge,
        fromType: s.doc.nodes.find((n) => n.id === edge?.from)?.type ?? '',
        toType: s.doc.nodes.find((n) => n.id === edge?.to)?.type ?? '',
      };
    }),
  );
  if (!edge) return null;
  const rule = connectionRule(fromType, toType);
  const roles = rule.ok ? rule.rule.roles : (rule.roles ?? []);
  const role = edge.role ?? roles[0];
  const schema = rule.ok && role ? rule.rule.properties?.[role] : undefined;

  return (
    <div data-testid="inspector-edge" className="flex flex-col">
      <header className="px-4 pt-4 pb-3">
        <div className="text-base font-semibold text-slate-900 dark:text-slate-50">
          {edge.from} <span className="text-slate-400">→</span> {edge.to}
        </div>
        <div className="text-xs text-slate-500 dark:text-slate-400">Connection</div>
      </header>
      <div className="px-4 pb-4">
        <FieldRow path="role" label="Role" help={role ? ROLE_HELP[role] : undefined} htmlFor="field-role">
          <select
            id="field-role"
            data-testid="field-role"
            value={role ?? ''}
            disabled={roles.length < 2}
            className={`${inputClass} ${inputTone(null)} disabled:opacity-70`}
            onChange={(e) => {
              const r = appStore.getState().setEdgeRole(edgeId, e.target.value);
              if (!r.ok) appStore.getState().notify(r.reason, 'error');
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </FieldRow>
      </div>
      {!rule.ok && !rule.roles && <p className="px-4 pb-3 text-sm text-red-600 dark:text-red-400">{rule.reason}</p>}
      <FieldList
        resetKey={`${edgeId}:${edge.from}->${edge.to}:${role}`}
        sources={[
          {
            section: 'properties',
            fields: fieldsOf(schema, 'Settings'),
            values: edge.properties,
            onCommit: (path, value, session) => appStore.getState().setEdgeField(edgeId, path, value, session),
          },
        ]}
      />
    </div>
  );
}
