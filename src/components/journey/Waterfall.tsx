import type { Hop, Journey } from '../../sim/core/journey.ts';
import { axisTicks, duration, HOP_FILL } from './waterfallScale.ts';

const ROW = 'grid grid-cols-[8.5rem_minmax(0,1fr)] items-center gap-x-3 md:grid-cols-[15rem_minmax(0,1fr)_6.5rem] lg:grid-cols-[18rem_minmax(0,1fr)_6.5rem]';

/** One row per hop on the simulated clock: who, what, a bar from its start to its end, and how long it took. */
export function Waterfall({ journey }: { journey: Journey }) {
  const span = Math.max(1, journey.endMs - journey.startMs);
  const at = (ms: number) => `${(((ms - journey.startMs) / span) * 100).toFixed(3)}%`;
  const ticks = axisTicks(span);
  return (
    <div className="min-w-0 text-sm" data-testid="journey-waterfall">
      <div className={`${ROW} sticky top-0 z-10 border-b border-slate-200 bg-white py-1.5 text-xs font-semibold text-slate-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300`}>
        <span>Node · hop</span>
        <div className="relative h-4" aria-hidden>
          {ticks.map((t) => (
            <span key={t} className="absolute -translate-x-1/2 tabular-nums whitespace-nowrap first:translate-x-0 last:-translate-x-full max-md:not-first:not-last:hidden" style={{ left: at(journey.startMs + t) }}>
              {duration(t)}
            </span>
          ))}
        </div>
        <span className="text-right max-md:hidden">Took</span>
      </div>
      <ol aria-label="Hops on the simulated clock">
        {journey.hops.map((hop, i) => (
          <HopRow key={i} hop={hop} left={at(hop.startMs)} width={`${Math.max(0, ((hop.endMs - hop.startMs) / span) * 100).toFixed(3)}%`} since={hop.startMs - journey.startMs} ticks={ticks.map((t) => at(journey.startMs + t))} />
        ))}
      </ol>
      {journey.omitted > 0 && (
        <p className="px-1 py-2 text-slate-600 dark:text-slate-300" data-testid="journey-omitted">
          {journey.omitted.toLocaleString('en-US')} hops omitted (a journey keeps its first {journey.hops.length})
        </p>
      )}
    </div>
  );
}

const ROW_TONE: Partial<Record<Hop['kind'], string>> = {
  throttle: 'bg-red-50 dark:bg-red-950/40',
  deadLetter: 'bg-fuchsia-50 dark:bg-fuchsia-950/40',
};

function HopRow({ hop, left, width, since, ticks }: { hop: Hop; left: string; width: string; since: number; ticks: string[] }) {
  const moment = hop.endMs === hop.startMs;
  const took = moment ? `at +${duration(since)}` : duration(hop.endMs - hop.startMs);
  const title = `${hop.nodeId}: ${hop.label}${hop.detail ? ` (${hop.detail})` : ''}, from +${duration(since)}${moment ? '' : ` for ${duration(hop.endMs - hop.startMs)}`}`;
  return (
    <li className={`${ROW} border-b border-slate-100 py-1 dark:border-slate-800 ${ROW_TONE[hop.kind] ?? ''}`} data-testid="journey-hop" data-kind={hop.kind} data-node={hop.nodeId} title={title}>
      <div className="min-w-0 leading-tight">
        <div className="flex min-w-0 items-center gap-1.5">
          <span className="truncate font-semibold text-slate-900 dark:text-slate-50">{hop.nodeId}</span>
          {hop.kind === 'throttle' && <Badge className="bg-red-600 text-white">throttled</Badge>}
          {hop.kind === 'deadLetter' && <Badge className="bg-fuchsia-700 text-white">DLQ</Badge>}
          {hop.error === true && hop.kind !== 'throttle' && <Badge className="bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-100">error</Badge>}
        </div>
        <div className="truncate text-slate-700 dark:text-slate-200" data-testid="journey-hop-label">
          {hop.label}
        </div>
        {hop.detail && <div className="truncate text-xs text-slate-500 dark:text-slate-400">{hop.detail}</div>}
      </div>
      <div className="relative h-6" aria-hidden>
        {ticks.map((x, i) => (
          <span key={i} className="absolute inset-y-0 w-px bg-slate-100 dark:bg-slate-800" style={{ left: x }} />
        ))}
        {moment ? (
          <span className={`absolute top-1/2 h-3.5 w-3.5 -translate-x-1/2 -translate-y-1/2 rotate-45 rounded-[2px] ring-2 ring-white dark:ring-slate-900 ${HOP_FILL[hop.kind]}`} style={{ left }} />
        ) : (
          <span className={`absolute top-1 bottom-1 min-w-[3px] rounded-sm ${HOP_FILL[hop.kind]} ${hop.error ? 'outline-2 outline-offset-1 outline-red-600' : ''}`} style={{ left, width }} />
        )}
      </div>
      <span className="text-right whitespace-nowrap tabular-nums text-slate-700 max-md:hidden dark:text-slate-200">{took}</span>
    </li>
  );
}

function Badge({ className, children }: { className: string; children: string }) {
  return <span className={`shrink-0 rounded px-1.5 py-px text-[11px] font-bold tracking-wide uppercase ${className}`}>{children}</span>;
}
