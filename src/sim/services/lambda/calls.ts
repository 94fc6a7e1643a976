import { OUTCOME_NAMES, Outcome, type Edge, type Message, type ReplyInfo } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';

/**
 * JS SDK v3 standard retry mode (docs/aws-behaviour.md, DynamoDB "throttle"; @smithy/util-retry): 3 attempts in
 * all; before retry n (n = 1, 2) it waits floor(random * min(20 s, base * 2^(n-1))), base 500 ms after a
 * throttle and 100 ms after another transient (5xx) error. The SDK's client-side retry quota (a token bucket
 * of 500) is not modelled: it only matters after hundreds of failed retries in a row.
 */
export const SDK_MAX_ATTEMPTS = 3;
export const SDK_THROTTLE_BASE_MS = 500;
export const SDK_DEFAULT_BASE_MS = 100;
export const SDK_MAX_DELAY_MS = 20_000;

/** Delay before the retry that follows failed attempt `attempt` (1-based). */
export function sdkRetryDelay(attempt: number, throttled: boolean, rng: Random): number {
  const base = throttled ? SDK_THROTTLE_BASE_MS : SDK_DEFAULT_BASE_MS;
  const cap = base * 2 ** (attempt - 1);
  return Math.floor(rng.next() * (cap < SDK_MAX_DELAY_MS ? cap : SDK_MAX_DELAY_MS));
}

/** Outcomes the SDK retries: throttles and service-side (5xx) errors. */
export function sdkRetries(outcome: Outcome): boolean {
  return outcome === Outcome.Throttled || outcome === Outcome.Failed || outcome === Outcome.ServerError;
}

/** One `call` edge of a function, compiled once when the run starts. */
export interface CallPlan {
  edge: Edge;
  /** Calls per invocation (per record of a batch when perRecord is set). */
  count: number;
  perRecord: boolean;
  /** Payload of each call (KB). */
  sizeKB: number;
  /** Fire-and-forget delivery (Lambda Invoke with InvocationType Event): no answer; `latencyMs` is the 202's latency. */
  fireAndForget: boolean;
  latencyMs: number;
  /** e.g. "PutItem on Orders", for error reasons. */
  name: string;
}

/** The function's call edges in edge order, or null when it has none (then invocations cost nothing extra). */
export function compileCallPlans(out: readonly Edge[]): CallPlan[] | null {
  const plans: CallPlan[] = [];
  for (const edge of out) {
    if (edge.role !== 'call') continue;
    const p = edge.properties;
    const operation = typeof p.operation === 'string' ? p.operation : 'call';
    // A call the target takes asynchronously (Lambda Invoke with InvocationType Event) returns at once.
    const eventInvoke = edge.async;
    plans.push({
      edge,
      count: typeof p.perInvocation === 'number' ? p.perInvocation : 1,
      perRecord: p.perRecord === true,
      sizeKB: firstNumber(p.payloadSizeKB, p.messageSizeKB, p.itemSizeKB) ?? 1,
      fireAndForget: eventInvoke,
      latencyMs: eventInvoke ? (firstNumber(p.eventInvokeLatencyMs) ?? 0) : 0,
      name: `${operation}${eventInvoke ? ' (Event)' : ''} on ${edge.to.id}`,
    });
  }
  return plans.length > 0 ? plans : null;
}

function firstNumber(...values: unknown[]): number | undefined {
  for (const v of values) if (typeof v === 'number') return v;
  return undefined;
}

/** How many times an invocation of `msg` makes the calls of `plan`. */
export function callsFor(plan: CallPlan, msg: Message | null): number {
  return plan.perRecord && msg?.records ? plan.count * msg.records.length : plan.count;
}

/** The message a call sends: it carries the invocation's key (partition key, message group) and attributes. */
export function callMessage(id: number, plan: CallPlan, from: Message): Message {
  const msg: Message = { id, createdAt: from.createdAt, sizeKB: plan.sizeKB, attributes: from.attributes, records: null, key: from.key, poison: false, trace: from.trace };
  if (from.body !== undefined) msg.body = from.body;
  return msg;
}

/** Why an invocation failed because of a call. */
export function callFailure(plan: CallPlan, outcome: Outcome, attempts: number, info: ReplyInfo | undefined): ReplyInfo {
  const what = info?.reason ?? OUTCOME_NAMES[outcome];
  return {
    reason: sdkRetries(outcome)
      ? `${plan.name} failed after ${attempts} attempts (SDK standard retries): ${what}`
      : `${plan.name} returned ${what}`,
  };
}
