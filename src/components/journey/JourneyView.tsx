import { useEffect, useState } from 'react';
import type { Journey } from '../../sim/core/journey.ts';
import { latency, pickJourney, type JourneyPick } from '../../sim/core/journeyPick.ts';
import { appStore, useAppStore } from '../../store/index.ts';
import { ModalDialog } from '../common/ModalDialog.tsx';
import { Waterfall } from './Waterfall.tsx';
import { duration, HOP_FILL, HOP_KINDS } from './waterfallScale.ts';

/** How often (wall ms) the open view asks the worker for the journeys while a run plays. */
const POLL_MS = 1000;

const PICKS: readonly { pick: JourneyPick; label: string }[] = [
  { pick: 'request', label: 'A request' },
  { pick: 'failed', label: 'A failed one' },
  { pick: 'slowest', label: 'The slowest one' },
];

/** The journeys of the run's sampled requests, fetched from the worker (again each second while it runs). */
function useJourneys(): Journey[] | null {
  const [journeys, setJourneys] = useState<Journey[] | null>(null);
  const status = useAppStore((s) => s.run.status);
  const pausedAt = useAppStore((s) => (s.run.status === 'running' ? -1 : s.run.seconds));
  useEffect(() => {
    let cancelled = false;
    const fetch = () =>
      void appStore
        .getState()
        .runJourneys()
        .then((j) => !cancelled && setJourneys(j))
        .catch(() => !cancelled && setJourneys(null));
    fetch();
    const timer = status === 'running' ? setInterval(fetch, POLL_MS) : undefined;
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [status, pausedAt]);
  return journeys;
}

/** "A request's journey": pick a sampled request (any, a failed one, the slowest) and see its hops as a waterfall. */
export function JourneyView({ onClose }: { onClose: () => void }) {
  const journeys = useJourneys();
  const [pick, setPick] = useState<JourneyPick>('request');
  const [chosenId, setChosenId] = useState<number | null>(null);
  const list = journeys ?? [];
  const chosen = chosenId !== null ? list.findIndex((j) => j.id === chosenId) : -1;
  const index = chosen >= 0 ? chosen : pickJourney(list, pick);
  const journey = index >= 0 ? list[index] : null;
  return (
    <ModalDialog
      name="journey"
      title="A request's journey"
      subtitle="Every hop of one sampled request on the simulated clock"
      onClose={onClose}
      panelClassName="h-[calc(100dvh-2rem)] max-w-7xl"
      backdropClassName="p-2 pt-4 md:p-4"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-5 py-2.5 dark:border-slate-700">
        <div role="radiogroup" aria-label="Which request" className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
          {PICKS.map((p) => {
            const on = chosen < 0 && pick === p.pick;
            return (
              <button
                key={p.pick}
                type="button"
                role="radio"
                aria-checked={on}
                data-testid={`journey-pick-${p.pick}`}
                onClick={() => {
                  setPick(p.pick);
                  setChosenId(null);
                }}
                className={`px-2 py-1.5 text-sm font-medium whitespace-nowrap not-first:border-l md:px-3 not-first:border-slate-300 dark:not-first:border-slate-600 ${
                  on ? 'bg-sky-700 text-white' : 'bg-white text-slate-700 hover:bg-slate-100 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700'
                }`}
              >
                {p.label}
              </button>
            );
          })}
        </div>
        {list.length > 0 && (
          <label className="flex min-w-0 items-center gap-1.5 text-sm text-slate-600 dark:text-slate-300">
            <span className="max-sm:sr-only">or</span>
            <select
              data-testid="journey-select"
              value={journey?.id ?? ''}
              onChange={(e) => setChosenId(Number(e.target.value))}
              className="max-w-[22rem] min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
            >
              {list.map((j) => (
                <option key={j.id} value={j.id}>
                  {optionText(j)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="min-h-0 flex-1 overflow-auto px-5 pb-4">
        {journey ? <JourneyBody journey={journey} /> : <Empty journeys={journeys} pick={pick} />}
      </div>
    </ModalDialog>
  );
}

function optionText(j: Journey): string {
  return `${j.source} #${j.id} at ${duration(j.startMs)} · ${duration(latency(j))}${j.failure ? ' · failed' : ''}`;
}

function JourneyBody({ journey }: { journey: Journey }) {
  return (
    <>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-3" data-testid="journey-summary">
        <p className="text-base text-slate-900 dark:text-slate-50">
          Request <strong>#{journey.id}</strong> from <strong>{journey.source}</strong>, sent at {duration(journey.startMs)}: <strong>{duration(latency(journey))}</strong> end to end
        </p>
        {journey.failure ? (
          <span className="rounded-md bg-red-100 px-2 py-0.5 text-sm font-semibold text-red-800 dark:bg-red-900 dark:text-red-100" data-testid="journey-failure">
            Failed: {journey.failure}
          </span>
        ) : (
          <span className="rounded-md bg-emerald-100 px-2 py-0.5 text-sm font-semibold text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100">No failure</span>
        )}
        <span className="text-xs text-slate-500 dark:text-slate-400">Sampled as {journey.reason}</span>
      </div>
      <Legend />
      <Waterfall journey={journey} />
    </>
  );
}

function Legend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 pb-2 text-xs text-slate-700 dark:text-slate-200" data-testid="journey-legend">
      {HOP_KINDS.map((k) => (
        <li key={k.kind} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block h-3 w-5 rounded-sm ${HOP_FILL[k.kind]} ${k.kind === 'event' ? 'h-2.5 w-2.5 rotate-45' : ''}`} />
          {k.label}
        </li>
      ))}
    </ul>
  );
}

function Empty({ journeys, pick }: { journeys: Journey[] | null; pick: JourneyPick }) {
  const text =
    journeys === null || journeys.length === 0
      ? 'Run the simulation: each client’s first request, one request in every sixtieth of the run and one poison message in each are followed hop by hop.'
      : pick === 'failed'
        ? 'None of the sampled requests has failed so far: no error, throttle, dead-letter queue or drop.'
        : 'No request has been sampled yet.';
  return (
    <p className="py-6 text-base text-slate-600 dark:text-slate-300" data-testid="journey-empty">
      {text}
    </p>
  );
}
