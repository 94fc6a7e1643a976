import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_DURATION_SECONDS, DEFAULT_SEED, LIMITS } from '../../scenario/index.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { FieldRow } from './FieldRow.tsx';
import type { InputResult } from './parseInput.ts';
import { TextBox } from './TextBox.tsx';

function wholeNumber(text: string, min: number, max: number, unit = ''): InputResult {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (!/^\d+$/.test(t)) return { ok: false, error: `must be a whole number ${min}..${max}${unit}` };
  const n = Number(t);
  return n < min || n > max ? { ok: false, error: `must be ${min}..${max}${unit}` } : { ok: true, value: n };
}

function scenarioName(text: string): InputResult {
  if (text.trim() === '') return { ok: false, error: 'is required' };
  const max = LIMITS.nameLength;
  if (text.length > max) return { ok: false, error: `must be at most ${max} characters (this one has ${text.length})` };
  return { ok: true, value: text };
}

function Field(props: { path: string; label: string; help: string; value: string; placeholder?: string; parse: (t: string) => InputResult; commit: (v: unknown) => void }) {
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((e: string | null) => setError(e), []);
  return (
    <FieldRow path={props.path} label={props.label} help={props.help} error={error} htmlFor={`field-${props.path}`}>
      <TextBox
        id={`field-${props.path}`}
        testId={`field-${props.path}`}
        value={props.value}
        placeholder={props.placeholder}
        parse={props.parse}
        commit={props.commit}
        onError={onError}
        ariaInvalid={!!error}
      />
    </FieldRow>
  );
}

/** With nothing selected: the scenario's name, seed and simulated duration, and what the canvas holds. */
export function ScenarioInspector() {
  const { name, seed, duration, nodes, edges, account } = useAppStore(
    useShallow((s) => ({
      name: s.doc.name,
      seed: s.doc.seed,
      duration: s.doc.durationSeconds,
      nodes: s.doc.nodes.length,
      edges: s.doc.edges.length,
      account: s.doc.settings?.lambdaAccountConcurrency,
    })),
  );
  const set = appStore.getState().setDocMeta;
  return (
    <div data-testid="inspector-scenario" className="flex flex-col gap-4 p-4">
      <div>
        <div className="text-base font-semibold text-slate-900 dark:text-slate-50">Scenario</div>
        <div className="text-xs text-slate-500 dark:text-slate-400">
          {nodes} services, {edges} connections. Select a service or a connection to edit it.
        </div>
      </div>
      <Field
        path="name"
        label="Name"
        help="Shown in the header, the results and the file name."
        value={name}
        parse={scenarioName}
        commit={(v) => set({ name: v as string })}
      />
      <Field
        path="seed"
        label="Seed"
        help="The same seed gives the same run, request for request."
        value={seed === undefined ? '' : String(seed)}
        placeholder={String(DEFAULT_SEED)}
        parse={(t) => wholeNumber(t, 0, Number.MAX_SAFE_INTEGER)}
        commit={(v) => set({ seed: v as number | undefined })}
      />
      <Field
        path="durationSeconds"
        label="Duration"
        help="Simulated time of one run, in seconds."
        value={duration === undefined ? '' : String(duration)}
        placeholder={String(DEFAULT_DURATION_SECONDS)}
        parse={(t) => wholeNumber(t, 1, LIMITS.durationSeconds, ' s')}
        commit={(v) => set({ durationSeconds: v as number | undefined })}
      />
      <Field
        path="settings.lambdaAccountConcurrency"
        label="Lambda account concurrency"
        help="Concurrent executions for all functions of the account in the Region (an adjustable AWS quota); reservations may take all but 100."
        value={typeof account === 'number' ? String(account) : ''}
        placeholder="1000"
        parse={(t) => wholeNumber(t, 100, 1_000_000)}
        commit={(v) => appStore.getState().setDocSetting('lambdaAccountConcurrency', v)}
      />
    </div>
  );
}
