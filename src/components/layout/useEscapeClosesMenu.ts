import { useEffect, type RefObject } from 'react';

/**
 * Escape closes the open menu and gives focus back to its button, as a disclosure menu does; not while one of the
 * dialogs it holds is open (the dialog takes that Escape, and closing the menu would close the dialog with it).
 */
export function useEscapeClosesMenu(open: boolean, close: () => void, toggle: RefObject<HTMLButtonElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('[aria-modal="true"]') !== null) return;
      // Before the canvas's shortcuts, so this Escape does not also clear the selection.
      e.preventDefault();
      e.stopPropagation();
      close();
      toggle.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open, close, toggle]);
}
