import { useEffect, useMemo, useState } from 'react';
import { loadedTheories, loadTheories } from '../../sim/services/theory.ts';
import { useAppStore } from '../../store/index.ts';
import type { ChartSpec } from './chartLayout.ts';
import { chartTheoryOf, type ChartTheory } from './chartTheory.ts';

/** The chart's theory overlay from the current document, once the kinds' theories have loaded. */
export function useChartTheory(spec: ChartSpec): ChartTheory | null {
  const doc = useAppStore((s) => s.doc);
  const [theories, setTheories] = useState(loadedTheories);
  useEffect(() => {
    if (!theories && spec.theory) void loadTheories().then(setTheories);
  }, [theories, spec.theory]);
  return useMemo(() => (theories ? chartTheoryOf(doc, spec, theories) : null), [doc, spec, theories]);
}
