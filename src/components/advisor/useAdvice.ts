import { useMemo } from 'react';
import { useAppStore } from '../../store/index.ts';
import { adviseOn, type Advice } from './rules.ts';

/** The advisor's findings for the current document (recomputed only when the document changes). */
export function useAdvice(): Advice[] {
  const doc = useAppStore((s) => s.doc);
  return useMemo(() => adviseOn(doc), [doc]);
}
