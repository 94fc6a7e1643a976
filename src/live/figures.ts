import type { LiveData } from './liveData.ts';

/** Counters that mean "a request was throttled", whatever the service calls it. */
export const THROTTLE_METRICS = [
  'Throttles',
  'ReadThrottleEvents',
  'WriteThrottleEvents',
  'ExecutionThrottled',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
] as const;

export function isThrottleMetric(name: string): boolean {
  return (THROTTLE_METRICS as readonly string[]).includes(name);
}

/**
 * While a run plays, counters on nodes and flows on edges are rates over this much simulated time: the same
 * window for both, so a node's requests/s and the label of the edge carrying them agree.
 */
export const RATE_WINDOW_MS = 2000;

/**
 * A node's live figures: each of its kind's `figures` metrics (a level's value now, a counter's rate per
 * simulated second over the last RATE_WINDOW_MS, a distribution's p99 in the last closed period), plus
 * `throttling` (1 when any throttle counter grew in the last simulated second, else 0), `coldStarts`
 * (cold starts in the last simulated second) and `limit` (the concurrency limit, for Lambda).
 * Null when the node is not in the loaded run.
 *
 * Once every period of the run has arrived, the figures are the last period's (a counter's Sum per second,
 * a level's Maximum, CloudWatch's usual statistic for concurrency and queue depth), so the same seed shows
 * the same figures however the frames happened to be timed.
 */
export function figuresOf(live: LiveData, nodeId: string): Record<string, number> | null {
  const node = live.node(nodeId);
  if (!node) return null;
  if (live.index && live.periods > 0 && live.periods >= live.index.maxPeriods) return lastPeriodFigures(live, nodeId, node.figures);
  const out: Record<string, number> = {};
  for (const name of node.figures) {
    const h = live.handle(nodeId, name);
    if (h < 0) continue;
    const kind = live.index!.metrics[h].kind;
    if (kind === 'level') out[name] = live.instant(nodeId, name);
    else if (kind === 'counter') out[name] = live.ratePerSecond(nodeId, name, RATE_WINDOW_MS);
    else {
      const p99 = live.column(nodeId, `${name}.p99`);
      out[name] = p99 && p99.length > 0 ? p99[p99.length - 1] : 0;
    }
  }
  let throttled = 0;
  for (const name of THROTTLE_METRICS) {
    const v = live.increase(nodeId, name);
    if (v > 0) throttled += v;
  }
  out.throttling = throttled > 0 ? 1 : 0;
  const cold = live.increase(nodeId, 'ColdStarts');
  if (!Number.isNaN(cold)) out.coldStarts = cold;
  const limit = live.limits[nodeId]?.ConcurrentExecutions;
  if (limit !== undefined) out.limit = limit;
  return out;
}

function lastOf(live: LiveData, nodeId: string, column: string): number {
  const values = live.column(nodeId, column);
  return values && values.length > 0 ? values[values.length - 1] : NaN;
}

function lastPeriodFigures(live: LiveData, nodeId: string, figures: readonly string[]): Record<string, number> {
  const period = live.index!.periodSeconds;
  const out: Record<string, number> = {};
  for (const name of figures) {
    const h = live.handle(nodeId, name);
    if (h < 0) continue;
    const kind = live.index!.metrics[h].kind;
    if (kind === 'counter') out[name] = lastOf(live, nodeId, name) / period;
    else if (kind === 'level') out[name] = lastOf(live, nodeId, `${name}.Maximum`);
    else out[name] = lastOf(live, nodeId, `${name}.p99`) || 0;
  }
  const throttled = THROTTLE_METRICS.reduce((sum, name) => sum + (lastOf(live, nodeId, name) || 0), 0);
  out.throttling = throttled > 0 ? 1 : 0;
  const cold = lastOf(live, nodeId, 'ColdStarts');
  if (!Number.isNaN(cold)) out.coldStarts = cold;
  const limit = live.limits[nodeId]?.ConcurrentExecutions;
  if (limit !== undefined) out.limit = limit;
  return out;
}

export function sameFigures(a: Record<string, number> | null, b: Record<string, number> | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k] || (Number.isNaN(a[k]) && Number.isNaN(b[k])));
}
