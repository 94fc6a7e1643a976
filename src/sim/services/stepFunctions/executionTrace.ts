import { formatMs, type HopKind, type Trace } from '../../core/journey.ts';
import { RETRY_DEFAULTS, retryDelayMs, type Retrier } from './asl/retry.ts';
import type { ExecutionListener, StateType } from './asl/types.ts';

/**
 * The listener of a sampled execution (core/journey.ts): it passes every call on to the machine's shared
 * listener (metrics) and records a hop per state on the execution's journey: each state from entered to left
 * (a Task, Parallel or Map as a span with its calls' hops inside, a Wait as a wait, the others as moments),
 * each Retry with its backoff delay (aws-behaviour Step Functions "Retry"), a Catch and an uncaught failure.
 * Only sampled executions get one, so the others pay nothing per state.
 */
export class TracedListener implements ExecutionListener {
  constructor(
    private readonly shared: ExecutionListener,
    private readonly trace: Trace,
    private readonly nodeId: string,
    /** The type of each state by name (names are unique in the whole definition, branches included). */
    private readonly types: ReadonlyMap<string, StateType>,
    private readonly clock: { readonly now: number },
  ) {}

  /** Where each state run entered now took its place in the journey's order, by state name, oldest first. */
  private readonly entered = new Map<string, number[]>();

  stateEntered(state: string, type: StateType, index: number): void {
    this.shared.stateEntered?.(state, type, index);
    const seqs = this.entered.get(state);
    if (seqs === undefined) this.entered.set(state, [this.trace.seq()]);
    else seqs.push(this.trace.seq());
  }

  stateSucceeded(state: string, durationMs: number, index: number, enteredAtMs: number): void {
    this.shared.stateSucceeded?.(state, durationMs, index, enteredAtMs);
    this.state(state, enteredAtMs, undefined, false);
  }

  stateFailed(state: string, error: string, durationMs: number, index: number, enteredAtMs: number): void {
    this.shared.stateFailed?.(state, error, durationMs, index, enteredAtMs);
    this.state(state, enteredAtMs, `failed: ${error}`, true);
  }

  stateCaught(state: string, error: string, durationMs: number, index: number, enteredAtMs: number): void {
    this.shared.stateCaught?.(state, error, durationMs, index, enteredAtMs);
    // aws-behaviour Step Functions "Catch": the error goes to the catcher's Next state (the next hop).
    this.state(state, enteredAtMs, `caught ${error} (Catch)`, true);
  }

  stateRetried(state: string, error: string, delayMs: number, index: number, attempt: number, retrier: Retrier): void {
    this.shared.stateRetried?.(state, error, delayMs, index, attempt, retrier);
    const now = this.clock.now;
    const max = retrier.MaxAttempts ?? RETRY_DEFAULTS.MaxAttempts;
    this.trace.hop(this.nodeId, 'retry', `${state}: retry ${attempt} of ${max} waits`, now, now + delayMs, `after ${error}: ${backoff(retrier, attempt, delayMs)}`);
  }

  private state(state: string, enteredAtMs: number, detail: string | undefined, error: boolean): void {
    const type = this.types.get(state) ?? 'Task';
    const seqs = this.entered.get(state);
    const seq = seqs !== undefined && seqs.length > 0 ? seqs.shift() : undefined;
    this.trace.hop(this.nodeId, STATE_HOP[type], `${type} ${state}`, enteredAtMs, this.clock.now, detail, error, seq);
  }
}

/** A Task, Parallel or Map is a whole call with the hops of its work inside; a Wait waits; the rest take no time. */
const STATE_HOP: Record<StateType, HopKind> = {
  Task: 'span',
  Parallel: 'span',
  Map: 'span',
  Wait: 'wait',
  Pass: 'event',
  Choice: 'event',
  Succeed: 'event',
  Fail: 'event',
};

/** "the n-th retry waits IntervalSeconds x BackoffRate^(n-1), capped by MaxDelaySeconds; JitterStrategy FULL ...". */
export function backoff(retrier: Retrier, n: number, delayMs: number): string {
  const interval = retrier.IntervalSeconds ?? RETRY_DEFAULTS.IntervalSeconds;
  const rate = retrier.BackoffRate ?? RETRY_DEFAULTS.BackoffRate;
  const full = retryDelayMs(retrier, n);
  let text = `IntervalSeconds ${interval} x BackoffRate ${rate}^${n - 1} = ${formatMs(interval * Math.pow(rate, n - 1) * 1000)}`;
  if (full < interval * Math.pow(rate, n - 1) * 1000) text += `, capped by MaxDelaySeconds ${retrier.MaxDelaySeconds} at ${formatMs(full)}`;
  if (retrier.JitterStrategy === 'FULL') text += `; JitterStrategy FULL: ${formatMs(delayMs)}`;
  return text;
}
