import { compileDuration, type Sampler } from '../../core/distributions.ts';
import { PatternError } from '../../core/eventPattern/dialect.ts';
import { compilePattern, matchesPattern, type PatternNode } from '../../core/eventPattern/pattern.ts';
import { Model, Outcome, type Edge, type Message, type ReplyTo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import { newMessage } from '../../core/message.ts';
import type { Random } from '../../core/random.ts';
import { compileSchedule, type Schedule } from '../../core/schedule/expression.ts';
import { nextFiring } from '../../core/schedule/firings.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';
import { COST_METRIC } from '../../result.ts';
import { startTimeMs } from '../../settings.ts';
import { ACCOUNT, buildEnvelope, REGION, scheduledEvent, type EntryDefaults, type EventEnvelope } from './envelope.ts';
import { compileInput } from './input.ts';
import { busBehaviour, EVENT_CHUNK_KB, EVENTS_PRICE, MAX_EVENT_KB, putEventsSchema, ruleTargetSchema } from './spec.ts';
import { TargetDeliveries, type DeliveryTarget } from './targetDelivery.ts';

const CHUNK_KB = EVENT_CHUNK_KB;
const PRICE = EVENTS_PRICE;

/** One rule with its one target (a `target` edge). */
interface Rule {
  target: DeliveryTarget;
  pattern: PatternNode | null;
  schedule: Schedule | null;
  enabled: boolean;
  arn: string;
}

/** What the bus fills in for events that arrive without an entry of their own, by edge role. */
const ROLE_DEFAULTS: Record<string, EntryDefaults> = {
  onSuccess: { Source: 'lambda', DetailType: 'Lambda Function Invocation Result - Success' },
  onFailure: { Source: 'lambda', DetailType: 'Lambda Function Invocation Result - Failure' },
};

/** The edge's Source and DetailType (filled by the engine from putEventsSchema's defaults when it has a call edge). */
function entryDefaults(p: Record<string, unknown>): EntryDefaults {
  return {
    Source: typeof p.Source === 'string' ? p.Source : DEFAULT_ENTRY.Source,
    DetailType: typeof p.DetailType === 'string' ? p.DetailType : DEFAULT_ENTRY.DetailType,
  };
}
const DEFAULT_ENTRY = putEventsSchema.parse({}) as EntryDefaults;

/**
 * An AWS::Events::EventBus (docs/aws-behaviour.md "EventBridge"). A PutEvents entry (a message on a `call` edge)
 * is refused when the account's PutEvents quota for the second is used up (ThrottlingException) or when it is
 * larger than 256 KB; otherwise it is answered Ok after the PutEvents latency, built into the event envelope
 * (envelope.ts) and matched against every enabled rule (each `target` edge); each match is delivered to its
 * target after the delivery latency, with the target's retry policy and DLQ (targetDelivery.ts). Scheduled rules
 * (a ScheduleExpression on the edge) send aws.events "Scheduled Event"s at their firing times, in UTC.
 */
export class EventBus extends Model {
  private rules: Rule[] = [];
  private generation = 0;
  private putLatency!: Sampler;
  private deliveryLatency!: Sampler;
  private readonly rng: Random;
  private readonly startMs: number;
  private readonly putQuota: { second: number; used: number };
  private readonly putPerSecond: number;
  private readonly deliveries: TargetDeliveries;
  private readonly fire: Timer<{ rule: Rule; generation: number; firingMs: number }>;

  /** Exact counts for tests: every event put ends matched to some rules or to none. */
  readonly count = { puts: 0, throttled: 0, tooLarge: 0, events: 0, matched: 0, triggered: 0 };

  private readonly hCalls: number;
  private readonly hThrottled: number;
  private readonly hFailedEntries: number;
  private readonly hMatched: number;
  private readonly hTriggered: number;
  private readonly hCost: number;

  constructor(ctx: SimContext, node: SimNode) {
    super(ctx, node);
    const m = ctx.metrics;
    this.hCalls = m.counter(node.id, 'PutEventsApproximateCallCount');
    this.hThrottled = m.counter(node.id, 'PutEventsApproximateThrottledCount');
    this.hFailedEntries = m.counter(node.id, 'PutEventsFailedEntries');
    this.hMatched = m.counter(node.id, 'MatchedEvents');
    this.hTriggered = m.counter(node.id, 'TriggeredRules');
    this.hCost = m.counter(node.id, COST_METRIC, 'USD');
    this.rng = ctx.random(node.id, 'latency');
    this.startMs = startTimeMs(ctx.settings);
    this.putQuota = ctx.shared('eventBridge/putEvents', () => ({ second: -1, used: 0 }));
    this.putPerSecond = Number(ctx.settings.eventBridgePutEventsPerSecond ?? 10_000);
    this.deliveries = new TargetDeliveries(ctx, node.id, (e, msg, replyTo, slot) => this.send(e, msg, replyTo, slot), {
      attempts: 'InvocationAttempts',
      invocations: 'Invocations',
      retryAttempts: 'RetryInvocationAttempts',
      successes: 'SuccessfulInvocationAttempts',
      failed: 'FailedInvocations',
      throttled: 'ThrottledRules',
      deadLettered: 'DeadLetterInvocations',
      deadLetterFailed: 'InvocationsFailedToBeSentToDlq',
      latency: 'IngestionToInvocationStartLatency',
    }, ctx.random(node.id, 'retry'));
    this.fire = ctx.timer((p) => this.onFiring(p.rule, p.generation, p.firingMs));
    this.configure(node);
  }

  private configure(node: SimNode): void {
    const b = busBehaviour.parse(node.behaviour);
    this.putLatency = compileDuration(b.putEventsLatency);
    this.deliveryLatency = compileDuration(b.deliveryLatency);
  }

  override update(node: SimNode): void {
    this.configure(node);
  }

  override start(): void {
    this.wire();
  }

  /** A live edit of a rule or a DLQ: rules are wired anew and scheduled rules restart from now. */
  override updateEdge(): void {
    this.wire();
  }

  override backlog(): number {
    return this.deliveries.backlog();
  }

  private wire(): void {
    this.generation++;
    const dlqFor = new Map<string, Edge>();
    let defaultDlq: Edge | null = null;
    for (const e of this.out) {
      if (e.role !== 'deadLetter') continue;
      const t = e.properties.target;
      if (typeof t === 'string' && t !== '') dlqFor.set(t, e);
      else defaultDlq = e;
    }
    this.rules = this.out.filter((e) => e.role === 'target').map((edge) => this.ruleOf(edge, dlqFor.get(edge.to.id) ?? defaultDlq));
    for (const id of dlqFor.keys())
      if (!this.rules.some((r) => r.target.edge.to.id === id))
        this.ctx.warn(this.id, `a deadLetter edge names target "${id}", but ${this.id} has no rule targeting it`);
    for (const rule of this.rules) if (rule.enabled && rule.schedule !== null) this.scheduleNext(rule, this.startMs + this.ctx.now - 1);
  }

  private ruleOf(edge: Edge, dlq: Edge | null): Rule {
    const where = `edge ${this.id} -> ${edge.to.id}: properties`;
    const parsed = ruleTargetSchema.safeParse(edge.properties);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new Error(`${where}.${i.path.join('.')}: ${i.message}`);
    }
    const p = parsed.data;
    let pattern: PatternNode | null = null;
    try {
      if (p.EventPattern !== undefined) pattern = compilePattern(p.EventPattern, undefined, 'EventPattern');
    } catch (e) {
      if (e instanceof PatternError) throw new Error(`${where}.${e.message}`, { cause: e });
      throw e;
    }
    const schedule = p.ScheduleExpression === undefined ? null : compileSchedule(p.ScheduleExpression, { service: 'rule', startMs: this.startMs + this.ctx.now });
    return {
      target: { edge, policy: p.RetryPolicy, dlq, input: compileInput(p) },
      pattern,
      schedule,
      enabled: p.State === 'ENABLED',
      arn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/${this.id}-${edge.to.id}`,
    };
  }

  private scheduleNext(rule: Rule, afterEpochMs: number): void {
    const t = nextFiring(rule.schedule as Schedule, afterEpochMs);
    if (t === null) return;
    const simMs = t - this.startMs;
    if (simMs > this.ctx.durationMs) return;
    this.fire.at(simMs, { rule, generation: this.generation, firingMs: t });
  }

  private onFiring(rule: Rule, generation: number, firingMs: number): void {
    if (generation !== this.generation) return;
    const now = this.ctx.now;
    this.count.events++;
    this.count.triggered++;
    this.ctx.metrics.add(this.hTriggered, 1);
    const event = scheduledEvent(rule.arn, this.ctx.nextMessageId(), firingMs);
    const template = newMessage(0, now, 1);
    this.deliveries.deliver(rule.target, event, template, now, now + this.deliveryLatency(this.rng));
    this.scheduleNext(rule, firingMs);
  }

  /** PutEvents (a `call`), an event from another bus's rule (`target`), or a Lambda destination record. */
  override receive(msg: Message, edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    const now = this.ctx.now;
    const metrics = this.ctx.metrics;
    this.count.puts++;
    metrics.add(this.hCalls, 1);
    if (!this.takePutSlot(now)) {
      this.count.throttled++;
      metrics.add(this.hThrottled, 1);
      msg.trace?.hop(this.id, 'throttle', 'PutEvents throttled', now, now, 'the account PutEvents quota');
      replyTo?.reply(slot, Outcome.Throttled, now + this.putLatency(this.rng), { reason: 'ThrottlingException: PutEvents quota for the account is exceeded' });
      return;
    }
    if (msg.sizeKB > MAX_EVENT_KB) {
      this.count.tooLarge++;
      metrics.add(this.hFailedEntries, 1);
      replyTo?.reply(slot, Outcome.Failed, now + this.putLatency(this.rng), { reason: `ValidationException: the entry is ${msg.sizeKB} KB; a PutEvents entry is at most 256 KB` });
      return;
    }
    if (edge.role === 'call') metrics.add(this.hCost, (msg.sizeKB > CHUNK_KB ? Math.ceil(msg.sizeKB / CHUNK_KB) : 1) * PRICE);
    replyTo?.reply(slot, Outcome.Ok, now + this.putLatency(this.rng));
    const defaults = ROLE_DEFAULTS[edge.role] ?? entryDefaults(edge.properties);
    const event = buildEnvelope(msg.body, defaults, this.ctx.nextMessageId(), this.startMs + now);
    msg.trace?.hop(this.id, 'event', 'PutEvents', now, now);
    this.route(event, msg, now);
  }

  private takePutSlot(now: number): boolean {
    const second = Math.floor(now / 1000);
    if (second !== this.putQuota.second) {
      this.putQuota.second = second;
      this.putQuota.used = 0;
    }
    if (this.putQuota.used >= this.putPerSecond) return false;
    this.putQuota.used++;
    return true;
  }

  private route(event: EventEnvelope, msg: Message, now: number): void {
    this.count.events++;
    let matched = 0;
    const rules = this.rules;
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      if (!rule.enabled || rule.pattern === null || !matchesPattern(rule.pattern, event)) continue;
      matched++;
      const at = now + this.deliveryLatency(this.rng);
      this.deliveries.deliver(rule.target, event, msg, now, at);
      msg.trace?.hop(this.id, 'wait', `rule to ${rule.target.edge.to.id}`, now, at, 'the event pattern matches');
    }
    if (matched === 0) {
      msg.trace?.hop(this.id, 'event', 'no rule matched', now, now);
      return;
    }
    this.count.matched++;
    this.count.triggered += matched;
    this.ctx.metrics.add(this.hMatched, 1);
    this.ctx.metrics.add(this.hTriggered, matched);
  }

  /** Exact delivery counts (targetDelivery.ts), for tests. */
  get delivery() {
    return this.deliveries.count;
  }
}

export const createModel: ModelFactory = (ctx, node) => new EventBus(ctx, node);
