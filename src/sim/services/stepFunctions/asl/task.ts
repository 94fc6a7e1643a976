/**
 * The Task state: hands the effective input to the host and waits for its answer, under TimeoutSeconds and
 * HeartbeatSeconds (aws-behaviour.md, Step Functions, "Task" row: both default to 99,999,999 s, so no timer is
 * set unless the state names one). A late answer after a timeout is ignored, as AWS ignores a late
 * SendTaskSuccess.
 */
import { effectiveInput, numberField, type Maybe } from './dataFlow.ts';
import { asStatesError, StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import type { Execution, StateRun } from './execution.ts';
import { parseResource, shortName, type TaskIntegration } from './targets.ts';
import type { AslState, Cancellable, TaskCallbacks, TaskRequest } from './types.ts';
import type { Trace } from '../../../core/journey.ts';

interface Prepared {
  input: Json;
  timeoutS: number | undefined;
  heartbeatS: number | undefined;
}

/** What every run of a Task state reads from its definition, read once. */
interface TaskPlan {
  resource: string;
  integration: TaskIntegration;
  /** It sets TimeoutSeconds or HeartbeatSeconds (or a Path form): without, no timer is set. */
  timed: boolean;
}

function planOf(state: AslState): TaskPlan {
  const resource = state.Resource ?? '';
  const timed = [state.TimeoutSeconds, state.TimeoutSecondsPath, state.HeartbeatSeconds, state.HeartbeatSecondsPath].some((v) => v !== undefined);
  return { resource, integration: parseResource(resource), timed };
}

export function runTask(exec: Execution, run: StateRun): void {
  const plan = (run.plan.task ??= planOf(run.state)) as TaskPlan;
  const taskToken = plan.integration.pattern === 'waitForTaskToken' ? makeToken(exec) : undefined;
  const env = exec.env(run, taskToken ? { Task: { Token: taskToken } } : undefined);
  if (run.jsonata) {
    exec.chain(run, () => prepare(run, env, plan.timed), (p) => schedule(exec, run, plan, p.input, p.timeoutS, p.heartbeatS, taskToken));
    return;
  }
  // JSONPath data flow answers at once: no closures on every Task's path, and no Prepared without timers.
  let input: Json;
  let timeoutS: number | undefined;
  let heartbeatS: number | undefined;
  try {
    if (plan.timed) ({ input, timeoutS, heartbeatS } = prepare(run, env, true) as Prepared);
    else input = effectiveInput(run.state, env) as Json;
  } catch (e) {
    exec.failState(run, asStatesError(e));
    return;
  }
  schedule(exec, run, plan, input, timeoutS, heartbeatS, taskToken);
}

function schedule(
  exec: Execution, run: StateRun, plan: TaskPlan, input: Json, timeoutS: number | undefined, heartbeatS: number | undefined, taskToken: string | undefined,
): void {
  const { name } = run;
  const { integration, resource } = plan;
  if (!exec.record('TaskScheduled', name, exec.history && ({ resource, parameters: input }))) return;
  if (!exec.record('TaskStarted', name)) return;
  if (integration.pattern !== 'requestResponse' && !exec.record('TaskSubmitted', name)) return;
  const call = new TaskCall(exec, run, plan, input, timeoutS, heartbeatS, taskToken);
  call.handle = exec.host.startTask(call, call);
  // A call with timers joined its scope at once; one without has only the host's handle for a cancel to stop.
  if (call.handle && !call.timed && !call.settled) call.joinScope();
}

function prepare(run: StateRun, env: ReturnType<Execution['env']>, timed: boolean): Maybe<Prepared> {
  const input = effectiveInput(run.state, env);
  if (!timed) return input instanceof Promise ? input.then((i) => ({ input: i, timeoutS: undefined, heartbeatS: undefined })) : { input, timeoutS: undefined, heartbeatS: undefined };
  const timeout = numberField(run.state, 'TimeoutSeconds', env, run.raw);
  const heartbeat = numberField(run.state, 'HeartbeatSeconds', env, run.raw);
  if (input instanceof Promise || timeout instanceof Promise || heartbeat instanceof Promise) {
    return Promise.all([input, timeout, heartbeat]).then(([i, t, h]) => checked(run, { input: i, timeoutS: t, heartbeatS: h }));
  }
  return checked(run, { input, timeoutS: timeout, heartbeatS: heartbeat });
}

function checked(run: StateRun, prepared: Prepared): Prepared {
  const { timeoutS, heartbeatS } = prepared;
  if (heartbeatS !== undefined && timeoutS !== undefined && heartbeatS >= timeoutS) {
    throw new StatesError(StatesErrors.Runtime, `State '${run.name}': HeartbeatSeconds (${heartbeatS}) must be smaller than TimeoutSeconds (${timeoutS})`);
  }
  return prepared;
}

/**
 * One call of a Task: the request the host gets, and the callbacks it answers through (the same object, one
 * per call), racing the timeout and the heartbeat; the first answer wins. A class, not closures: the host
 * calls its methods as `callbacks.succeed(...)`.
 */
class TaskCall implements TaskRequest, TaskCallbacks, Cancellable {
  readonly stateName: string;
  readonly resource: string;
  readonly integration: TaskIntegration;
  readonly target: string | undefined;
  readonly attempt: number;
  /** The execution's journey when it is sampled, which the call carries to its target; null for most. */
  readonly trace: Trace | null;
  handle: Cancellable | void = undefined;
  settled = false;
  /** It has a timeout or heartbeat timer, so it is in its scope from the start. */
  readonly timed: boolean;
  /** It is among its scope's pending items (settling takes it out). */
  private inScope = false;
  private timeoutTimer: Cancellable | undefined = undefined;
  private heartbeatTimer: Cancellable | undefined = undefined;

  constructor(
    private readonly exec: Execution,
    private readonly run: StateRun,
    plan: TaskPlan,
    readonly input: Json,
    timeoutS: number | undefined,
    private readonly heartbeatS: number | undefined,
    readonly taskToken: string | undefined,
  ) {
    this.stateName = run.name;
    this.trace = exec.trace;
    this.resource = plan.resource;
    this.integration = plan.integration;
    this.attempt = run.retries?.total ?? 0;
    this.timed = timeoutS !== undefined || heartbeatS !== undefined;
    // A cancelled scope cancels (settles) the call: an answer after that is ignored. Without timers or a
    // handle from the host, cancelling does nothing else, so such a call does not join the scope.
    if (this.timed) this.joinScope();
    else if (run.frame.scope.cancelled) this.settled = true;
    const { host } = exec;
    if (timeoutS !== undefined) {
      this.timeoutTimer = host.schedule(host.now() + timeoutS * 1000, () =>
        this.timedOut(StatesErrors.Timeout, `The task ran longer than TimeoutSeconds (${timeoutS} s)`),
      );
    }
    this.armHeartbeat();
    this.target = targetOf(plan, input);
  }

  succeed(result: Json): void {
    if (!this.settle()) return;
    if (!this.exec.record('TaskSucceeded', this.run.name, this.exec.history && ({ output: result }))) return;
    this.exec.finishWith(this.run, result);
  }

  fail(error: string, cause = ''): void {
    if (!this.settle()) return;
    if (!this.exec.record('TaskFailed', this.run.name, this.exec.history && ({ error, cause }))) return;
    this.exec.failState(this.run, new StatesError(error, cause));
  }

  heartbeat(): void {
    if (!this.settled) this.armHeartbeat();
  }

  private armHeartbeat(): void {
    const seconds = this.heartbeatS;
    if (seconds === undefined) return;
    this.heartbeatTimer?.cancel();
    const { host } = this.exec;
    this.heartbeatTimer = host.schedule(host.now() + seconds * 1000, () =>
      this.timedOut(StatesErrors.HeartbeatTimeout, `No heartbeat for HeartbeatSeconds (${seconds} s)`),
    );
  }

  private timedOut(error: string, cause: string): void {
    if (!this.settle()) return;
    this.handle?.cancel();
    if (!this.exec.record('TaskTimedOut', this.run.name, this.exec.history && ({ error, cause }))) return;
    this.exec.failState(this.run, new StatesError(error, cause));
  }

  /** The first answer wins; false for any later one, or once the scope is cancelled. */
  private settle(): boolean {
    if (this.settled || this.run.frame.scope.cancelled) return false;
    this.settled = true;
    if (this.inScope) this.run.frame.scope.remove(this);
    this.stopTimers();
    return true;
  }

  joinScope(): void {
    this.inScope = true;
    this.run.frame.scope.add(this);
  }

  /** The scope was cancelled (a failed sibling branch, the execution's end): stop the host's work. */
  cancel(): void {
    if (this.settled) return;
    this.settled = true;
    this.stopTimers();
    this.handle?.cancel();
  }

  private stopTimers(): void {
    this.timeoutTimer?.cancel();
    this.heartbeatTimer?.cancel();
  }
}

/** The resource a call names, where AWS reads it (its short name, to match a node). */
function targetOf(plan: TaskPlan, input: Json): string | undefined {
  const { integration, resource } = plan;
  if (!integration.statesArn) return shortName(resource);
  if (!integration.targetField || input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  if (integration.service === 'events' && integration.action === 'putEvents') {
    const first = Array.isArray(input.Entries) ? (input.Entries[0] as JsonObject | undefined) : undefined;
    const bus = first?.EventBusName;
    return typeof bus === 'string' ? shortName(bus) : 'default';
  }
  const value = input[integration.targetField];
  return typeof value === 'string' ? shortName(value) : undefined;
}

function makeToken(exec: Execution): string {
  let token = '';
  for (let i = 0; i < 4; i++) token += exec.host.random.nextUint32().toString(16).padStart(8, '0');
  return token;
}
