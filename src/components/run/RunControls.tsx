import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../../store/index.ts';
import './runCommands.ts';
import { SeedField } from './SeedField.tsx';
import { SpeedControl } from './SpeedControl.tsx';
import { TrafficControl } from './TrafficControl.tsx';
import { runDuration, shownSpeed } from '../../store/simulationSlice.ts';
import { formatClock, formatDuration, formatSimTime, timeLeftText } from './speeds.ts';

const button =
  'inline-flex items-center gap-1.5 whitespace-nowrap rounded-md border px-3 py-1.5 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50';
const plain = `${button} border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`;

const STATUS_TEXT = { idle: 'Ready', loading: 'Loading…', paused: 'Paused', running: 'Running', done: 'Finished' } as const;

/** Run, pause, step, reset, speed and seed, with the simulated clock (what the run has to say: RunMessage). */
export function RunControls() {
  const run = useAppStore(
    useShallow((s) => ({
      status: s.run.status,
      seconds: s.run.seconds,
      duration: runDuration(s),
      speed: shownSpeed(s),
      actualSpeed: s.run.actualSpeed,
      seed: s.doc.seed ?? s.run.seed,
    })),
  );
  const actions = appStore.getState();
  const running = run.status === 'running';
  const progress = Math.min(1, run.duration > 0 ? run.seconds / run.duration : 0);
  // A heavy scenario (or a big traffic multiplier) can play far slower than asked: then say how long it will take.
  const left = running ? timeLeftText(run.duration - run.seconds, run.actualSpeed, run.speed) : null;

  return (
    <div className="relative min-w-0" data-testid="run-controls">
      <div className="flex min-w-0 items-center gap-2 max-md:gap-1.5">
        <button
          type="button"
          data-testid="run-toggle"
          aria-label={running ? 'Pause' : 'Run'}
          title={running ? 'Pause the simulation' : 'Run the simulation'}
          className={`${button} min-w-20 justify-center max-md:min-w-[4.5rem] border-transparent text-white ${running ? 'bg-amber-600 hover:bg-amber-700' : 'bg-emerald-600 hover:bg-emerald-700'}`}
          disabled={run.status === 'loading'}
          onClick={() => (running ? actions.pauseRun() : void actions.startRun())}
        >
          <span aria-hidden>{running ? '❚❚' : '▶'}</span>
          {running ? 'Pause' : 'Run'}
        </button>
        <button type="button" data-testid="run-step" className={`${plain} max-[1399px]:hidden`} title="Advance one simulated second, then pause" disabled={running} onClick={() => void actions.stepRun(1)}>
          Step
        </button>
        <button type="button" data-testid="run-reset" className={plain} title="Back to 0 s with the current architecture" onClick={() => void actions.resetRun()}>
          Reset
        </button>
        <SpeedControl className="max-md:hidden" />
        <TrafficControl />
        <SeedField seed={run.seed} onApply={(seed) => void actions.resetRun(seed)} />
        <div
          className="ml-1 flex min-w-0 flex-col max-md:ml-0 overflow-hidden md:min-w-36 text-sm whitespace-nowrap tabular-nums text-slate-700 dark:text-slate-200"
          data-testid="run-clock"
          data-status={run.status}
          data-seconds={run.seconds}
          title={running && run.actualSpeed > 0 ? `Running at ${run.actualSpeed}× real time` : undefined}
        >
          <span className="text-xs font-semibold text-slate-500 uppercase dark:text-slate-400">
            {run.status === 'paused' && run.seconds === 0 ? 'Ready' : STATUS_TEXT[run.status]}
            {running && run.actualSpeed > 0 && (
              <span className="font-normal normal-case" data-testid="run-pace">
                {' · '}
                {left ?? (
                  <>
                    {run.actualSpeed.toLocaleString('en-US')}×<span className="max-md:hidden"> speed</span>
                  </>
                )}
              </span>
            )}
          </span>
          <span className="truncate max-md:hidden">
            {formatSimTime(run.seconds)} / {formatDuration(run.duration)}
          </span>
          <span className="truncate md:hidden" data-testid="run-clock-compact">
            {formatClock(run.seconds)} / {formatClock(run.duration)}
          </span>
          <span className="mt-0.5 h-1 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700" aria-hidden>
            <span className="block h-full bg-emerald-500" style={{ width: `${progress * 100}%` }} />
          </span>
        </div>
      </div>
    </div>
  );
}
