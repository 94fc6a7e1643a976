import { useEffect, useState } from 'react';
import { findServiceKind } from '../../sim/services/registry.ts';
import { useAppStore } from '../../store/index.ts';

type Notes = { title: string; lines: string[] } | null;
/** Stable empty objects, so an absent section does not rerun the effect on every render. */
const NO_SETTINGS: Record<string, unknown> = {};

/** What a kind says about a node beyond its fields (ServiceKind.inspectorNotes), e.g. a schedule's next firings. */
export function KindNotes({ type, properties = NO_SETTINGS }: { type: string; properties: Record<string, unknown> | undefined }) {
  const settings = useAppStore((s) => s.doc.settings ?? NO_SETTINGS);
  const [notes, setNotes] = useState<Notes>(null);
  const compute = findServiceKind(type)?.inspectorNotes;
  useEffect(() => {
    if (!compute) return;
    let current = true;
    compute(properties, settings).then(
      (n) => current && setNotes(n),
      () => current && setNotes(null),
    );
    return () => {
      current = false;
    };
  }, [compute, properties, settings]);
  if (!compute || !notes) return null;
  return (
    <section className="mx-4 mb-3 rounded-lg border border-slate-200 p-2.5 text-xs dark:border-slate-700" data-testid="inspector-notes">
      <div className="mb-1 font-semibold text-slate-700 dark:text-slate-200">{notes.title}</div>
      <ul className="flex flex-col gap-0.5 font-mono text-slate-600 dark:text-slate-300">
        {notes.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
