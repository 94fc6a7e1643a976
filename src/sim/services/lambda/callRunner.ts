import { Outcome, OUTCOME_NAMES, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type Timer } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import { callFailure, callMessage, callsFor, sdkRetries, sdkRetryDelay, SDK_MAX_ATTEMPTS, type CallPlan } from './calls.ts';
import type { Invocation, InvocationPool } from './invocation.ts';

/** What the call runner needs of its function (the LambdaModel). */
export interface CallHost {
  readonly id: string;
  sendOn(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void;
  /** Ends the invocation now (its outcome, durationMs and failInfo are set). */
  endNow(inv: Invocation): void;
  /** Ends the invocation at `at` (an event). */
  endAt(inv: Invocation, at: number): void;
  /** A late answer came for an invocation that already timed out: it may go back to the pool. */
  release(inv: Invocation): void;
}

/**
 * Runs an invocation's SDK calls (its `call` edges). Model: the handler first makes its calls, in edge order,
 * perInvocation times each, one after another, waiting for each answer (a call's latency is the callee's
 * doneAt, so a slow or retried call lengthens Duration, concurrency and cost); then it computes for the sampled
 * duration. A throttled or 5xx call is retried as JS SDK v3 standard mode does (3 attempts); a call that still
 * fails, or a RequestResponse invoke that returns a function error, makes the handler throw (FunctionError
 * naming the call). Timeout still applies: past it the invocation ends as FunctionTimeout.
 */
export class CallRunner implements ReplyTo {
  private readonly stepTimer: Timer<Invocation>;
  private readonly doneTimer: Timer<Invocation>;
  private readonly deadlineTimer: Timer<Invocation>;

  constructor(
    private readonly ctx: SimContext,
    private readonly host: CallHost,
    /** The function's invocations: a call's answer names its invocation by index (the slot). */
    private readonly invocations: InvocationPool,
    private plans: CallPlan[],
    private readonly rng: Random,
    /** Metric handles SdkCallRetries and SdkCallFailures. */
    private readonly mRetries: number,
    private readonly mFailures: number,
  ) {
    this.stepTimer = ctx.timer((inv) => this.step(inv));
    this.doneTimer = ctx.timer((inv) => this.callDone(inv));
    this.deadlineTimer = ctx.timer((inv) => this.onDeadline(inv));
  }

  /** Edited plans (same edges, new properties); invocations in flight continue with them. */
  setPlans(plans: CallPlan[]): void {
    this.plans = plans;
  }

  /** The handler of `inv` starts at `handlerStart` with Timeout `timeoutMs`. */
  begin(inv: Invocation, handlerStart: number, timeoutMs: number): void {
    inv.handlerStart = handlerStart;
    inv.deadline = handlerStart + timeoutMs;
    inv.callIndex = 0;
    inv.callRep = 0;
    inv.attempt = 0;
    inv.waiting = false;
    inv.orphaned = false;
    if (handlerStart > this.ctx.now) this.stepTimer.at(handlerStart, inv);
    else this.step(inv);
  }

  /** Timeout while a call is still unanswered (a slow RequestResponse invoke). */
  private onDeadline(inv: Invocation): void {
    if (inv.waiting && this.ctx.now >= inv.deadline) {
      inv.waiting = false;
      inv.orphaned = true;
      this.timeOut(inv);
    }
  }

  /** Makes the next call (or a retry), or starts the compute part when all calls are done. */
  private step(inv: Invocation): void {
    const now = this.ctx.now;
    if (now >= inv.deadline) {
      this.timeOut(inv);
      return;
    }
    const plans = this.plans;
    while (inv.callIndex < plans.length && inv.callRep >= callsFor(plans[inv.callIndex], inv.msg)) {
      inv.callIndex++;
      inv.callRep = 0;
    }
    if (inv.callIndex >= plans.length) {
      this.compute(inv, now);
      return;
    }
    const plan = plans[inv.callIndex];
    inv.attempt++;
    const records = plan.perRecord ? (inv.msg as Message).records : null;
    // A per-record call carries its record's key, so each message's partition key reaches the table.
    const from = records ? records[Math.floor(inv.callRep / plan.count)] : (inv.msg as Message);
    const msg = callMessage(this.ctx.nextMessageId(), plan, from);
    if (plan.fireAndForget) {
      this.host.sendOn(plan.edge, msg, null, -1);
      this.answered(inv, Outcome.Ok, now + plan.latencyMs, undefined);
      return;
    }
    inv.waiting = true;
    this.host.sendOn(plan.edge, msg, this, inv.index);
    if (inv.waiting) this.deadlineTimer.at(inv.deadline, inv);
  }

  /** The answer to the call of the invocation whose index is `slot`. */
  reply(slot: number, outcome: Outcome, doneAt: number, info?: ReplyInfo): void {
    this.answered(this.invocations.at(slot), outcome, doneAt, info);
  }

  private answered(inv: Invocation, outcome: Outcome, doneAt: number, info: ReplyInfo | undefined): void {
    if (inv.orphaned) {
      inv.orphaned = false;
      this.host.release(inv);
      return;
    }
    inv.waiting = false;
    if (outcome === Outcome.Ok && doneAt <= inv.deadline && this.isLastCall(inv)) {
      // The last call succeeded: the compute part follows its answer, no event needed in between.
      inv.callRep++;
      this.compute(inv, doneAt);
      return;
    }
    inv.callOutcome = outcome;
    inv.callDoneAt = doneAt;
    inv.callInfo = info;
    this.doneTimer.at(doneAt < inv.deadline ? doneAt : inv.deadline, inv);
  }

  private callDone(inv: Invocation): void {
    const now = this.ctx.now;
    if (inv.callDoneAt > inv.deadline) {
      this.timeOut(inv);
      return;
    }
    const outcome = inv.callOutcome;
    if (outcome === Outcome.Ok) {
      inv.callRep++;
      inv.attempt = 0;
      this.step(inv);
      return;
    }
    const plan = this.plans[inv.callIndex];
    if (sdkRetries(outcome) && inv.attempt < SDK_MAX_ATTEMPTS) {
      this.ctx.metrics.add(this.mRetries, 1);
      const at = now + sdkRetryDelay(inv.attempt, outcome === Outcome.Throttled, this.rng);
      // aws-behaviour DynamoDB "throttle": the SDK's backoff before its next attempt.
      (inv.msg as Message).trace?.hop(this.host.id, 'retry', `SDK retry ${inv.attempt} to ${plan.edge.to.id} waits`, now, at, `after ${OUTCOME_NAMES[outcome]}, attempt ${inv.attempt + 1} of ${SDK_MAX_ATTEMPTS}`);
      this.stepTimer.at(at < inv.deadline ? at : inv.deadline, inv);
      return;
    }
    this.ctx.metrics.add(this.mFailures, 1);
    inv.outcome = Outcome.FunctionError;
    inv.failInfo = callFailure(plan, outcome, inv.attempt, inv.callInfo);
    inv.durationMs = now - inv.handlerStart;
    this.host.endNow(inv);
  }

  private isLastCall(inv: Invocation): boolean {
    const plans = this.plans;
    if (inv.callRep + 1 < callsFor(plans[inv.callIndex], inv.msg)) return false;
    for (let i = inv.callIndex + 1; i < plans.length; i++) if (callsFor(plans[i], inv.msg) > 0) return false;
    return true;
  }

  /** All calls answered at `at`: the handler computes, then ends (or times out). */
  private compute(inv: Invocation, at: number): void {
    const end = at + inv.computeMs;
    if (end >= inv.deadline) {
      inv.outcome = Outcome.FunctionTimeout;
      inv.durationMs = inv.deadline - inv.handlerStart;
      this.host.endAt(inv, inv.deadline);
      return;
    }
    inv.durationMs = end - inv.handlerStart;
    this.host.endAt(inv, end);
  }

  private timeOut(inv: Invocation): void {
    inv.outcome = Outcome.FunctionTimeout;
    inv.failedRecords = null;
    inv.durationMs = inv.deadline - inv.handlerStart;
    this.host.endNow(inv);
  }
}
