import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import '../../commands/exports/exportCommands.ts';
import { findCommand, isEnabled } from '../../commands/registry.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { useEscapeClosesMenu } from './useEscapeClosesMenu.ts';

const ITEMS = ['export-png', 'export-svg', 'export-embed', 'export-csv', 'export-result'] as const;

const ImageIcon = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
    <path d="M4 4h16v16H4zM4 16l5-5 4 4 3-3 4 4M15 8.5a1.5 1.5 0 1 0 0 .01" />
  </svg>
);

/**
 * "Export" in the header: the diagram as PNG or SVG, the scenario as an iframe to embed, the run's metrics as CSV
 * or as the result document. A menu button as WAI-ARIA describes one: opening it focuses the first item it can
 * perform, the arrow keys (and Home, End) move among those, Escape closes it and gives focus back to the button,
 * Tab or a click elsewhere closes it.
 */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const enabled = useAppStore((s) => ITEMS.map((id) => (findCommand(id) ? isEnabled(findCommand(id)!, s) : false)).join());
  const close = useCallback(() => setOpen(false), []);
  useEscapeClosesMenu(open, close, toggle);
  useEffect(() => {
    if (!open) return;
    const onMouseDown = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onMouseDown);
    return () => window.removeEventListener('mousedown', onMouseDown);
  }, [open]);
  useEffect(() => {
    if (open) menuItems(menu.current)[0]?.focus();
  }, [open]);
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Tab') {
      setOpen(false);
      return;
    }
    const items = menuItems(menu.current);
    if (items.length === 0) return;
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      e.key === 'ArrowDown' ? (at + 1) % items.length
      : e.key === 'ArrowUp' ? (at <= 0 ? items.length - 1 : at - 1)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? items.length - 1
      : -1;
    if (to < 0) return;
    e.preventDefault();
    items[to].focus();
  };
  const flags = enabled.split(',');
  return (
    <div ref={box} className="relative">
      <button
        ref={toggle}
        type="button"
        data-testid="export-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Export"
        title="Export the diagram or the run's metrics"
        onClick={() => setOpen(!open)}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <ImageIcon />
        <span className="hidden 2xl:inline">Export</span>
      </button>
      {open && (
        <div ref={menu} role="menu" aria-label="Export" onKeyDown={onMenuKey} className="absolute top-10 left-0 z-50 flex w-72 flex-col rounded-lg border border-slate-200 bg-white p-1 shadow-xl dark:border-slate-700 dark:bg-slate-900">
          {ITEMS.map((id, i) => (
            <button
              key={id}
              type="button"
              role="menuitem"
              data-testid={`command-${id}`}
              disabled={flags[i] !== 'true'}
              onClick={() => {
                setOpen(false);
                toggle.current?.focus();
                findCommand(id)?.perform(appStore);
              }}
              className="rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-sky-50 disabled:opacity-40 disabled:hover:bg-transparent dark:text-slate-100 dark:hover:bg-slate-800"
            >
              {findCommand(id)?.label}
            </button>
          ))}
          <p className="px-3 pt-1 pb-2 text-xs text-slate-500 dark:text-slate-400">Metrics need a run; an unfinished run exports what has run so far.</p>
        </div>
      )}
    </div>
  );
}

/** The menu's items that can be performed now (disabled buttons take no focus). */
function menuItems(menu: HTMLElement | null): HTMLButtonElement[] {
  return menu ? [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')] : [];
}
