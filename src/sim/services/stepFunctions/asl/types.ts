/**
 * The shapes of an Amazon States Language definition (as far as the interpreter reads them) and of the host
 * interface through which an Execution lives on a simulated clock. README.md in this folder explains how a
 * model wires an Execution.
 */
import type { Trace } from '../../../core/journey.ts';
import type { Random } from '../../../core/random.ts';
import type { Json, JsonObject } from './errors.ts';
import type { Catcher, Retrier } from './retry.ts';
import type { TaskIntegration } from './targets.ts';

export type QueryLanguage = 'JSONPath' | 'JSONata';
export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

export interface AslMachine {
  StartAt: string;
  States: Record<string, AslState>;
  QueryLanguage?: QueryLanguage;
  TimeoutSeconds?: number;
  Comment?: string;
  Version?: string;
}

export interface AslState {
  Type: StateType;
  Next?: string;
  End?: boolean;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  InputPath?: string | null;
  OutputPath?: string | null;
  Parameters?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  Arguments?: Json;
  Output?: Json;
  Assign?: JsonObject;
  Result?: Json;
  Resource?: string;
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Retry?: Retrier[];
  Catch?: Catcher[];
  Choices?: JsonObject[];
  Default?: string;
  Seconds?: number | string;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
  Branches?: AslMachine[];
  ItemProcessor?: AslMachine & { ProcessorConfig?: { Mode?: string; ExecutionType?: string } };
  Iterator?: AslMachine;
  ItemsPath?: string;
  Items?: Json;
  ItemSelector?: Json;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
}

/** One call of a Task state, handed to the host. */
export interface TaskRequest {
  /** The state's name (unique in the whole definition). */
  stateName: string;
  /** The Resource after DefinitionSubstitutions. */
  resource: string;
  /** The integration and its target as AWS reads them from Resource and the input (targets.ts). */
  integration: TaskIntegration;
  /**
   * The short name of the resource the call names (function, table, queue, topic, event bus, state machine),
   * read where AWS reads it from the effective input; undefined when the integration names none.
   */
  target?: string;
  /** The effective input: Parameters (JSONPath) or Arguments (JSONata) evaluated. */
  input: Json;
  /** For `.waitForTaskToken`: the token the input carries (`$$.Task.Token`). */
  taskToken?: string;
  /** 0 for the first attempt, n for the n-th retry. */
  attempt: number;
  /** The execution's journey when its request is sampled (ExecutionOptions.trace), else null: the call carries it. */
  trace: Trace | null;
}

/** How the host answers a Task, once, at a later (or the same) simulated time. */
export interface TaskCallbacks {
  /** The task's result (a Lambda invoke's result is `{ Payload, StatusCode, ... }` as AWS returns it). */
  succeed(result: Json): void;
  /** The task's error name (e.g. Lambda.TooManyRequestsException or the function's own) and cause. */
  fail(error: string, cause?: string): void;
  /** SendTaskHeartbeat: restarts the HeartbeatSeconds timer. */
  heartbeat(): void;
}

export interface Cancellable {
  cancel(): void;
}

export interface AslHost {
  /** The simulated time in milliseconds. */
  now(): number;
  /** Calls back at a simulated time (never earlier than now); the handle cancels it. */
  schedule(atMs: number, callback: () => void): Cancellable;
  /** A time the clock never passes (the run's end), if there is one: the interpreter schedules no timeout beyond it. */
  readonly horizonMs?: number;
  /** The execution's random stream (retry jitter, States.MathRandom, States.UUID, task tokens). */
  random: Random;
  /**
   * Runs a Task. Returns a handle to stop the work when the state times out or the execution ends (the
   * interpreter ignores callbacks after that), or nothing when there is nothing to stop.
   */
  startTask(request: TaskRequest, callbacks: TaskCallbacks): Cancellable | void;
  /**
   * JSONata evaluates asynchronously: the host must let this promise settle before it runs any later event,
   * so the evaluation takes no simulated time. JSONPath states never call this.
   */
  hold(work: Promise<void>): void;
}

/**
 * What happened, for metrics: every call is optional. `index` is the state's position among all the states of
 * the definition (depth first, as targets.ts's visitMachine lists them; plan.ts statePlans), to count by.
 */
export interface ExecutionListener {
  stateEntered?(state: string, type: StateType, index: number): void;
  /** `enteredAtMs`: when this run of the state was entered (its duration is measured from it). */
  stateSucceeded?(state: string, durationMs: number, index: number, enteredAtMs: number): void;
  stateFailed?(state: string, error: string, durationMs: number, index: number, enteredAtMs: number): void;
  /** The `attempt`-th retry of the run of the state, decided by `retrier`, waits `delayMs`. */
  stateRetried?(state: string, error: string, delayMs: number, index: number, attempt: number, retrier: Retrier): void;
  stateCaught?(state: string, error: string, durationMs: number, index: number, enteredAtMs: number): void;
}

export type ExecutionType = 'STANDARD' | 'EXPRESS';
export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionOptions {
  type?: ExecutionType;
  name?: string;
  stateMachineArn?: string;
  /** The wall-clock instant simulated time 0 stands for (ISO timestamps, Wait's Timestamp). */
  epochMs?: number;
  /** Default: the definition's TimeoutSeconds, else 1 year (Standard) or 5 minutes (Express). */
  timeoutSeconds?: number;
  /** Default 25,000 for Standard (aws-behaviour.md, "states" row); Express has no history. */
  historyLimit?: number;
  /** Keep the event history list (for one sampled execution); otherwise events are only counted. */
  recordHistory?: boolean;
  /** Iterations an inline Map with MaxConcurrency 0 runs at once (AWS: "about 40"). */
  inlineMapConcurrency?: number;
  listener?: ExecutionListener;
  /** The sampled request's journey (core/journey.ts): the interpreter only hands it to each Task call. */
  trace?: Trace | null;
}

export interface HistoryEvent {
  id: number;
  timeMs: number;
  timestamp: string;
  type: string;
  stateName?: string;
  detail?: Json;
}

export interface ExecutionResult {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: Json;
  error?: string;
  cause?: string;
  startMs: number;
  stopMs: number;
  /** Billed state transitions (Standard): states entered plus retries. */
  stateTransitions: number;
  historyEventCount: number;
  history?: HistoryEvent[];
}
