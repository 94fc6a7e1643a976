import type { Ref } from 'react';
import { CompareMenu } from '../compare/CompareMenu.tsx';
import { CommandButton } from '../common/CommandButton.tsx';
import { LinkIcon, MoonIcon, SunIcon } from '../common/icons.tsx';
import { useAppStore } from '../../store/index.ts';
import { LessonsMenu } from '../lessons/LessonsMenu.tsx';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { JourneyMenu } from '../journey/JourneyMenu.tsx';
import { SpeedControl } from '../run/SpeedControl.tsx';
import { TrafficSelect } from '../run/TrafficControl.tsx';

const MenuIcon = () => (
  <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" aria-hidden>
    <path d="M4 7h16M4 12h16M4 17h16" />
  </svg>
);

/**
 * Phones only (below Tailwind's md): the header hides the editor toolbar, so this button opens a row over the
 * top of the canvas with Examples, Lessons, Compare, Journey, Copy link, the theme, and the run's speed and traffic multiplier. It stays open while their dialogs are, as it
 * holds them, and closes once a document replaces the one it was opened on (an example, a lesson, a file).
 */
export function PhoneMenuButton({ open, onToggle, ref }: { open: boolean; onToggle: () => void; ref?: Ref<HTMLButtonElement> }) {
  return (
    <button
      ref={ref}
      type="button"
      data-testid="phone-menu-toggle"
      aria-label="Menu"
      aria-expanded={open}
      aria-controls="phone-menu"
      onClick={onToggle}
      className={`inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 md:hidden dark:text-slate-200 dark:hover:bg-slate-800 ${open ? 'bg-slate-100 dark:bg-slate-800' : ''}`}
    >
      <MenuIcon />
    </button>
  );
}

/** `onClose`: Copy link closes the menu, so its toast is seen over the canvas. */
export function PhoneMenu({ onClose }: { onClose: () => void }) {
  const dark = useAppStore((s) => s.theme === 'dark');
  return (
    <nav
      id="phone-menu"
      aria-label="Menu"
      data-testid="phone-menu"
      className="absolute inset-x-0 top-full z-40 flex flex-wrap items-center gap-1 border-b shadow-md border-slate-200 bg-white px-2 py-1 md:hidden dark:border-slate-800 dark:bg-slate-900 [&_.dialog-button\_\_label]:inline"
    >
      <ExamplesMenu />
      <LessonsMenu />
      <CompareMenu />
      <JourneyMenu />
      <CommandButton id="copy-link" icon={<LinkIcon />} showLabel onDone={onClose} />
      <CommandButton id="toggle-theme" icon={dark ? <SunIcon /> : <MoonIcon />} />
      {/* The header's run controls leave these out on a phone. */}
      <span className="ml-auto flex items-end gap-2 py-0.5">
        <SpeedControl testId="phone-run-speed" />
        <TrafficSelect testId="phone-traffic-scale" />
      </span>
    </nav>
  );
}

