import { useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../store/index.ts';
import type { Advice } from './rules.ts';
import { loadAdvice } from '../../sim/services/registry.ts';

type Rules = typeof import('./rules.ts');

/** The rules once their chunks (this advisor's and the kinds' ServiceKind.advice) have loaded: they are not part of the initial bundle. */
let loadedRules: Rules | null = null;
const loadRules = () =>
  import('./rules.ts').then(async (m) => {
    await loadAdvice();
    return (loadedRules = m);
  });

/**
 * The advisor's findings for the current document (recomputed only when the document changes); none for the
 * moment the rules' chunk takes to load on first use (the same pattern as useChartTheory's theories).
 */
export function useAdvice(): Advice[] {
  const doc = useAppStore((s) => s.doc);
  const [rules, setRules] = useState(loadedRules);
  useEffect(() => {
    if (!rules) void loadRules().then(setRules);
  }, [rules]);
  return useMemo(() => (rules ? rules.adviseOn(doc) : []), [rules, doc]);
}
