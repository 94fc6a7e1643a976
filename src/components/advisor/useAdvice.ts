import { useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import type { Advice } from './rules.ts';

type Rules = typeof import('./rules.ts');

/** The rules, once their chunk has loaded (they are not part of the initial bundle). */
let loadedRules: Rules | null = null;

/**
 * The advisor's findings for the current document (recomputed only when the document changes); none for the
 * moment it takes the rules' chunk to load on first use.
 */
export function useAdvice(): Advice[] {
  const doc = useAppStore((s) => s.doc);
  const [rules, setRules] = useState<Rules | null>(loadedRules);
  useEffect(() => {
    if (rules !== null) return;
    let live = true;
    void import('./rules.ts').then((m) => {
      loadedRules = m;
      if (live) setRules(m);
    });
    return () => {
      live = false;
    };
  }, [rules]);
  return useMemo(() => (rules === null ? [] : rules.adviseOn(doc)), [rules, doc]);
}
