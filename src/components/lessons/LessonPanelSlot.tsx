import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/index.ts';

// The panel, the check language and the reference patching load with the first lesson opened.
const LessonPanel = lazy(() => import('./LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));

/** Where the open lesson's panel goes (beside the canvas); nothing when no lesson is open. */
export function LessonPanelSlot() {
  const open = useAppStore((s) => s.lesson !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <LessonPanel />
    </Suspense>
  );
}
