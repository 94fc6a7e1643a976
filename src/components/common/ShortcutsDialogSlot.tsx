import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/index.ts';

const ShortcutsDialog = lazy(() => import('./ShortcutsDialog.tsx').then((m) => ({ default: m.ShortcutsDialog })));

/** The keyboard shortcuts dialog ("?"), loaded the first time it opens: it is not part of the initial bundle. */
export function ShortcutsDialogSlot() {
  const open = useAppStore((s) => s.shortcutsOpen);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutsDialog />
    </Suspense>
  );
}
