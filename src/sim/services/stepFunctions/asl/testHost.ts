/**
 * A minimal host for tests and for reading how an Execution is driven: a simulated clock with timers ordered
 * by (time, insertion), task calls answered by a handler the test gives, and JSONata's promises settled
 * before the clock moves.
 */
import { Random } from '../../../core/random.ts';
import type { Json } from './errors.ts';
import { Execution } from './execution.ts';
import type { AslHost, AslMachine, Cancellable, ExecutionOptions, ExecutionResult, TaskCallbacks, TaskRequest } from './types.ts';

function noop(): void {}

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
  cancelled: boolean;
}

export interface TaskCall {
  request: TaskRequest;
  startedAt: number;
}

/** Answers a task call, usually by scheduling `callbacks.succeed` or `callbacks.fail` on the host. */
export type TaskHandler = (request: TaskRequest, callbacks: TaskCallbacks, host: TestHost) => Cancellable | void;

export class TestHost implements AslHost {
  time = 0;
  readonly random: Random;
  readonly calls: TaskCall[] = [];
  private timers: Timer[] = [];
  private seq = 0;
  private pending: Promise<void>[] = [];

  constructor(private readonly handler: TaskHandler = echoAfter(100), seed = 1) {
    this.random = new Random(seed, 'asl-test');
  }

  now(): number {
    return this.time;
  }

  schedule(atMs: number, callback: () => void): Cancellable {
    const timer: Timer = { at: Math.max(atMs, this.time), seq: this.seq++, callback, cancelled: false };
    let lo = 0, hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = this.timers[mid];
      if (t.at < timer.at || (t.at === timer.at && t.seq < timer.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
    // Dropping the callback lets a finished execution be collected before its (long) timeout would fire.
    return {
      cancel: () => {
        timer.cancelled = true;
        timer.callback = noop;
      },
    };
  }

  /** Calls back `afterMs` from now. */
  after(afterMs: number, callback: () => void): Cancellable {
    return this.schedule(this.time + afterMs, callback);
  }

  startTask(request: TaskRequest, callbacks: TaskCallbacks): Cancellable | void {
    this.calls.push({ request, startedAt: this.time });
    return this.handler(request, callbacks, this);
  }

  hold(work: Promise<void>): void {
    this.pending.push(work);
  }

  /** Runs events until none is left (or the time limit); settles held promises before each one. */
  async run(untilMs = Infinity): Promise<void> {
    for (;;) {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        await Promise.all(batch);
      }
      const next = this.timers[0];
      if (!next || next.at > untilMs) return;
      this.timers.shift();
      if (next.cancelled) continue;
      this.time = next.at;
      next.callback();
    }
  }

  /** Timers not yet run or cancelled (a finished execution should leave none). */
  get pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }
}

/** Every task succeeds after `ms`, returning its input (a Lambda invoke returns it as Payload). */
export function echoAfter(ms: number): TaskHandler {
  return (request, callbacks, host) => {
    const timer = host.after(ms, () => callbacks.succeed(lambdaShaped(request)));
    return timer;
  };
}

export function lambdaShaped(request: TaskRequest, payload?: Json): Json {
  if (request.integration.service === 'lambda' && request.integration.statesArn) {
    const input = request.input;
    const body = input !== null && typeof input === 'object' && !Array.isArray(input) ? input.Payload ?? null : null;
    return { StatusCode: 200, Payload: payload === undefined ? body : payload };
  }
  return payload === undefined ? request.input : payload;
}

/** Starts an execution on a host and runs the clock until it ends. */
export async function runToEnd(
  machine: AslMachine,
  input: Json,
  host: TestHost,
  options: ExecutionOptions = {},
): Promise<{ result: ExecutionResult; execution: Execution }> {
  const execution = new Execution(machine, host, options);
  let result: ExecutionResult | undefined;
  execution.start(input, (r) => {
    result = r;
  });
  await host.run();
  if (!result) throw new Error('the execution did not end');
  return { result, execution };
}
