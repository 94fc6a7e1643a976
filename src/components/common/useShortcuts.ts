import { useEffect } from 'react';
import { commandForKey, isEnabled } from '../../commands/registry.ts';
import type { AppStore } from '../../store/index.ts';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Keys pressed inside a modal dialog belong to it, not to the canvas behind it. */
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[aria-modal="true"]') !== null;
}

/** Runs registered commands from the keyboard, except while the user types in a field or works in a dialog. */
export function useShortcuts(store: AppStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || inDialog(e.target)) return;
      const command = commandForKey(e, IS_MAC);
      if (!command) return;
      e.preventDefault();
      if (isEnabled(command, store.getState())) command.perform(store);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
