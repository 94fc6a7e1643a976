import { useEffect, useState } from 'react';
import type { SampledRun } from '../../sim/core/sampledRun.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { eventTone, simTime } from './historyFormat.ts';

/** How often (wall ms) the open history asks the worker for the samples while a run plays. */
const POLL_MS = 1000;

const ROW_TONE = {
  failed: 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100',
  retry: 'bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-100',
  succeeded: 'text-emerald-800 dark:text-emerald-300',
  plain: '',
};

/** A sampled run's event history (the console's execution events, on the simulated clock), picked from the model's samples. */
export default function SampledHistory({ nodeId, title }: { nodeId: string; title: string }) {
  const [runs, setRuns] = useState<SampledRun[] | null>(null);
  const [picked, setPicked] = useState(0);
  const status = useAppStore((s) => s.run.status);
  // While paused, a step or a reset moves the clock: fetch again then (while running, the timer does).
  const pausedAt = useAppStore((s) => (s.run.status === 'running' ? -1 : s.run.seconds));

  useEffect(() => {
    let cancelled = false;
    const fetchRuns = () =>
      void appStore
        .getState()
        .runSamples(nodeId)
        .then((r) => !cancelled && setRuns(r))
        .catch(() => !cancelled && setRuns(null));
    fetchRuns();
    const timer = status === 'running' ? setInterval(fetchRuns, POLL_MS) : undefined;
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [nodeId, status, pausedAt]);

  if (!runs || runs.length === 0) {
    return <p className="p-3 text-sm text-slate-600 dark:text-slate-300">{title}: run the simulation; the first execution of each period, and the first to fail, are recorded here.</p>;
  }
  const run = runs[Math.min(picked, runs.length - 1)];
  return (
    <div className="flex h-full min-h-0 flex-col gap-2 px-3" data-testid="sampled-history">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="sample-pick" className="font-medium text-slate-700 dark:text-slate-200">
          {title}
        </label>
        <select
          id="sample-pick"
          data-testid="sample-pick"
          value={Math.min(picked, runs.length - 1)}
          onChange={(e) => setPicked(Number(e.target.value))}
          className="max-w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
        >
          {runs.map((r, i) => (
            <option key={i} value={i}>
              {r.status} · started at {simTime(r.startMs)} · {r.reason}
            </option>
          ))}
        </select>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {run.stopMs !== undefined ? `took ${simTime(run.stopMs - run.startMs)}` : 'still running'}
          {run.omitted > 0 ? ` · ${run.omitted.toLocaleString('en-US')} later events not shown` : ''}
        </span>
      </div>
      <div className="min-h-0 flex-1 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
        <table className="w-full text-left text-[13px]" data-testid="history-table">
          <thead className="sticky top-0 bg-slate-100 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th className="px-2 py-1 font-semibold whitespace-nowrap">ID</th>
              <th className="px-2 py-1 font-semibold whitespace-nowrap">Type</th>
              <th className="px-2 py-1 font-semibold whitespace-nowrap">Step</th>
              <th className="px-2 py-1 font-semibold whitespace-nowrap">Since start</th>
              <th className="px-2 py-1 font-semibold whitespace-nowrap">Simulated time</th>
              <th className="px-2 py-1 font-semibold whitespace-nowrap">Detail</th>
            </tr>
          </thead>
          <tbody>
            {run.events.map((e) => (
              <tr key={e.id} className={`border-t border-slate-100 dark:border-slate-800 ${ROW_TONE[eventTone(e)]}`} data-type={e.type}>
                <td className="px-2 py-0.5 whitespace-nowrap tabular-nums">{e.id}</td>
                <td className="px-2 py-0.5 font-medium">{e.type}</td>
                <td className="px-2 py-0.5">{e.step ?? ''}</td>
                <td className="px-2 py-0.5 whitespace-nowrap tabular-nums">+{simTime(e.timeMs - run.startMs)}</td>
                <td className="px-2 py-0.5 whitespace-nowrap tabular-nums">{simTime(e.timeMs)}</td>
                <td className="min-w-[16rem] px-2 py-0.5 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]" data-testid="history-detail">
                  {e.detail ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
