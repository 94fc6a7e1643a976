import { lazy, Suspense, useCallback, useState } from 'react';
import type { FieldInfo } from '../common/kindInfo.ts';
import { FieldRow } from './FieldRow.tsx';
import { inputClass, inputTone } from './inputStyle.ts';
import { checked, parseJsonInput, parseNumberInput, rangeHint } from './parseInput.ts';
import { TextBox } from './TextBox.tsx';

const DurationEditor = lazy(() => import('./DurationEditor.tsx'));
const CodeBox = lazy(() => import('./CodeBox.tsx'));

export interface FieldInputProps {
  field: FieldInfo;
  /** "properties.Timeout": the test id and the path shown with errors. */
  path: string;
  value: unknown;
  /** Called with a valid value, or undefined to go back to AWS's default. */
  onCommit: (value: unknown, focusSession?: number) => void;
  /** Problems inside this field's value, paths relative to it (a code field shows each at its line). */
  problems?: readonly { path: string; message: string }[];
}

const NO_PROBLEMS: readonly { path: string; message: string }[] = [];

/** One inspector field, rendered from its FieldMeta. */
export function FieldInput({ field, path, value, onCommit, problems = NO_PROBLEMS }: FieldInputProps) {
  const [typed, setError] = useState<string | null>(null);
  const onError = useCallback((e: string | null) => setError(e), []);
  const m = field.meta;
  // What is typed is checked first; then what the whole scenario's checks say of this value (an account rule
  // spanning nodes, say), shown at the field rather than only in the list at the top of the panel.
  const error = typed ?? (m.code ? null : (problems.find((p) => p.path === '')?.message ?? null));
  const id = `field-${path}`;
  const row = (child: React.ReactNode) => (
    <FieldRow path={path} label={m.label} help={m.help} hint={rangeHint(field)} assumption={m.assumption} error={error} htmlFor={id}>
      {child}
    </FieldRow>
  );

  switch (m.kind) {
    case 'number':
    case 'optionalNumber':
      return row(
        <div className="relative">
          <TextBox
            id={id}
            testId={id}
            value={typeof value === 'number' ? String(value) : ''}
            placeholder={typeof m.default === 'number' ? String(m.default) : 'not set'}
            parse={(t) => parseNumberInput(t, field)}
            commit={onCommit}
            onError={onError}
            inputMode="decimal"
            ariaInvalid={!!error}
          />
          {m.unit && <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-xs text-slate-400">{m.unit}</span>}
        </div>,
      );
    case 'choice': {
      const current = typeof value === 'string' ? value : (m.default as string | undefined);
      return row(
        <select
          id={id}
          data-testid={id}
          value={current ?? ''}
          className={`${inputClass} ${inputTone(error)}`}
          onChange={(e) => {
            const r = checked(e.target.value, field);
            if (r.ok) onCommit(r.value);
            setError(r.ok ? null : r.error);
          }}
        >
          {(m.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
              {o === m.default ? ' (default)' : ''}
            </option>
          ))}
        </select>,
      );
    }
    case 'boolean': {
      const on = typeof value === 'boolean' ? value : m.default === true;
      return (
        <FieldRow path={path} label={m.label} help={m.help} hint={`default ${m.default === true}`} assumption={m.assumption} error={error}>
          <button
            type="button"
            role="switch"
            aria-checked={on}
            aria-label={m.label}
            data-testid={id}
            onClick={() => {
              const r = checked(!on, field);
              if (r.ok) onCommit(r.value);
            }}
            className={`relative h-6 w-11 rounded-full transition-colors ${on ? 'bg-sky-600' : 'bg-slate-300 dark:bg-slate-700'}`}
          >
            <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition-all ${on ? 'left-5.5' : 'left-0.5'}`} />
          </button>
        </FieldRow>
      );
    }
    case 'duration':
      return row(
        <Suspense fallback={<div className="h-9" />}>
          <DurationEditor field={field} path={path} value={value} onCommit={onCommit} onError={onError} />
        </Suspense>,
      );
    case 'text':
      return row(
        <TextBox
          id={id}
          testId={id}
          value={typeof value === 'string' ? value : ''}
          placeholder={typeof m.default === 'string' ? m.default : ''}
          parse={(t) => (t === '' ? { ok: true, value: undefined } : checked(t, field))}
          commit={onCommit}
          onError={onError}
          ariaInvalid={!!error}
        />,
      );
    default:
      if (m.code) {
        return row(
          <Suspense fallback={<div className="h-32 rounded-md border border-slate-300 dark:border-slate-600" />}>
            <CodeBox
              id={id}
              testId={id}
              value={value === undefined ? '' : JSON.stringify(value, null, 2)}
              parse={(t) => parseJsonInput(t, field)}
              commit={onCommit}
              onError={onError}
              problems={problems}
            />
          </Suspense>,
        );
      }
      return row(
        <TextBox
          id={id}
          testId={id}
          value={value === undefined ? '' : JSON.stringify(value, null, 1)}
          placeholder={m.default !== undefined ? JSON.stringify(m.default) : 'JSON'}
          parse={(t) => parseJsonInput(t, field)}
          commit={onCommit}
          onError={onError}
          multiline
          ariaInvalid={!!error}
        />,
      );
  }
}
