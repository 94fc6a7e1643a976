import { useShallow } from 'zustand/react/shallow';
import { runCommand } from '../../commands/registry.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { runDuration } from '../../store/simulationSlice.ts';
import { CommandButton } from '../common/CommandButton.tsx';
import { MoonIcon, SunIcon } from '../common/icons.tsx';
import { formatDuration, formatSimTime } from '../run/speeds.ts';
import { TrafficControl } from '../run/TrafficControl.tsx';

const STATUS_TEXT = { idle: 'Ready', loading: 'Loading…', paused: 'Paused', running: 'Running', done: 'Finished' } as const;
/** Titles longer than this (in characters) are set a size smaller, to fit two lines in the bar. */
const LONG_TITLE = 36;
const big = 'inline-flex h-12 items-center gap-2 rounded-lg border-2 px-4 text-xl font-semibold whitespace-nowrap disabled:opacity-50';

/** Presenter mode's top bar: the title, Run/Pause and Reset, the clock, the traffic multiplier, the theme, Exit. */
export function PresenterBar({ title }: { title: string }) {
  const run = useAppStore(
    useShallow((s) => ({
      status: s.run.status,
      seconds: s.run.seconds,
      duration: runDuration(s),
      dark: s.theme === 'dark',
    })),
  );
  const running = run.status === 'running';
  return (
    <header className="presenter-bar flex h-16 shrink-0 items-center gap-3 border-b-2 border-slate-300 px-4 dark:border-slate-700">
      {/* A long name takes two lines at a smaller size rather than being cut: the room reads the whole title. */}
      <h1
        className={`line-clamp-2 min-w-0 flex-1 font-bold leading-tight break-words ${title.length > LONG_TITLE ? 'text-xl' : 'text-2xl'}`}
        data-testid="presenter-title"
        title={title}
      >
        {title}
      </h1>
      <button
        type="button"
        data-testid="presenter-run"
        className={`${big} min-w-32 justify-center border-transparent text-white ${running ? 'bg-amber-800 hover:bg-amber-900' : 'bg-emerald-800 hover:bg-emerald-900'}`}
        disabled={run.status === 'loading'}
        onClick={() => runCommand('run-toggle', appStore)}
      >
        <span aria-hidden>{running ? '❚❚' : '▶'}</span>
        {running ? 'Pause' : 'Run'}
      </button>
      <button type="button" data-testid="presenter-reset" className={`${big} border-slate-400 hover:bg-slate-100 dark:border-slate-500 dark:hover:bg-slate-800`} onClick={() => void appStore.getState().resetRun()}>
        Reset
      </button>
      <div className="flex min-w-44 flex-col leading-tight tabular-nums" data-testid="presenter-clock" data-status={run.status} data-seconds={run.seconds}>
        <span className="text-sm font-semibold tracking-wide uppercase">{run.status === 'paused' && run.seconds === 0 ? 'Ready' : STATUS_TEXT[run.status]}</span>
        <span className="text-xl font-semibold">
          {formatSimTime(run.seconds)} / {formatDuration(run.duration)}
        </span>
      </div>
      <div className="presenter-traffic flex items-center gap-2">
        <TrafficControl />
      </div>
      <CommandButton id="toggle-theme" icon={run.dark ? <SunIcon /> : <MoonIcon />} />
      <button type="button" data-testid="presenter-exit" className={`${big} h-10 border-slate-400 text-lg hover:bg-slate-100 dark:border-slate-500 dark:hover:bg-slate-800`} onClick={() => appStore.getState().setPresenting(false)} title="Leave presenter mode (Esc)">
        Exit
      </button>
    </header>
  );
}
