import { useMemo } from 'react';
import { useAppStore } from '../../store/index.ts';
import type { ChartSpec } from './chartLayout.ts';
import { chartTheoryOf, type ChartTheory } from './chartTheory.ts';

/** The chart's theory overlay from the current document. */
export function useChartTheory(spec: ChartSpec): ChartTheory | null {
  const doc = useAppStore((s) => s.doc);
  return useMemo(() => chartTheoryOf(doc, spec), [doc, spec]);
}
