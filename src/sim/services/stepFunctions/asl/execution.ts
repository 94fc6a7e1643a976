/**
 * One execution of a state machine on the host's simulated clock (never wall time): states run as
 * continuations, waits and retries are host timers, Task work is the host's. Counts billed state transitions
 * and history events (the 25,000-event cap of Standard fails the execution; aws-behaviour.md, Step
 * Functions, "states" row) and keeps the event list only when asked to.
 */
import { evaluateRule } from './choice.ts';
import { catchOutput, choiceOutput, effectiveInput, failError, stateOutput, waitUntilMs, type Maybe, type Produced, type StateEnv } from './dataFlow.ts';
import { asStatesError, StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import type { Random } from '../../../core/random.ts';
import { compileJsonata, evaluateRequired } from './jsonataEval.ts';
import { findCatcher, RetryCounts } from './retry.ts';
import { selectPath } from './paths.ts';
import { PAYLOAD_LIMIT_BYTES, payloadBytes, RunEnv } from './runEnv.ts';
import { machinePlan, planNamed, type MachinePlan, type StatePlan } from './plan.ts';
import { isoTimestamp } from './isoTime.ts';
import { rootVariables } from './variables.ts';
import type { Trace } from '../../../core/journey.ts';
import { Scope } from './scope.ts';
import { runMap, runParallel } from './composite.ts';
import { runTask } from './task.ts';
import type {
  AslHost, AslMachine, AslState, ExecutionListener, ExecutionOptions, ExecutionResult, ExecutionStatus, HistoryEvent,
} from './types.ts';

const YEAR_S = 365 * 24 * 3600;
/** The instant simulated time 0 stands for unless the options say otherwise. */
const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1);
const END_EVENTS = { SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', ABORTED: 'ExecutionAborted' } as const;
const EXPRESS_S = 5 * 60;
/** Synchronous steps before the interpreter yields to the host's clock, so a long chain never overflows the stack. */
const MAX_SYNC_DEPTH = 200;
/** State entries at one simulated instant before a loop without a Wait is stopped. */
const MAX_TRANSITIONS_PER_INSTANT = 100_000;

/** A running list of states: the execution's top level, a Parallel branch or a Map iteration. */
export interface Frame {
  variables: Record<string, Json>;
  scope: Scope;
  /** The list ended with this output. */
  succeeded(output: Json): void;
  /** The list ended with this error. */
  failed(error: StatesError): void;
}

/**
 * One run of one state (retries stay in the same run). A JSONPath run is also what its expressions see
 * (Execution.env): its context object is built only if one reads it, and a retry (whose count it shows)
 * makes it anew.
 */
export class StateRun implements StateEnv {
  /** Made at the state's first failure. */
  retries: RetryCounts | null = null;
  /** Whether nowMs and the context are this run's (false at entry and after a retry). */
  envReady = false;
  /** When the run last started over (a retry), if it did: left undefined otherwise, so no number is boxed. */
  envAt: number | undefined = undefined;
  built: JsonObject | undefined = undefined;

  constructor(
    private readonly exec: Execution,
    readonly frame: Frame,
    readonly plan: StatePlan,
    readonly raw: Json,
    readonly enteredAt: number,
  ) {}

  get name(): string {
    return this.plan.name;
  }

  get state(): AslState {
    return this.plan.state;
  }

  get jsonata(): boolean {
    return this.plan.jsonata;
  }

  get variables(): Record<string, Json> {
    return this.frame.variables;
  }

  get random(): Random {
    return this.exec.host.random;
  }

  get nowMs(): number {
    return this.exec.epochMs + (this.envAt ?? this.enteredAt);
  }

  get context(): JsonObject {
    return (this.built ??= this.exec.contextFor(this));
  }
}

/** A kept history event; its ISO timestamp is written only if something reads it (a sampled history's table does not). */
class RecordedEvent implements HistoryEvent {
  constructor(
    readonly id: number,
    readonly timeMs: number,
    private readonly epochMs: number,
    readonly type: string,
    readonly stateName: string | undefined,
    public detail: Json | undefined,
  ) {}

  get timestamp(): string {
    return isoTimestamp(this.epochMs + this.timeMs);
  }
}

/** The plan a Choice goes to: its rule `index`'s Next, or (-1) its Default, named `name`. */
function choiceTarget(plan: StatePlan, index: number, name: string): StatePlan {
  return (index >= 0 ? plan.choiceNext[index] : plan.defaultNext) ?? planNamed(plan.list, name);
}

/** An execution is also the frame of its top-level list of states. */
export class Execution implements Frame {
  status: ExecutionStatus = 'RUNNING';
  stateTransitions = 0;
  historyEventCount = 0;
  readonly history: HistoryEvent[] | null;
  private readonly options: ExecutionOptions;
  private readonly listener: ExecutionListener;
  readonly scope: Scope;
  readonly variables: Record<string, Json>;
  private readonly plan: MachinePlan;
  private startMs = 0;
  private startIso: string | undefined;
  private input: Json = null;
  private onDone: ((result: ExecutionResult) => void) | null = null;
  private result: ExecutionResult | null = null;
  private depth = 0;
  private closing = false;
  private instantMs = -1;
  private instantCount = 0;
  private readonly historyLimit: number;
  /** The sampled request's journey, which Task calls carry; null for most executions. */
  readonly trace: Trace | null;

  constructor(readonly machine: AslMachine, readonly host: AslHost, options: ExecutionOptions = {}) {
    this.options = options;
    this.listener = options.listener ?? {};
    this.history = options.recordHistory ? [] : null;
    this.historyLimit = options.historyLimit ?? (options.type === 'EXPRESS' ? Infinity : 25_000);
    this.trace = options.trace ?? null;
    this.scope = new Scope();
    this.variables = rootVariables(machine);
    this.plan = machinePlan(machine);
  }

  /** Runs the execution from its StartAt; `onDone` (or a subclass's `ended`) hears its result once. */
  start(input: Json, onDone?: (result: ExecutionResult) => void): void {
    this.onDone = onDone ?? null;
    this.input = input;
    this.startMs = this.host.now();
    const express = this.options.type === 'EXPRESS';
    const timeoutS = this.options.timeoutSeconds ?? this.machine.TimeoutSeconds ?? (express ? EXPRESS_S : YEAR_S);
    const deadline = this.startMs + timeoutS * 1000;
    // A timeout past the host's horizon (a Standard execution's year) never fires: no timer, no closure for it.
    if (!(deadline > (this.host.horizonMs ?? Infinity))) {
      const timer = this.host.schedule(deadline, () =>
        this.finish('TIMED_OUT', undefined, new StatesError(StatesErrors.Timeout, `The execution ran longer than ${timeoutS} s`)),
      );
      this.scope.add(timer);
    }
    this.record('ExecutionStarted', undefined, this.history && ({ input }));
    if (this.status !== 'RUNNING') return;
    const size = payloadBytes(input);
    if (size > PAYLOAD_LIMIT_BYTES) {
      this.finish('FAILED', undefined, new StatesError(StatesErrors.DataLimitExceeded, `The execution input is ${size} bytes, over the 262,144-byte limit`));
      return;
    }
    this.enterState(this, this.plan.start ?? planNamed(this.plan, this.machine.StartAt), input);
  }

  /** StopExecution: ends it as ABORTED. */
  abort(cause = 'Stopped by the host'): void {
    this.finish('ABORTED', undefined, new StatesError('States.Aborted', cause));
  }

  /** The instant simulated time 0 stands for (ISO timestamps, Wait's Timestamp). */
  get epochMs(): number {
    return this.options.epochMs ?? DEFAULT_EPOCH_MS;
  }

  /** The execution's cancellation scope (its top-level frame's). */
  get rootScope(): Scope {
    return this.scope;
  }

  /** The execution's name (`$$.Execution.Name`): the option's, or a subclass's. */
  get name(): string {
    return this.options.name ?? 'execution';
  }

  /** The execution ended with `result`: calls start's `onDone`. A host's subclass may take it instead. */
  protected ended(result: ExecutionResult): void {
    this.onDone?.(result);
  }

  get inlineMapConcurrency(): number {
    return this.options.inlineMapConcurrency ?? 40;
  }

  get outcome(): ExecutionResult | null {
    return this.result;
  }

  /** The context object (`$$`) of a state entered now. */
  contextFor(run: StateRun, extra?: JsonObject): JsonObject {
    const { name } = this;
    const machineArn = this.options.stateMachineArn ?? 'arn:aws:states:us-east-1:123456789012:stateMachine:StateMachine';
    return {
      Execution: {
        Id: `${machineArn.replace(':stateMachine:', ':execution:')}:${name}`,
        Input: this.input,
        Name: name,
        StartTime: (this.startIso ??= this.iso(this.startMs)),
        RedriveCount: 0,
      },
      StateMachine: { Id: machineArn, Name: machineArn.split(':').pop() ?? '' },
      State: { Name: run.name, EnteredTime: this.iso(run.enteredAt), RetryCount: run.retries?.total ?? 0 },
      ...extra,
    };
  }

  /**
   * What the state's expressions see. A JSONPath run is its own (its context reads only the entry time and the
   * retry count, so a retry makes it anew; its clock, which only a Wait reads, is when it started or last
   * retried); JSONata reads the clock, and a task token adds to the context.
   */
  env(run: StateRun, extra?: JsonObject): StateEnv {
    if (extra !== undefined || run.jsonata) return new RunEnv(this, run, extra);
    if (!run.envReady) {
      run.built = undefined;
      run.envReady = true;
    }
    return run;
  }

  iso(simMs: number): string {
    return isoTimestamp(this.epochMs + simMs);
  }

  /** Counts a history event (and keeps it with `detail` when recording: callers pass `history && {...}`); false once the execution has ended. */
  record(type: string, stateName?: string, detail?: Json): boolean {
    if (this.status !== 'RUNNING') return false;
    this.historyEventCount++;
    if (this.history) {
      const timeMs = this.host.now();
      this.history.push(new RecordedEvent(this.historyEventCount, timeMs, this.epochMs, type, stateName, detail ?? undefined));
    }
    if (this.historyEventCount > this.historyLimit && !this.closing) {
      this.finish('FAILED', undefined, new StatesError(StatesErrors.Runtime, `The execution reached the limit of ${this.historyLimit} history events`));
      return false;
    }
    return true;
  }

  enterState(frame: Frame, plan: StatePlan, raw: Json): void {
    if (frame.scope.cancelled) return;
    if (this.depth >= MAX_SYNC_DEPTH) {
      const timer = this.host.schedule(this.host.now(), () => {
        frame.scope.remove(timer);
        this.enterState(frame, plan, raw);
      });
      frame.scope.add(timer);
      return;
    }
    this.depth++;
    try {
      this.enterNow(frame, plan, raw);
    } finally {
      this.depth--;
    }
  }

  private enterNow(frame: Frame, plan: StatePlan, raw: Json): void {
    const { state, name } = plan;
    const now = this.host.now();
    if (now !== this.instantMs) {
      this.instantMs = now;
      this.instantCount = 0;
    }
    if (++this.instantCount > MAX_TRANSITIONS_PER_INSTANT) {
      this.finish('FAILED', undefined, new StatesError(StatesErrors.Runtime, `State '${name}' was entered ${MAX_TRANSITIONS_PER_INSTANT} times without the clock moving: a loop needs a Wait`));
      return;
    }
    this.stateTransitions++;
    if (!this.record(plan.enteredEvent, name, this.history && ({ input: raw }))) return;
    this.listener.stateEntered?.(name, state.Type, plan.index);
    const run = new StateRun(this, frame, plan, raw, now);
    switch (plan.type) {
      case 'Task':
        return runTask(this, run);
      case 'Parallel':
        return runParallel(this, run);
      case 'Map':
        return runMap(this, run);
      case 'Pass':
        return this.chain(run, () => this.passResult(run), (result) => this.finishWith(run, result));
      case 'Choice':
        return this.runChoice(run);
      case 'Wait':
        return this.runWait(run);
      case 'Succeed':
        return this.finishWith(run, undefined);
      case 'Fail':
        return this.chain(run, () => failError(state, this.env(run)), (err) => this.failState(run, err));
    }
  }

  private passResult(run: StateRun): Maybe<Json | undefined> {
    if (run.jsonata) return undefined;
    return run.state.Result !== undefined ? run.state.Result : effectiveInput(run.state, this.env(run));
  }

  /** Applies the state's output processing to a work result and leaves the state. */
  finishWith(run: StateRun, result: Json | undefined): void {
    if (run.jsonata) {
      this.chain(run, () => stateOutput(run.state, this.env(run), result), (produced) => this.finishState(run, produced));
      return;
    }
    // JSONPath data flow answers at once: no closures on the path most states take.
    let produced: Produced;
    try {
      produced = stateOutput(run.state, this.env(run), result) as Produced;
    } catch (e) {
      this.failState(run, asStatesError(e));
      return;
    }
    this.finishState(run, produced);
  }

  private runChoice(run: StateRun): void {
    const { state } = run;
    const rules = state.Choices ?? [];
    if (!run.jsonata) {
      this.runJsonPathChoice(run, rules);
      return;
    }
    const done = (index: number) => {
      const rule = index >= 0 ? rules[index] : undefined;
      const next = rule ? (rule.Next as string) : state.Default;
      if (next === undefined) {
        this.failState(run, new StatesError(StatesErrors.NoChoiceMatched, `No Choice rule matched and state '${run.name}' has no Default`));
        return;
      }
      this.chain(run, () => choiceOutput(state, rule, this.env(run)), (produced) => this.finishState(run, produced, choiceTarget(run.plan, index, next)));
    };
    this.chain(run, () => this.firstJsonataMatch(run, rules), done);
  }

  /** A JSONPath Choice evaluates at once: the same steps as the JSONata one, without closures. */
  private runJsonPathChoice(run: StateRun, rules: JsonObject[]): void {
    const { state } = run;
    const env = this.env(run);
    let index = -1;
    try {
      const input = selectPath(state.InputPath, run.raw, env);
      for (let i = 0; i < rules.length; i++) {
        if (evaluateRule(rules[i], input, env)) {
          index = i;
          break;
        }
      }
    } catch (e) {
      this.failState(run, asStatesError(e));
      return;
    }
    const rule = index >= 0 ? rules[index] : undefined;
    const next = rule ? (rule.Next as string) : state.Default;
    if (next === undefined) {
      this.failState(run, new StatesError(StatesErrors.NoChoiceMatched, `No Choice rule matched and state '${run.name}' has no Default`));
      return;
    }
    let produced: Produced;
    try {
      produced = choiceOutput(state, rule, env) as Produced;
    } catch (e) {
      this.failState(run, asStatesError(e));
      return;
    }
    this.finishState(run, produced, choiceTarget(run.plan, index, next));
  }

  private async firstJsonataMatch(run: StateRun, rules: JsonObject[]): Promise<number> {
    const env = this.env(run);
    for (let i = 0; i < rules.length; i++) {
      const condition = rules[i].Condition as string;
      compileJsonata(condition);
      const scope = { states: { input: run.raw, context: env.context }, variables: env.variables, random: env.random, nowMs: env.nowMs };
      const value = await evaluateRequired(condition, scope, `Choices[${i}].Condition`);
      if (typeof value !== 'boolean') {
        throw new StatesError(StatesErrors.QueryEvaluationError, `Choices[${i}].Condition of '${run.name}' returned ${JSON.stringify(value)}, not a boolean`);
      }
      if (value) return i;
    }
    return -1;
  }

  private runWait(run: StateRun): void {
    this.chain(run, () => waitUntilMs(run.state, this.env(run), this.epochMs), (untilMs) => {
      const at = Math.max(untilMs, this.host.now());
      const timer = this.host.schedule(at, () => {
        run.frame.scope.remove(timer);
        this.finishWith(run, undefined);
      });
      run.frame.scope.add(timer);
    });
  }

  /** Leaves the state with its output: checks the payload limit, assigns variables, moves on. */
  finishState(run: StateRun, produced: Produced, next: StatePlan | undefined = run.plan.next): void {
    if (run.frame.scope.cancelled) return;
    // An output that is the state's input unchanged was measured when it was produced.
    const size = produced.output === run.raw ? 0 : payloadBytes(produced.output);
    if (size > PAYLOAD_LIMIT_BYTES) {
      this.failState(run, new StatesError(StatesErrors.DataLimitExceeded, `The output of state '${run.name}' is ${size} bytes, over the 262,144-byte limit`));
      return;
    }
    if (produced.assign) Object.assign(run.frame.variables, produced.assign);
    if (!this.record(run.plan.exitedEvent, run.name, this.history && ({ output: produced.output }))) return;
    this.listener.stateSucceeded?.(run.name, this.host.now() - run.enteredAt, run.plan.index, run.enteredAt);
    if (run.plan.type === 'Succeed' || (next === undefined && run.state.End)) run.frame.succeeded(produced.output);
    else if (next !== undefined) this.enterState(run.frame, next, produced.output);
    else if (run.state.Next !== undefined) planNamed(run.plan.list, run.state.Next);
    else run.frame.succeeded(produced.output);
  }

  /** A state failed: retry (Task, Parallel, Map), else catch, else the frame fails. */
  failState(run: StateRun, err: StatesError): void {
    if (run.frame.scope.cancelled) return;
    const { state } = run;
    const decision = (run.retries ??= new RetryCounts()).decide(state.Retry, err, this.host.random);
    if (decision.retry) {
      run.envReady = false;
      this.stateTransitions++;
      this.listener.stateRetried?.(run.name, err.error, decision.delayMs, run.plan.index, decision.attempt, state.Retry![decision.retrierIndex]);
      if (this.history) this.noteRetry(run.name, decision.attempt, decision.delayMs);
      const timer = this.host.schedule(this.host.now() + decision.delayMs, () => {
        run.frame.scope.remove(timer);
        run.envAt = this.host.now();
        this.retryState(run);
      });
      run.frame.scope.add(timer);
      return;
    }
    const catcher = findCatcher(state.Catch, err);
    const duration = this.host.now() - run.enteredAt;
    if (catcher) {
      this.listener.stateCaught?.(run.name, err.error, duration, run.plan.index, run.enteredAt);
      this.chain(run, () => catchOutput(catcher, this.env(run), err), (produced) => {
        if (produced.assign) Object.assign(run.frame.variables, produced.assign);
        if (!this.record(run.plan.exitedEvent, run.name, this.history && ({ output: produced.output }))) return;
        this.enterState(run.frame, planNamed(run.plan.list, catcher.Next), produced.output);
      }, (catchErr) => this.failFrame(run, catchErr, this.host.now() - run.enteredAt));
      return;
    }
    this.failFrame(run, err, duration);
  }

  /**
   * AWS's history has no event for a retry (the next TaskScheduled comes after the delay), so a recorded
   * history notes the retry and its delay on the failure that caused it, without counting an event.
   */
  private noteRetry(stateName: string, attempt: number, delayMs: number): void {
    const history = this.history!;
    for (let i = history.length - 1; i >= 0; i--) {
      const e = history[i];
      if (e.stateName !== stateName) continue;
      const detail = e.detail !== null && typeof e.detail === 'object' && !Array.isArray(e.detail) ? e.detail : {};
      e.detail = { ...detail, retryAttempt: attempt, retryDelayMs: delayMs };
      return;
    }
  }

  private failFrame(run: StateRun, err: StatesError, durationMs: number): void {
    this.listener.stateFailed?.(run.name, err.error, durationMs, run.plan.index, run.enteredAt);
    run.frame.failed(err);
  }

  private retryState(run: StateRun): void {
    if (run.plan.type === 'Task') runTask(this, run);
    else if (run.plan.type === 'Parallel') runParallel(this, run);
    else runMap(this, run);
  }

  /**
   * Runs `produce`, then `next` with its value: at once for a plain value, after the promise for JSONata (the
   * host holds its clock meanwhile). A failure goes to `fail` (default: the state's retry/catch).
   */
  chain<T>(run: StateRun, produce: () => Maybe<T>, next: (value: T) => void, fail?: (err: StatesError) => void): void {
    const onError = fail ?? ((err: StatesError) => this.failState(run, err));
    let value: Maybe<T>;
    try {
      value = produce();
    } catch (e) {
      onError(asStatesError(e));
      return;
    }
    if (!(value instanceof Promise)) {
      next(value);
      return;
    }
    this.host.hold(
      value.then(
        (v) => {
          if (!run.frame.scope.cancelled) next(v);
        },
        (e: unknown) => {
          if (!run.frame.scope.cancelled) onError(asStatesError(e));
        },
      ),
    );
  }

  /** Ends the execution once; later calls are ignored. */
  finish(status: Exclude<ExecutionStatus, 'RUNNING'>, output?: Json, err?: StatesError): void {
    if (this.status !== 'RUNNING') return;
    this.closing = true;
    this.record(END_EVENTS[status], undefined, this.history && (err ? err.output : { output: output ?? null }));
    this.status = status;
    this.scope.cancel();
    this.result = {
      status,
      output,
      error: err?.error,
      cause: err?.cause,
      startMs: this.startMs,
      stopMs: this.host.now(),
      stateTransitions: this.stateTransitions,
      historyEventCount: this.historyEventCount,
      history: this.history ?? undefined,
    };
    this.ended(this.result);
  }

  /** The top level's end is the execution's. */
  succeeded(output: Json): void {
    this.finish('SUCCEEDED', output);
  }

  failed(error: StatesError): void {
    this.finish('FAILED', undefined, error);
  }
}
