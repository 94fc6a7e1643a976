import { useShallow } from 'zustand/react/shallow';
import { appStore, useAppStore } from '../../store/index.ts';
import { runDuration, shownSpeed } from '../../store/simulationSlice.ts';
import { parseSpeedKey, speedKey, speedOptions } from './speeds.ts';

/** The run speed menu (simulated seconds per real second, or Max): in the run controls, and in the phone menu. */
export function SpeedControl({ className = '', testId = 'run-speed' }: { className?: string; testId?: string }) {
  const { speed, duration } = useAppStore(
    useShallow((s) => ({
      speed: shownSpeed(s),
      duration: runDuration(s),
    })),
  );
  return (
    <label className={`flex flex-col leading-none text-slate-600 dark:text-slate-300 ${className}`} title="Simulated seconds per real second; Max runs as fast as the engine can">
      <span className="mb-0.5 text-[10px] font-semibold tracking-wide uppercase">Speed</span>
      <select
        data-testid={testId}
        className="rounded-md border border-slate-300 bg-white px-1 py-0.5 text-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={speedKey(speed)}
        onChange={(e) => appStore.getState().setRunSpeed(parseSpeedKey(e.target.value))}
      >
        {speedOptions(speed, duration).map((s) => (
          <option key={speedKey(s.value)} value={speedKey(s.value)}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
