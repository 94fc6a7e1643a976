import { Model, type Edge, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import { newMessage } from '../../core/message.ts';
import type { Random } from '../../core/random.ts';
import { compileSchedule, type Schedule } from '../../core/schedule/expression.ts';
import { nextFiring } from '../../core/schedule/firings.ts';
import { flexibleDelayMs, type FlexibleTimeWindow } from '../../core/schedule/flexibleWindow.ts';
import type { ModelFactory } from '../../core/serviceKind.ts';
import { COST_METRIC } from '../../result.ts';
import { startTimeMs } from '../../settings.ts';
import { compileInput } from '../eventBridge/input.ts';
import { TargetDeliveries, type DeliveryTarget } from '../eventBridge/targetDelivery.ts';
import { SCHEDULER_PRICE, scheduleProperties, scheduleTargetSchema } from './spec.ts';

const PRICE = SCHEDULER_PRICE;

/**
 * An AWS::Scheduler::Schedule (docs/aws-behaviour.md "EventBridge Scheduler"). At each firing of its
 * ScheduleExpression (read in ScheduleExpressionTimezone, on the calendar that starts at settings.startTime) it
 * invokes its target (the `target` edge) after a delay drawn uniformly within the FlexibleTimeWindow, with the
 * target's retry policy and DLQ (eventBridge/targetDelivery.ts). rate() starts at the simulation's start.
 */
export class ScheduleModel extends Model {
  private schedule: Schedule | null = null;
  private window: FlexibleTimeWindow = { Mode: 'OFF' };
  private enabled = true;
  private target: DeliveryTarget | null = null;
  private generation = 0;
  private readonly startMs: number;
  private readonly windowRng: Random;
  private readonly deliveries: TargetDeliveries;
  private readonly fire: Timer<{ generation: number; firingMs: number }>;
  private readonly hCost: number;
  private readonly hInvocations: number;

  constructor(ctx: SimContext, private node: SimNode) {
    super(ctx, node);
    this.startMs = startTimeMs(ctx.settings);
    this.windowRng = ctx.random(node.id, 'flexible-window');
    this.hCost = ctx.metrics.counter(node.id, COST_METRIC, 'USD');
    this.hInvocations = ctx.metrics.counter(node.id, 'Invocations');
    this.deliveries = new TargetDeliveries(ctx, node.id, (e, msg, replyTo, slot) => this.send(e, msg, replyTo, slot), {
      attempts: 'InvocationAttemptCount',
      failedAttempts: 'TargetErrorCount',
      targetThrottled: 'TargetErrorThrottledCount',
      throttled: 'InvocationThrottleCount',
      failed: 'InvocationDroppedCount',
      deadLettered: 'InvocationsSentToDeadLetterCount',
      deadLetterFailed: 'InvocationsFailedToBeSentToDeadLetterCount',
    }, ctx.random(node.id, 'retry'), Infinity);
    this.fire = ctx.timer((p) => this.onFiring(p.generation, p.firingMs));
  }

  override start(): void {
    this.wire();
  }

  override update(node: SimNode): void {
    this.node = node;
    this.wire();
  }

  override updateEdge(): void {
    this.wire();
  }

  override backlog(): number {
    return this.deliveries.backlog();
  }

  private wire(): void {
    this.generation++;
    const p = scheduleProperties.parse(this.node.properties);
    const nowMs = this.startMs + this.ctx.now;
    this.schedule = compileSchedule(p.ScheduleExpression, { service: 'scheduler', timezone: p.ScheduleExpressionTimezone, startMs: nowMs });
    this.window = p.FlexibleTimeWindow;
    this.enabled = p.State === 'ENABLED';
    const targets = this.out.filter((e) => e.role === 'target');
    if (targets.length > 1) this.ctx.warn(this.id, `a schedule has one target; only ${targets[0].to.id} is invoked, not ${targets.slice(1).map((e) => e.to.id).join(', ')}`);
    const dlq: Edge | null = this.out.find((e) => e.role === 'deadLetter') ?? null;
    this.target = targets.length === 0 ? null : this.targetOf(targets[0], dlq);
    if (this.enabled) this.scheduleNext(nowMs - 1);
  }

  private targetOf(edge: Edge, dlq: Edge | null): DeliveryTarget {
    const parsed = scheduleTargetSchema.safeParse(edge.properties);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new Error(`edge ${this.id} -> ${edge.to.id}: properties.${i.path.join('.')}: ${i.message}`);
    }
    const input = compileInput({ Input: parsed.data.Input ?? '{}' });
    return { edge, policy: parsed.data.RetryPolicy, dlq, input };
  }

  private scheduleNext(afterEpochMs: number): void {
    const t = nextFiring(this.schedule as Schedule, afterEpochMs);
    if (t === null || t - this.startMs > this.ctx.durationMs) return;
    this.fire.at(t - this.startMs, { generation: this.generation, firingMs: t });
  }

  private onFiring(generation: number, firingMs: number): void {
    if (generation !== this.generation) return;
    this.scheduleNext(firingMs);
    const now = this.ctx.now;
    this.ctx.metrics.add(this.hInvocations, 1);
    this.ctx.metrics.add(this.hCost, PRICE);
    if (this.target === null) return;
    const template = newMessage(0, now, 1);
    this.deliveries.deliver(this.target, {}, template, now, now + flexibleDelayMs(this.window, this.windowRng));
  }
}

export const createModel: ModelFactory = (ctx, node) => new ScheduleModel(ctx, node);
