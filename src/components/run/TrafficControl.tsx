import { appStore, useAppStore } from '../../store/index.ts';
import { trafficLabel, trafficOptions } from './trafficScales.ts';

const select = 'rounded-md border px-1 py-0.5 text-sm tabular-nums dark:bg-slate-800 dark:text-slate-100';
const normal = 'border-slate-300 bg-white dark:border-slate-600';
/** Not 1×: the figures on screen are not the scenario as written, and the control says so loudly. */
const scaled = 'border-amber-500 bg-amber-100 font-semibold text-amber-950 dark:border-amber-400 dark:bg-amber-900 dark:text-amber-50';

/**
 * "What if 5x the traffic?": multiplies every Client's rate, live while running. A run option like the speed:
 * the scenario document (and its undo history) is not changed. On phones a badge says it when not 1×.
 */
export function TrafficControl() {
  const scale = useAppStore((s) => s.run.trafficScale);
  return (
    <>
      <TrafficSelect className="max-md:hidden" />
      {scale !== 1 && (
        // Short on screen ("10×"), so the phone header keeps room for the clock; read out in full.
        <span
          className="shrink-0 rounded-md border border-amber-500 bg-amber-100 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-amber-950 md:hidden dark:bg-amber-900 dark:text-amber-50"
          data-testid="traffic-badge"
          title={`${trafficLabel(scale)} traffic`}
        >
          {trafficLabel(scale)}
          <span className="sr-only"> traffic</span>
        </span>
      )}
    </>
  );
}

/** The multiplier's menu alone: in the run controls, and in the phone menu. */
export function TrafficSelect({ className = '', testId = 'traffic-scale' }: { className?: string; testId?: string }) {
  const scale = useAppStore((s) => s.run.trafficScale);
  const notOne = scale !== 1;
  return (
    <label
      className={`flex flex-col leading-none text-slate-600 dark:text-slate-300 ${className}`}
      title="What if: multiply every Client's traffic (live while running). The scenario itself is not changed; schedules fire as written."
    >
      <span className="mb-0.5 text-[10px] font-semibold tracking-wide uppercase">Traffic</span>
      <select
        data-testid={testId}
        aria-label="Traffic multiplier"
        data-scaled={notOne}
        className={`${select} ${notOne ? scaled : normal}`}
        value={String(scale)}
        onChange={(e) => appStore.getState().setTrafficScale(Number(e.target.value))}
      >
        {trafficOptions(scale).map((v) => (
          <option key={v} value={String(v)}>
            {trafficLabel(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
