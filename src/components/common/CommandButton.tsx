import type { ReactNode } from 'react';
import { findCommand, isEnabled, shortcutLabel } from '../../commands/registry.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { IS_MAC } from './useShortcuts.ts';

/** A toolbar button bound to a registered command: label, shortcut in the tooltip, disabled when not enabled. */
/** `labelClassName` can hide the shown label on narrow screens (e.g. "hidden 2xl:inline"). */
export function CommandButton({ id, icon, showLabel = false, labelClassName, onDone }: { id: string; icon?: ReactNode; showLabel?: boolean; labelClassName?: string; onDone?: () => void }) {
  const command = findCommand(id);
  const enabled = useAppStore((s) => (command ? isEnabled(command, s) : false));
  if (!command) return null;
  const tip = command.shortcut ? `${command.label} (${shortcutLabel(command.shortcut, IS_MAC)})` : command.label;
  return (
    <button
      type="button"
      data-testid={`command-${id}`}
      title={tip}
      aria-label={command.label}
      disabled={!enabled}
      onClick={() => {
        command.perform(appStore);
        onDone?.();
      }}
      className="inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-default disabled:opacity-35 disabled:hover:bg-transparent dark:text-slate-200 dark:hover:bg-slate-800"
    >
      {icon}
      {(showLabel || !icon) && <span className={labelClassName}>{command.label}</span>}
    </button>
  );
}
