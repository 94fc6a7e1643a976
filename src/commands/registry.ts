import type { AppState, AppStore } from '../store/index.ts';

/**
 * A user command as data: the toolbar, the keyboard handler, menus and tests all run the same entry.
 * Other features (RUN's run/pause/step) add theirs with registerCommand.
 */
export interface Command {
  id: string;
  label: string;
  /** e.g. "Mod+Z" (Mod = Ctrl, or Cmd on macOS), "Delete", "Shift+1". Several separated by " / ". */
  shortcut?: string;
  /** Shown next to the label and in tooltips. */
  hint?: string;
  perform(store: AppStore): void;
  enabled?(state: AppState): boolean;
}

const commands = new Map<string, Command>();

export function registerCommand(command: Command): void {
  commands.set(command.id, command);
}

export function registerCommands(list: readonly Command[]): void {
  for (const c of list) registerCommand(c);
}

export function findCommand(id: string): Command | undefined {
  return commands.get(id);
}

export function allCommands(): Command[] {
  return [...commands.values()];
}

export function isEnabled(command: Command, state: AppState): boolean {
  return command.enabled ? command.enabled(state) : true;
}

/** Runs a command if it exists and is enabled; returns whether it ran. */
export function runCommand(id: string, store: AppStore): boolean {
  const c = commands.get(id);
  if (!c || !isEnabled(c, store.getState())) return false;
  c.perform(store);
  return true;
}

export interface KeyLike {
  key: string;
  /** The physical key ("Digit1"): Shift+1 arrives as key "!" on a US keyboard, but code "Digit1". */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a keyboard event matches one shortcut like "Mod+Shift+Z". */
export function matchesShortcut(shortcut: string, e: KeyLike, isMac: boolean): boolean {
  return shortcut.split(' / ').some((one) => {
    const parts = one.split('+');
    const key = parts.pop()!.toLowerCase();
    const mods = new Set(parts.map((p) => p.toLowerCase()));
    const mod = isMac ? e.metaKey : e.ctrlKey;
    if (mods.has('mod') !== mod) return false;
    // A symbol such as "?" is typed with Shift on some layouts and without on others: its Shift is not checked.
    const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
    if (!symbol && mods.has('shift') !== e.shiftKey) return false;
    if (mods.has('alt') !== e.altKey) return false;
    if (!mods.has('mod') && (e.ctrlKey || e.metaKey)) return false;
    if (/^[0-9]$/.test(key) && e.code === `Digit${key}`) return true;
    return e.key.toLowerCase() === key;
  });
}

/** The first registered command whose shortcut matches the event. */
export function commandForKey(e: KeyLike, isMac: boolean): Command | undefined {
  for (const c of commands.values()) if (c.shortcut && matchesShortcut(c.shortcut, e, isMac)) return c;
  return undefined;
}

export function shortcutLabel(shortcut: string, isMac: boolean): string {
  const first = shortcut.split(' / ')[0];
  return first
    .split('+')
    .map((p) => (p === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : p === 'Shift' ? (isMac ? '⇧' : 'Shift') : p))
    .join(isMac ? '' : '+');
}
