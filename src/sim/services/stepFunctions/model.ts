import aslValidator from 'asl-validator';
import { Model, Outcome, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import { compileDuration, type Sampler } from '../../core/distributions.ts';
import type { Random } from '../../core/random.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';
import { SlotMap } from '../../core/slotMap.ts';
import { TokenBucket } from '../../core/tokenBucket.ts';
import type { Json } from './asl/errors.ts';
import { Execution } from './asl/execution.ts';
import { compileJsonata } from './asl/jsonataEval.ts';
import type { Validator } from './asl/load.ts';
import { statePlans } from './asl/plan.ts';
import { listTaskTargets } from './asl/targets.ts';
import type { AslHost, AslMachine, Cancellable, ExecutionListener, ExecutionOptions, ExecutionResult, ExecutionType, StateType, TaskCallbacks, TaskRequest } from './asl/types.ts';
import type { SampledRun } from '../../core/sampledRun.ts';
import { callActions, loadNodeDefinition, sameApi } from './definition.ts';
import { ExecutionSampler } from './executionSampler.ts';
import { STATE_METRICS, stateMetricName } from './kind.ts';
import { expressDurationCost, START_EXECUTION_BUCKET, STATE_TRANSITION_BUCKET, stepFunctionsPrices } from './prices.ts';
import { stepFunctionsBehaviour, waitsForTheEnd, type StepFunctionsBehaviour } from './spec.ts';
import { CallMessage } from './callMessage.ts';
import { TracedListener } from './executionTrace.ts';
import { callBody, errorPrefix, taskError, taskResult } from './taskCalls.ts';

/** An interpreter's timer; cancelling it empties the event, which still fires. */
class Scheduled implements Cancellable {
  constructor(public callback: () => void) {}

  cancel(): void {
    this.callback = noop;
  }
}
/** A Task's call: held under a slot until its reply, then on the answer timer; reused once answered. */
interface Call {
  request: TaskRequest | null;
  callbacks: TaskCallbacks | null;
  msg: Message | null;
  callbackMs: number;
  outcome: Outcome;
  info: ReplyInfo | undefined;
}
interface StateHandles {
  entered: number;
  succeeded: number;
  failed: number;
  retried: number;
  caught: number;
  duration: number;
}

function noop(): void {}
const NOT_CANCELLABLE: Cancellable = { cancel: noop };

/**
 * AWS::StepFunctions::StateMachine (docs/aws-behaviour.md, Step Functions rows): each StartExecution runs the
 * definition in the ASL interpreter (asl/) on the engine's clock. A Task calls the node its resource names
 * over this machine's `call` edge to it; the answer comes back as the Task's result or as an ASL error
 * (taskCalls.ts). StartExecution and state transitions go through AWS's token buckets, one per account for all
 * the state machines of a type.
 */
export class StateMachine extends Model implements AslHost, ReplyTo {
  readonly random: Random;
  private readonly callbackRng: Random;
  private callbackDelay!: Sampler;
  private node!: SimNode;
  private machine!: AslMachine;
  private executionType: ExecutionType = 'STANDARD';
  private behaviour!: StepFunctionsBehaviour;
  /** AWS's throttling quotas are per account and Region: every state machine of a type draws on the same buckets. */
  private startBucket!: TokenBucket;
  private readonly transitionBucket: TokenBucket;
  private routes = new Map<string, Edge>();
  private readonly unrouted = new Set<string>();
  private states = new Map<string, StateHandles>();
  /** Each state's type by name, for sampled executions' journeys. */
  private stateTypes = new Map<string, StateType>();
  /** The metrics of each state of `machine`, by the state's index (the listener's argument). */
  private handles: (StateHandles | undefined)[] = [];
  /** What executions of the current definition start with: its listener and type, with or without a history. */
  private options!: ExecutionOptions;
  private sampledOptions!: ExecutionOptions;
  /** Task calls waiting for their answer, by slot. */
  private readonly calls = new SlotMap<Call>();
  private readonly spareCalls: Call[] = [];
  private readonly scheduleTimer: Timer<Scheduled>;
  private readonly answerTimer: Timer<Call>;
  private running = 0;
  private readonly sampler = new ExecutionSampler();

  private readonly mStarted: number;
  private readonly mSucceeded: number;
  private readonly mFailed: number;
  private readonly mTimedOut: number;
  private readonly mAborted: number;
  private readonly mThrottled: number;
  private readonly mTime: number;
  private readonly mThrottledEvents: number;
  private readonly mRunning: number;
  private readonly mCost: number;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    this.transitionBucket = ctx.shared('stepFunctions/StateTransition', () => new TokenBucket(STATE_TRANSITION_BUCKET[0], STATE_TRANSITION_BUCKET[1]));
    const m = ctx.metrics;
    this.mStarted = m.counter(node.id, 'ExecutionsStarted');
    this.mSucceeded = m.counter(node.id, 'ExecutionsSucceeded');
    this.mFailed = m.counter(node.id, 'ExecutionsFailed');
    this.mTimedOut = m.counter(node.id, 'ExecutionsTimedOut');
    this.mAborted = m.counter(node.id, 'ExecutionsAborted');
    this.mThrottled = m.counter(node.id, 'ExecutionThrottled');
    this.mTime = m.distribution(node.id, 'ExecutionTime');
    this.mThrottledEvents = m.counter(node.id, 'ThrottledEvents');
    this.mRunning = m.level(node.id, 'ExecutionsRunning');
    this.mCost = m.counter(node.id, 'Cost', 'USD');
    this.random = ctx.random(node.id, 'executions');
    this.callbackRng = ctx.random(node.id, 'callbacks');
    this.scheduleTimer = ctx.timer<Scheduled>((s) => s.callback());
    this.answerTimer = ctx.timer<Call>((c) => this.answer(c));
    this.configure(node);
  }

  private configure(node: SimNode): void {
    this.node = node;
    const loaded = loadNodeDefinition(node, aslValidator as Validator, compileJsonata);
    if (!loaded.ok) {
      throw new Error(`${node.id}.properties.Definition: ${loaded.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    }
    this.machine = loaded.machine;
    this.executionType = node.properties.StateMachineType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
    this.behaviour = stepFunctionsBehaviour.parse(node.behaviour);
    this.callbackDelay = compileDuration(this.behaviour.callbackDelay);
    const [burst, rate] = START_EXECUTION_BUCKET[this.executionType];
    this.startBucket = this.ctx.shared(`stepFunctions/StartExecution/${this.executionType}`, () => new TokenBucket(burst, rate));
    const plans = statePlans(this.machine);
    this.stateTypes = new Map(plans.map((p) => [p.name, p.type]));
    const states = new Map<string, StateHandles>();
    const handles: StateHandles[] = [];
    const m = this.ctx.metrics;
    for (const { name, index } of plans) {
      let h = states.get(name) ?? this.states.get(name);
      if (!h) {
        const [entered, succeeded, failed, retried, caught] = STATE_METRICS.map((what) => m.counter(this.id, stateMetricName(name, what)));
        h = { entered, succeeded, failed, retried, caught, duration: m.distribution(this.id, stateMetricName(name, 'Duration')) };
      }
      states.set(name, h);
      handles[index] = h;
    }
    this.states = states;
    this.handles = handles;
    const listener = this.makeListener(this.machine);
    this.options = { type: this.executionType, listener, recordHistory: false };
    this.sampledOptions = { type: this.executionType, listener, recordHistory: true };
  }

  /**
   * Counts per state by the state's index in `machine`. An execution keeps the listener of the definition it
   * started with; after a live edit its states count by name in the edited one (a state it no longer has, not at all).
   */
  private makeListener(machine: AslMachine): ExecutionListener {
    const m = this.ctx.metrics;
    const handle = (state: string, index: number) => (machine === this.machine ? this.handles[index] : this.states.get(state));
    return {
      stateEntered: (state, _type, index) => {
        this.transition();
        const h = handle(state, index);
        if (h) m.add(h.entered, 1);
      },
      stateSucceeded: (state, ms, index) => {
        const h = handle(state, index);
        if (h) this.stateEnded(h.succeeded, h.duration, ms);
      },
      stateFailed: (state, _error, ms, index) => {
        const h = handle(state, index);
        if (h) this.stateEnded(h.failed, h.duration, ms);
      },
      stateCaught: (state, _error, ms, index) => {
        const h = handle(state, index);
        if (h) this.stateEnded(h.caught, h.duration, ms);
      },
      stateRetried: (state, _error, _delay, index) => {
        this.transition();
        const h = handle(state, index);
        if (h) m.add(h.retried, 1);
      },
    };
  }

  /** A state transition (an entry or a retry) through the StateTransition bucket (Standard). */
  private transition(): void {
    if (this.executionType === 'STANDARD' && !this.transitionBucket.take(this.ctx.now)) this.ctx.metrics.add(this.mThrottledEvents, 1);
  }

  private stateEnded(how: number, duration: number, ms: number): void {
    this.ctx.metrics.add(how, 1);
    this.ctx.metrics.record(duration, ms);
  }

  override start(): void {
    this.routes = new Map(this.out.filter((e) => e.role === 'call').map((e) => [e.to.id, e]));
    for (const target of listTaskTargets(this.machine as unknown as Json)) {
      if (target.dynamic || target.name === undefined || this.routes.has(target.name)) continue;
      this.ctx.warn(this.id, `Task ${target.stateName} calls ${target.name}, which has no call edge from this state machine: each call fails with ${errorPrefix(target)}.ResourceNotFoundException`);
    }
    for (const [id, edge] of this.routes) {
      const operation = edge.properties.operation;
      if (typeof operation !== 'string') continue;
      const others = [...new Set(callActions(this.node, id).map((a) => a.action).filter((a) => !sameApi(a, operation)))];
      if (others.length > 0) this.ctx.warn(this.id, `Tasks call ${others.join(', ')} on ${id}, but its edge's operation is ${operation}: ${id} serves (and bills) every call as ${operation}`);
    }
  }

  /** A live edit: a definition asl-validator refuses keeps the running one, with a warning. */
  override update(node: SimNode): void {
    try {
      this.configure(node);
    } catch (e) {
      this.ctx.warn(this.id, `the edited definition was not applied: ${(e as Error).message}`);
    }
  }

  /** The sampled executions' event histories (executionSampler.ts), newest first. */
  override sampledRuns(): SampledRun[] {
    return this.sampler.runs();
  }

  override backlog(): number {
    return this.running;
  }

  override finish(): void {
    this.ctx.metrics.setLevel(this.mRunning, this.running, this.ctx.now);
  }

  /** StartExecution / StartSyncExecution from a client, an API or a function's code. */
  override receive(msg: Message, edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    const now = this.ctx.now;
    const m = this.ctx.metrics;
    if (waitsForTheEnd(edge.properties) && this.executionType !== 'EXPRESS') {
      this.ctx.warn(this.id, 'StartSyncExecution is only for EXPRESS state machines: AWS refuses it with StateMachineTypeNotSupported');
      replyTo?.reply(slot, Outcome.Failed, now, { reason: 'StateMachineTypeNotSupported' });
      return;
    }
    if (!this.startBucket.take(now)) {
      m.add(this.mThrottled, 1);
      msg.trace?.hop(this.id, 'throttle', 'StartExecution throttled', now, now, 'ThrottlingException');
      replyTo?.reply(slot, Outcome.Throttled, now, { reason: 'ThrottlingException' });
      return;
    }
    m.add(this.mStarted, 1);
    if (this.executionType === 'EXPRESS') m.add(this.mCost, stepFunctionsPrices.expressRequest);
    this.running++;
    m.setLevel(this.mRunning, this.running, now);
    const period = this.ctx.metrics.periods;
    const sampled = this.sampler.wants(period);
    // A sampled request's execution records its states on the journey and its Task calls carry it.
    const trace = msg.trace;
    let options = sampled ? this.sampledOptions : this.options;
    if (trace !== null) options = { ...options, listener: new TracedListener(options.listener ?? {}, trace, this.id, this.stateTypes, this.ctx), trace };
    // StartExecution answers its caller once the execution is started; StartSyncExecution when it ends.
    const waits = waitsForTheEnd(edge.properties);
    const execution = new StartedExecution(this, this.machine, options, msg.id, waits ? replyTo : null, slot, sampled);
    // Its place in the journey's order, after the API that accepted the request and before its first state.
    if (trace !== null) execution.startSeq = trace.seq();
    if (sampled) this.sampler.started(period, execution);
    execution.start((msg.body ?? {}) as Json);
    if (!waits) replyTo?.reply(slot, Outcome.Ok, now);
  }

  /** An execution `receive` started ended. */
  executionEnded(execution: StartedExecution, result: ExecutionResult): void {
    const trace = execution.trace;
    if (trace !== null) {
      const status = result.status + (result.error ? `: ${result.error}` : '');
      trace.hop(this.id, 'span', execution.name, result.startMs, result.stopMs, status, result.status !== 'SUCCEEDED', execution.startSeq);
      if (result.status !== 'SUCCEEDED') trace.fail(`${execution.name} of ${this.id} ended ${status}`);
    }
    this.ended(result, execution.replyTo, execution.slot);
    if (execution.sampled) this.sampler.ended(execution);
  }

  private ended(result: ExecutionResult, replyTo: ReplyTo | null, slot: number): void {
    const now = this.ctx.now;
    const m = this.ctx.metrics;
    this.running--;
    m.setLevel(this.mRunning, this.running, now);
    const ms = result.stopMs - result.startMs;
    m.record(this.mTime, ms);
    m.add(this.mCost, this.executionType === 'STANDARD' ? result.stateTransitions * stepFunctionsPrices.standardTransition : expressDurationCost(ms, this.behaviour.billedMemoryMB));
    switch (result.status) {
      case 'SUCCEEDED':
        m.add(this.mSucceeded, 1);
        replyTo?.reply(slot, Outcome.Ok, now);
        return;
      case 'FAILED':
        m.add(this.mFailed, 1);
        break;
      case 'TIMED_OUT':
        m.add(this.mTimedOut, 1);
        break;
      case 'ABORTED':
        m.add(this.mAborted, 1);
        break;
    }
    // StartSyncExecution answers 200 with the status; the caller sees a failed request.
    replyTo?.reply(slot, Outcome.Failed, now, { reason: `${result.status}: ${result.error ?? ''}` });
  }

  // AslHost
  now(): number {
    return this.ctx.now;
  }

  get horizonMs(): number {
    return this.ctx.durationMs;
  }

  schedule(atMs: number, callback: () => void): Cancellable {
    // A time past the run's end never comes (e.g. a Standard execution's 1-year timeout): keep no timer for it.
    if (atMs > this.ctx.durationMs) return NOT_CANCELLABLE;
    const s = new Scheduled(callback);
    this.scheduleTimer.at(atMs, s);
    return s;
  }

  hold(): void {
    // loadNodeDefinition refuses JSONata, the only data flow that holds a promise.
    throw new Error(`${this.id}: a JSONata evaluation reached the engine; JSONata states are refused at load`);
  }

  startTask(request: TaskRequest, callbacks: TaskCallbacks): void {
    const now = this.ctx.now;
    const msg = new CallMessage(this.ctx.nextMessageId(), now, callBody(request), request.trace);
    const edge = request.target === undefined ? undefined : this.routes.get(request.target);
    if (!edge) {
      const what = request.target ?? 'a target computed from the input';
      if (!this.unrouted.has(what)) {
        this.unrouted.add(what);
        this.ctx.warn(this.id, `Task ${request.stateName} called ${what}, which has no call edge from this state machine`);
      }
      this.answerTimer.at(now, this.call(request, callbacks, msg, 0, Outcome.Failed, { reason: 'ResourceNotFoundException' }));
      return;
    }
    if (edge.async) {
      this.send(edge, msg, null, -1);
      this.answerTimer.at(now + this.callbackMs(request), this.call(request, callbacks, msg, 0, Outcome.Ok, undefined));
      return;
    }
    this.send(edge, msg, this, this.calls.put(this.call(request, callbacks, msg, this.callbackMs(request), Outcome.Ok, undefined)));
  }

  private call(request: TaskRequest, callbacks: TaskCallbacks, msg: Message, callbackMs: number, outcome: Outcome, info: ReplyInfo | undefined): Call {
    const call = this.spareCalls.pop();
    if (!call) return { request, callbacks, msg, callbackMs, outcome, info };
    call.request = request;
    call.callbacks = callbacks;
    call.msg = msg;
    call.callbackMs = callbackMs;
    call.outcome = outcome;
    call.info = info;
    return call;
  }

  /** The answer to the Task call in `slot`. */
  reply(slot: number, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    const call = this.calls.take(slot);
    call.outcome = outcome;
    call.info = info;
    this.answerTimer.at(outcome === Outcome.Ok ? doneAt + call.callbackMs : doneAt, call);
  }

  /** .waitForTaskToken: the call only hands the token over; the Task ends when SendTaskSuccess comes back. */
  private callbackMs(request: TaskRequest): number {
    return request.integration.pattern === 'waitForTaskToken' ? this.callbackDelay(this.callbackRng) : 0;
  }

  private answer(call: Call): void {
    const { outcome, info } = call;
    const request = call.request!;
    const callbacks = call.callbacks!;
    const msg = call.msg!;
    call.request = call.callbacks = call.msg = null;
    call.info = undefined;
    this.spareCalls.push(call);
    if (outcome === Outcome.Ok) {
      callbacks.succeed(taskResult(request, msg));
      return;
    }
    const [error, cause] = taskError(request, outcome, info);
    callbacks.fail(error, cause);
  }
}

/**
 * An execution a StartExecution began: where its answer goes, and its name (`execution-<message id>`, written
 * only if the context object or a sampled journey reads it).
 */
class StartedExecution extends Execution {
  /** A sampled request's execution: its place in the journey's order when it started (core/journey.ts); else -1. */
  startSeq = -1;

  constructor(
    private readonly model: StateMachine,
    machine: AslMachine,
    options: ExecutionOptions,
    private readonly messageId: number,
    readonly replyTo: ReplyTo | null,
    readonly slot: number,
    readonly sampled: boolean,
  ) {
    super(machine, model, options);
  }

  override get name(): string {
    return `execution-${this.messageId}`;
  }

  protected override ended(result: ExecutionResult): void {
    this.model.executionEnded(this, result);
  }
}

export const createModel: ModelFactory = (ctx, node) => new StateMachine(ctx, node);
