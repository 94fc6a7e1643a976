import { runCommand } from '../../commands/registry.ts';
import type { AppStore } from '../../store/index.ts';

/** The keys of presenter mode, for the shortcuts dialog (they act only while presenting). */
export const PRESENTER_KEYS: readonly { keys: string[]; label: string }[] = [
  { keys: ['Space'], label: 'Run / pause' },
  { keys: ['R'], label: 'Reset the run' },
  { keys: ['←', '→'], label: "Previous / next step of the lesson's script" },
  { keys: ['Esc'], label: 'Leave presenter mode' },
];

export interface PresenterKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * Handles one key while presenting; returns whether it did (the caller then stops the browser's default and
 * the app's own shortcuts). Keys with Ctrl, Cmd or Alt are left to the app.
 */
export function presenterKey(e: PresenterKey, store: AppStore): boolean {
  const s = store.getState();
  if (!s.presenting || e.ctrlKey || e.metaKey || e.altKey) return false;
  switch (e.key) {
    case ' ':
      runCommand('run-toggle', store);
      return true;
    case 'r':
    case 'R':
      void s.resetRun();
      return true;
    case 'ArrowRight':
      s.stepPresenter(1);
      return true;
    case 'ArrowLeft':
      s.stepPresenter(-1);
      return true;
    case 'Escape':
      if (s.shortcutsOpen) return false;
      s.setPresenting(false);
      return true;
    default:
      return false;
  }
}
