import { useState } from 'react';
import type { FieldInfo } from '../common/kindInfo.ts';
import { inputClass, inputTone } from './inputStyle.ts';
import { checked } from './parseInput.ts';

/** Parameters of each distribution (docs/scenario-format.md), all in ms. */
const PARAMS: Record<string, readonly string[]> = {
  constant: ['valueMs'],
  uniform: ['minMs', 'maxMs'],
  normal: ['meanMs', 'stdDevMs'],
  lognormal: ['medianMs', 'p99Ms'],
  exponential: ['meanMs'],
};

type Dist = Record<string, unknown> & { distribution: string };

function asDist(v: unknown): Dist | null {
  if (typeof v === 'number') return { distribution: 'constant', valueMs: v };
  if (v && typeof v === 'object' && typeof (v as Dist).distribution === 'string') return v as Dist;
  return null;
}

/** Seeds a new distribution's parameters from the current one's typical value. */
function convert(from: Dist, to: string): Dist {
  const typical = Number(from.valueMs ?? from.medianMs ?? from.meanMs ?? from.minMs ?? 100) || 100;
  switch (to) {
    case 'constant':
      return { distribution: to, valueMs: typical };
    case 'uniform':
      return { distribution: to, minMs: Math.round(typical / 2), maxMs: Math.round(typical * 1.5) };
    case 'normal':
      return { distribution: to, meanMs: typical, stdDevMs: Math.round(typical / 4) };
    case 'lognormal':
      return { distribution: to, medianMs: typical, p99Ms: typical * 5 };
    default:
      return { distribution: to, meanMs: typical };
  }
}

/** A duration: the distribution and its parameters in ms; validated as a whole by the field's schema. */
export default function DurationEditor(props: {
  field: FieldInfo;
  path: string;
  value: unknown;
  onCommit: (v: unknown) => void;
  onError: (e: string | null) => void;
}) {
  const { field, path, value, onCommit, onError } = props;
  const current = asDist(value) ?? asDist(field.meta.default) ?? { distribution: 'constant', valueMs: 0 };
  const [draft, setDraft] = useState<Record<string, string>>(() => texts(current));
  const [bad, setBad] = useState<string | null>(null);

  // A new value from outside (undo, a fix) replaces the draft, adjusted while rendering (no effect, no extra paint).
  const currentKey = JSON.stringify(current);
  const [draftKey, setDraftKey] = useState(currentKey);
  if (draftKey !== currentKey) {
    setDraftKey(currentKey);
    setDraft(texts(current));
  }

  const apply = (next: Record<string, string>) => {
    setDraft(next);
    const candidate: Dist = { distribution: next.distribution };
    for (const p of PARAMS[next.distribution] ?? []) {
      const t = (next[p] ?? '').trim();
      if (!/^\d+(\.\d+)?$/.test(t)) {
        setBad(p);
        onError(`${p} must be a number of ms`);
        return;
      }
      candidate[p] = Number(t);
    }
    const r = checked(candidate, field);
    setBad(r.ok ? null : 'all');
    onError(r.ok ? null : r.error);
    if (r.ok) onCommit(r.value);
  };

  return (
    <div className="flex flex-col gap-1.5">
      <select
        data-testid={`field-${path}.distribution`}
        value={draft.distribution}
        className={`${inputClass} ${inputTone(null)}`}
        onChange={(e) => apply(texts(convert(current, e.target.value)))}
      >
        {Object.keys(PARAMS).map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <div className="grid grid-cols-2 gap-1.5">
        {(PARAMS[draft.distribution] ?? []).map((p) => (
          <label key={p} className="flex flex-col text-[11px] text-slate-500 dark:text-slate-400">
            {p}
            <input
              type="text"
              inputMode="decimal"
              data-testid={`field-${path}.${p}`}
              value={draft[p] ?? ''}
              aria-invalid={bad === p || bad === 'all'}
              className={`${inputClass} ${inputTone(bad === p || bad === 'all' ? 'x' : null)}`}
              onChange={(e) => apply({ ...draft, [p]: e.target.value })}
            />
          </label>
        ))}
      </div>
    </div>
  );
}

function texts(d: Dist): Record<string, string> {
  const out: Record<string, string> = { distribution: d.distribution };
  for (const p of PARAMS[d.distribution] ?? []) {
    const v = d[p];
    // Anything but a number is invalid here; show it as written so the user sees what to fix.
    out[p] = v === undefined ? '' : typeof v === 'number' || typeof v === 'string' ? String(v) : JSON.stringify(v);
  }
  return out;
}
