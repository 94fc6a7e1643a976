import { compileDuration, type Sampler } from '../../core/distributions.ts';
import { Model, Outcome, type Edge, type Message, type ReplyTo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import { TokenBucket } from '../../core/tokenBucket.ts';
import {
  REQUESTS_PER_CONCURRENCY,
  functionScalingBucket,
  lambdaAccount,
  unreservedCapacity,
  type LambdaAccount,
} from './account.ts';
import { AsyncInvocations, type AsyncHost } from './asyncInvocations.ts';
import type { AsyncEvent } from './asyncQueue.ts';
import { CallRunner, type CallHost } from './callRunner.ts';
import { compileCallPlans } from './calls.ts';
import { IdleEnvironments } from './environments.ts';
import { Invocation, InvocationPool } from './invocation.ts';
import { traceInvocation } from './invocationTrace.ts';
import { lambdaPrices, type LambdaArchitecture } from './prices.ts';
import { durationScale, lambdaBehaviour, lambdaProperties, type LambdaBehaviour } from './spec.ts';
import {
  R_ACCOUNT as ACCOUNT,
  R_FUNCTION_RATE as FUNCTION_RATE,
  R_RESERVED as RESERVED,
  R_RESERVED_RATE as RESERVED_RATE,
  R_SCALING as SCALING,
  THROTTLE_INFO,
  THROTTLE_REASONS,
  throttleMetricName,
  type ThrottleReason,
} from './throttleReasons.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';

// Module-local copies: the hot path reads plain constants, not imported bindings.
const R_RESERVED = RESERVED;
const R_ACCOUNT = ACCOUNT;
const R_RESERVED_RATE = RESERVED_RATE;
const R_FUNCTION_RATE = FUNCTION_RATE;
const R_SCALING = SCALING;
const STARTED = -1;
/** Init phase limit (docs/aws-behaviour.md, Lambda "cold start"). */
const INIT_LIMIT_MS = 10_000;

/**
 * AWS::Lambda::Function, synchronous path (docs/aws-behaviour.md, Lambda rows). An invocation is admitted
 * onto a free provisioned environment, else onto on-demand capacity (reserved cap, or the account's
 * unreserved pool): a warm idle environment if there is one, else a new one (a cold start) if the scaling
 * rule has a token; a synchronous invocation must also fit the request-rate quota (10 x reserved concurrency,
 * or one bucket of 10 x the account concurrency shared by every unreserved function). Otherwise: 429 with a
 * reason.
 * Event invocations (receive with no ReplyTo) go through the async path (asyncInvocations.ts); `call` edges make
 * each invocation perform SDK calls before its compute time (callRunner.ts).
 */
export class LambdaModel extends Model implements AsyncHost, CallHost {
  private readonly acc: LambdaAccount;
  /** An invocation's end. */
  private readonly completeTimer: Timer<Invocation>;
  /** The asynchronous (Event) invocation path: internal queue, retries, DLQ and destinations. */
  readonly asyncPath: AsyncInvocations;
  /** SDK calls of the function's `call` edges; null without any (the sync path then pays nothing for them). */
  private calls: CallRunner | null = null;
  private readonly pool = new InvocationPool();
  private readonly idle = new IdleEnvironments();
  private readonly ownScaling = functionScalingBucket();
  /** The request-rate bucket of a function with reserved concurrency (unreserved ones share the account's). */
  private readonly reservedRate = new TokenBucket(0, 0);
  private readonly durationRng: Random;
  private readonly coldRng: Random;
  private readonly errorRng: Random;

  // Configuration (configure()).
  private reserved = -1; // -1: no reservation
  private provisioned = 0;
  private timeoutMs = 3000;
  private arch: LambdaArchitecture = 'x86_64';
  private behaviour!: LambdaBehaviour;
  private sampleDuration!: Sampler;
  private sampleColdStart!: Sampler;
  private scale = 1;
  private usdPerBilledMs = 0;
  private reservedRatePerSecond = -1;

  // State.
  private provBusy = 0;
  private onDemandBusy = 0;

  private readonly mInvocations: number;
  private readonly mErrors: number;
  private readonly mThrottles: number;
  private readonly mReasons: number[];
  private readonly mDuration: number;
  private readonly mInit: number;
  private readonly mConcurrent: number;
  private readonly mColdStarts: number;
  private readonly mSpillover: number;
  private readonly mCost: number;
  private mSdkRetries = -1;
  private mSdkFailures = -1;
  private readonly sdkRng: Random;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    this.acc = lambdaAccount(ctx);
    this.completeTimer = ctx.timer((inv) => this.complete(inv));
    this.durationRng = ctx.random(node.id, 'duration');
    this.coldRng = ctx.random(node.id, 'coldStart');
    this.errorRng = ctx.random(node.id, 'errors');
    const m = ctx.metrics;
    this.mInvocations = m.counter(node.id, 'Invocations');
    this.mErrors = m.counter(node.id, 'Errors');
    this.mThrottles = m.counter(node.id, 'Throttles');
    this.mReasons = THROTTLE_REASONS.map((r) => m.counter(node.id, throttleMetricName(r)));
    this.mDuration = m.distribution(node.id, 'Duration');
    this.mInit = m.distribution(node.id, 'InitDuration');
    this.mConcurrent = m.level(node.id, 'ConcurrentExecutions');
    this.mColdStarts = m.counter(node.id, 'ColdStarts');
    this.mSpillover = m.counter(node.id, 'ProvisionedConcurrencySpilloverInvocations');
    this.mCost = m.counter(node.id, 'Cost', 'USD');
    this.sdkRng = ctx.random(node.id, 'sdkRetries');
    this.asyncPath = new AsyncInvocations(ctx, this);
    this.configure(node);
  }

  /** Executions running now (provisioned and on-demand). */
  get concurrency(): number {
    return this.provBusy + this.onDemandBusy;
  }

  /** The most executions this function may run now: its reservation, or its provisioned plus the unreserved pool. */
  get concurrencyLimit(): number {
    if (this.reserved >= 0) return this.reserved;
    return this.provisioned + unreservedCapacity(this.acc, this.ctx.settings.lambdaAccountConcurrency);
  }

  override limits(): Readonly<Record<string, number>> {
    return { ConcurrentExecutions: this.concurrencyLimit };
  }

  /** Warm on-demand environments waiting for work. */
  get idleEnvironments(): number {
    return this.idle.size;
  }

  get provisionedConcurrency(): number {
    return this.provisioned;
  }

  private configure(node: SimNode): void {
    const p = lambdaProperties.parse(node.properties);
    const b = lambdaBehaviour.parse(node.behaviour);
    // Undo this function's old share of the account, then add the new one.
    if (this.reserved >= 0) this.acc.reservedTotal -= this.reserved;
    else this.acc.provisionedUnreserved -= this.provisioned;
    this.reserved = p.ReservedConcurrentExecutions ?? -1;
    let provisioned = p.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions;
    if (this.reserved >= 0 && provisioned > this.reserved) {
      this.ctx.warn(
        this.id,
        `provisioned concurrency ${provisioned} is above its reserved concurrency ${this.reserved}; ` +
          `AWS counts provisioned inside reserved, so it was lowered to ${this.reserved}`,
      );
      provisioned = this.reserved;
    }
    this.provisioned = provisioned;
    if (this.reserved >= 0) this.acc.reservedTotal += this.reserved;
    else this.acc.provisionedUnreserved += this.provisioned;
    this.timeoutMs = p.Timeout * 1000;
    this.arch = p.Architectures;
    this.behaviour = b;
    this.sampleDuration = compileDuration(b.duration);
    this.sampleColdStart = compileDuration(b.coldStartMs);
    this.scale = durationScale(b, p.MemorySize);
    this.usdPerBilledMs = ((p.MemorySize / 1024) * lambdaPrices.perGBSecond[this.arch]) / 1000;
    this.asyncPath.configure(p.MaximumRetryAttempts, p.MaximumEventAgeInSeconds);
  }

  /** A live edit of a call edge (calls per invocation, sizes...): plans are compiled anew for the next calls. */
  override updateEdge(): void {
    const plans = compileCallPlans(this.out);
    if (plans !== null && this.calls !== null) this.calls.setPlans(plans);
  }

  start(): void {
    this.asyncPath.wire();
    const plans = compileCallPlans(this.out);
    if (plans !== null) {
      this.mSdkRetries = this.ctx.metrics.counter(this.id, 'SdkCallRetries');
      this.mSdkFailures = this.ctx.metrics.counter(this.id, 'SdkCallFailures');
      this.calls = new CallRunner(this.ctx, this, this.pool, plans, this.sdkRng, this.mSdkRetries, this.mSdkFailures);
    }
    const s = this.ctx.settings;
    if (this.acc.reservedTotal > s.lambdaAccountConcurrency - s.lambdaMinimumUnreserved)
      this.ctx.warn(
        this.id,
        `reserved concurrency of all functions (${this.acc.reservedTotal}) leaves less than the ` +
          `${s.lambdaMinimumUnreserved} unreserved that AWS requires of an account limit of ${s.lambdaAccountConcurrency}`,
      );
  }

  update(node: SimNode): void {
    this.configure(node);
  }

  override backlog(): number {
    return this.asyncPath.queued;
  }

  receive(msg: Message, edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    if (replyTo === null) {
      this.asyncPath.accept(msg);
      return;
    }
    const report = msg.records !== null && reportsBatchItemFailures(edge);
    const code = this.admit(msg, replyTo, slot, report, null, true);
    if (code === STARTED) return;
    // aws-behaviour Lambda "synchronous throttle": 429, not retried by Lambda.
    msg.trace?.hop(this.id, 'throttle', '429 TooManyRequestsException', this.ctx.now, this.ctx.now, THROTTLE_REASONS[code]);
    replyTo.reply(slot, Outcome.Throttled, this.ctx.now, THROTTLE_INFO[code]);
  }

  // AsyncHost and CallHost.
  startAsync(ev: AsyncEvent): ThrottleReason | null {
    // Asynchronous invocations have no request-rate quota, only concurrency (Lambda "request rate (asynchronous)").
    const code = this.admit(ev.msg as Message, null, -1, false, ev, false);
    return code === STARTED ? null : THROTTLE_REASONS[code];
  }

  hasFreeConcurrency(): boolean {
    if (this.provBusy < this.provisioned) return true;
    if (this.reserved >= 0) return this.provBusy + this.onDemandBusy < this.reserved;
    return this.acc.unreservedInUse < unreservedCapacity(this.acc, this.ctx.settings.lambdaAccountConcurrency);
  }

  get reservedZero(): boolean {
    return this.reserved === 0;
  }

  sendOn(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void {
    this.send(edge, msg, replyTo, slot);
  }

  endNow(inv: Invocation): void {
    this.complete(inv);
  }

  endAt(inv: Invocation, at: number): void {
    this.completeTimer.at(at, inv);
  }

  release(inv: Invocation): void {
    this.pool.give(inv);
  }

  finish(): void {
    // Lazy reaping of environments idle past their lifetime (no event per environment).
    this.idle.reapBefore(this.ctx.now - this.ctx.settings.lambdaIdleLifetimeSeconds * 1000);
  }

  /** Admission: STARTED, or the index of the throttle reason. */
  private admit(
    msg: Message,
    replyTo: ReplyTo | null,
    replySlot: number,
    reportItemFailures: boolean,
    asyncEvent: AsyncEvent | null,
    synchronous: boolean,
  ): number {
    const ctx = this.ctx;
    const now = ctx.now;
    const reserved = this.reserved;
    let onProvisioned = false;
    let cold = false;
    if (reserved === 0) return this.throttle(R_RESERVED);
    if (this.provBusy < this.provisioned) onProvisioned = true;
    else {
      if (reserved > 0) {
        if (this.provBusy + this.onDemandBusy >= reserved) return this.throttle(R_RESERVED);
      } else if (this.acc.unreservedInUse >= unreservedCapacity(this.acc, ctx.settings.lambdaAccountConcurrency)) {
        return this.throttle(R_ACCOUNT);
      }
      const idle = this.idle;
      if (idle.size > 0 && idle.newest() < now - ctx.settings.lambdaIdleLifetimeSeconds * 1000) idle.clear();
      if (idle.size === 0) {
        cold = true;
        if (!this.scalingBucket().has(now)) return this.throttle(R_SCALING);
      }
    }
    if (synchronous && !this.takeRequestRate(now)) return this.throttle(reserved > 0 ? R_RESERVED_RATE : R_FUNCTION_RATE);

    const metrics = ctx.metrics;
    const inv = this.pool.take();
    inv.provisioned = onProvisioned;
    inv.pooled = false;
    inv.initMs = 0;
    inv.asyncEvent = asyncEvent;
    if (onProvisioned) this.provBusy++;
    else {
      this.onDemandBusy++;
      if (reserved < 0) {
        this.acc.unreservedInUse++;
        inv.pooled = true;
      }
      if (this.provisioned > 0) metrics.add(this.mSpillover, 1);
      if (cold) {
        this.scalingBucket().take(now);
        metrics.add(this.mColdStarts, 1);
        const init = this.sampleColdStart(this.coldRng);
        inv.initMs = init < INIT_LIMIT_MS ? init : INIT_LIMIT_MS;
      } else this.idle.takeNewest();
    }
    metrics.setLevel(this.mConcurrent, this.provBusy + this.onDemandBusy, now);
    this.run(inv, msg, replyTo, replySlot, reportItemFailures, now);
    return STARTED;
  }

  /** Decides how the invocation ends and schedules its end. */
  private run(inv: Invocation, msg: Message, replyTo: ReplyTo | null, replySlot: number, reportItemFailures: boolean, now: number): void {
    const b = this.behaviour;
    const rng = this.errorRng;
    const records = msg.records;
    let d = this.sampleDuration(this.durationRng) * this.scale;
    if (records !== null) d += b.perRecordMs * records.length;
    let outcome: Outcome = Outcome.Ok;
    if (d >= this.timeoutMs) {
      // "Task timed out": the invocation ends at Timeout.
      d = this.timeoutMs;
      outcome = Outcome.FunctionTimeout;
    } else if (b.errorRate > 0 && rng.next() < b.errorRate) outcome = Outcome.FunctionError;
    else if (records !== null) {
      let failed: Message[] | null = null;
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (r.poison || (b.recordErrorRate > 0 && rng.next() < b.recordErrorRate)) (failed ??= []).push(r);
      }
      if (failed !== null) {
        if (reportItemFailures) inv.failedRecords = failed;
        else outcome = Outcome.FunctionError;
      }
    } else if (msg.poison) outcome = Outcome.FunctionError;
    inv.msg = msg;
    inv.replyTo = replyTo;
    inv.replySlot = replySlot;
    inv.startedAt = now;
    inv.durationMs = d;
    inv.outcome = outcome;
    const calls = this.calls;
    if (calls !== null) {
      inv.computeMs = d;
      calls.begin(inv, now + inv.initMs, this.timeoutMs);
      return;
    }
    this.completeTimer.at(now + inv.initMs + d, inv);
  }

  /** An invocation ends now. */
  private complete(inv: Invocation): void {
    const ctx = this.ctx;
    const now = ctx.now;
    const metrics = ctx.metrics;
    if (inv.provisioned) this.provBusy--;
    else {
      this.onDemandBusy--;
      if (inv.pooled) this.acc.unreservedInUse--;
      this.idle.push(now);
    }
    metrics.setLevel(this.mConcurrent, this.provBusy + this.onDemandBusy, now);
    metrics.add(this.mInvocations, 1);
    metrics.record(this.mDuration, inv.durationMs);
    if (inv.initMs > 0) metrics.record(this.mInit, inv.initMs);
    const outcome = inv.outcome;
    if (outcome !== Outcome.Ok) metrics.add(this.mErrors, 1);
    // Billed per 1 ms of Init + Duration, plus the request (no free tier).
    metrics.add(this.mCost, lambdaPrices.perRequest + Math.ceil(inv.initMs + inv.durationMs) * this.usdPerBilledMs);
    const replyTo = inv.replyTo;
    const replySlot = inv.replySlot;
    const failed = inv.failedRecords;
    const failInfo = inv.failInfo;
    const ev = inv.asyncEvent;
    const trace = inv.msg !== null ? inv.msg.trace : null;
    if (trace !== null) traceInvocation(this.id, trace, inv, now);
    if (!inv.orphaned) this.pool.give(inv);
    if (ev !== null) this.asyncPath.done(ev, outcome);
    else if (replyTo !== null) {
      if (failInfo !== null) replyTo.reply(replySlot, outcome, now, failInfo);
      else if (failed !== null) replyTo.reply(replySlot, outcome, now, { failedRecords: failed });
      else replyTo.reply(replySlot, outcome, now);
    }
    if (this.asyncPath.waiting) this.asyncPath.dispatch();
  }

  /** Takes one request from the function's request-rate quota (Lambda "request rate (synchronous)"). */
  private takeRequestRate(now: number): boolean {
    if (this.reserved < 0) return this.acc.unreservedRate.take(now);
    const limit = REQUESTS_PER_CONCURRENCY * this.reserved;
    if (limit !== this.reservedRatePerSecond) {
      this.reservedRate.configure(limit, limit, now);
      if (this.reservedRatePerSecond < 0) this.reservedRate.tokens = limit;
      this.reservedRatePerSecond = limit;
    }
    return this.reservedRate.take(now);
  }

  private scalingBucket(): TokenBucket {
    return this.ctx.settings.lambdaScaling === 'legacy' ? this.acc.legacyScaling : this.ownScaling;
  }

  private throttle(code: number): number {
    const metrics = this.ctx.metrics;
    metrics.add(this.mThrottles, 1);
    metrics.add(this.mReasons[code], 1);
    return code;
  }
}

function reportsBatchItemFailures(edge: Edge): boolean {
  const types = edge.properties.FunctionResponseTypes;
  return Array.isArray(types) && types.includes('ReportBatchItemFailures');
}

export const createModel: ModelFactory = (ctx, node) => new LambdaModel(ctx, node);
