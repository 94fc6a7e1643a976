import { useCallback, useRef, useState, type ReactNode } from 'react';
import { appStore, useAppStore } from '../../store/index.ts';
import type { ScenarioDoc } from '../../scenario/index.ts';
import { CommandButton } from '../common/CommandButton.tsx';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { LessonsMenu } from '../lessons/LessonsMenu.tsx';
import { CompareMenu } from '../compare/CompareMenu.tsx';
import { JourneyMenu } from '../journey/JourneyMenu.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { PhoneMenu, PhoneMenuButton } from './PhoneMenu.tsx';
import { useEscapeClosesMenu } from './useEscapeClosesMenu.ts';
import { FileIcon, FitIcon, LayoutIcon, LinkIcon, MoonIcon, OpenIcon, PresentIcon, RedoIcon, SaveIcon, SunIcon, UndoIcon } from '../common/icons.tsx';

function Divider() {
  return <span aria-hidden className="mx-0.5 h-6 w-px bg-slate-200 min-[1400px]:mx-1 dark:bg-slate-700" />;
}

/** App bar: brand, scenario name, editor commands, and a slot for the run controls. */
export function Header({ runControls }: { runControls?: ReactNode }) {
  const dark = useAppStore((s) => s.theme === 'dark');
  // The phone menu closes by itself once an example, a lesson or a file replaces the document it was opened on.
  const [menuDoc, setMenuDoc] = useState<ScenarioDoc | null>(null);
  // Subscribed only while the menu is open, so edits do not re-render the header.
  const docWhileOpen = useAppStore((s) => (menuDoc !== null ? s.doc : null));
  const phoneMenu = menuDoc !== null && menuDoc === docWhileOpen;
  const menuToggle = useRef<HTMLButtonElement>(null);
  const closeMenu = useCallback(() => setMenuDoc(null), []);
  useEscapeClosesMenu(phoneMenu, closeMenu, menuToggle);
  const name = useAppStore((s) => s.doc.name);
  return (
    <header className="relative flex h-14 shrink-0 items-center gap-1 border-b border-slate-200 bg-white px-3 max-md:px-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex min-w-7 shrink items-center gap-2 pr-1 md:min-w-28 min-[1400px]:min-w-44">
        <svg viewBox="0 0 32 32" width="28" height="28" className="shrink-0" aria-hidden>
          <rect width="32" height="32" rx="8" fill="#FF9900" />
          <path d="M8 21l5-10 4 7 3-4 4 7" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <div className="min-w-0 leading-tight max-md:hidden">
          <div className="hidden text-[15px] font-semibold text-slate-900 2xl:block dark:text-slate-50">Serverless Playground</div>
          <div className="max-w-56 truncate text-sm font-medium text-slate-700 2xl:max-w-56 2xl:text-xs 2xl:font-normal 2xl:text-slate-500 dark:text-slate-300 2xl:dark:text-slate-400" data-testid="scenario-name" title={name}>
            {name}
          </div>
        </div>
      </div>
      <span className="max-md:hidden">
        <Divider />
      </span>
      <nav aria-label="Editor" className="flex shrink-0 items-center max-md:hidden">
        <CommandButton id="undo" icon={<UndoIcon />} />
        <CommandButton id="redo" icon={<RedoIcon />} />
        <Divider />
        <CommandButton id="auto-layout" icon={<LayoutIcon />} />
        <CommandButton id="zoom-to-fit" icon={<FitIcon />} />
        <Divider />
        <CommandButton id="new-scenario" icon={<FileIcon />} />
        <CommandButton id="import" icon={<OpenIcon />} />
        <CommandButton id="export" icon={<SaveIcon />} />
        <ExportMenu />
        <Divider />
        <ExamplesMenu />
        <LessonsMenu />
        <CompareMenu />
        <CommandButton id="copy-link" icon={<LinkIcon />} showLabel labelClassName="hidden 2xl:inline" />
      </nav>
      {/* Slot for the run controls (RUN's <RunControls/>). */}
      <div className="mx-auto flex shrink-0 items-center gap-2 pl-2 max-md:min-w-0 max-md:shrink max-md:pl-0" data-slot="run-controls">
        {runControls}
      </div>
      {/* On phones Journey is in the menu; the dialog stays outside any hidden box, so it survives a resize. */}
      <JourneyMenu buttonClassName="max-md:hidden" />
      <span className="max-md:hidden"><CommandButton id="toggle-presenter" icon={<PresentIcon />} /></span>
      <span className="max-md:hidden"><CommandButton id="toggle-theme" icon={dark ? <SunIcon /> : <MoonIcon />} /></span>
      <PhoneMenuButton ref={menuToggle} open={phoneMenu} onToggle={() => setMenuDoc(phoneMenu ? null : appStore.getState().doc)} />
      {phoneMenu && <PhoneMenu onClose={() => setMenuDoc(null)} />}
    </header>
  );
}
