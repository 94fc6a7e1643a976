import type { Metrics } from './metrics.ts';
import type { Random } from './random.ts';
import type { SampledRun } from './sampledRun.ts';
import type { Trace } from './journey.ts';
import type { Tracer } from './tracer.ts';

/**
 * The contract between service models. Models never reach into each other: a model hands a Message to an
 * outbound Edge (`edge.to.receive(...)`), and a synchronous caller passes itself (a ReplyTo) and a slot, an
 * integer it chose to find its own state for that call; the callee answers exactly once through
 * `replyTo.reply(slot, ...)`. No closure is made per call.
 */

/** How a call ended, as the caller sees it. */
export const Outcome = {
  Ok: 0,
  /** 429: Lambda TooManyRequestsException, API Gateway throttle, DynamoDB throughput exceeded. */
  Throttled: 1,
  /** The function ran and threw (Lambda Unhandled error). */
  FunctionError: 2,
  /** The function ran past its Timeout (a function error: "Task timed out"). */
  FunctionTimeout: 3,
  /** HTTP 500 from API Gateway (e.g. Lambda throttled behind a proxy integration). */
  ServerError: 4,
  /** HTTP 502 from API Gateway (Lambda error or malformed proxy response). */
  BadGateway: 5,
  /** HTTP 504 from API Gateway (integration timeout). */
  GatewayTimeout: 6,
  /** A service-side error other than the above (5xx from SQS, SNS, DynamoDB, ...). */
  Failed: 7,
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];

export const OUTCOME_NAMES: Record<Outcome, string> = {
  0: 'Ok',
  1: 'Throttled',
  2: 'FunctionError',
  3: 'FunctionTimeout',
  4: 'ServerError',
  5: 'BadGateway',
  6: 'GatewayTimeout',
  7: 'Failed',
};

/** A unit of work: a client request, an SQS message, an SNS notification, an event, a batch of records. */
export interface Message {
  /** Unique within a run. */
  id: number;
  /** When the originating client produced it (ms): end-to-end latency and SQS/stream age start here. */
  createdAt: number;
  /** Payload size in KB. */
  sizeKB: number;
  /** Message attributes, for filter policies and routing. */
  attributes: Readonly<Record<string, string | number | boolean | readonly string[]>> | null;
  /** Records of a batch (event source mappings), or null. */
  records: Message[] | null;
  /** The partition key / message group chosen by the client's behaviour (e.g. a Zipf-distributed key), or -1. */
  key: number;
  /** A poison message: every attempt to process it fails (behaviour of the producing client). */
  poison: boolean;
  /** The JSON body, when the producing client configures one (Step Functions and EventBridge read it). */
  body?: unknown;
  /** Where the hops of a sampled request are recorded (core/journey.ts); null for every other message. */
  trace: Trace | null;
}

/** What a callee may tell the caller beyond the outcome. */
export interface ReplyInfo {
  /** Throttle or error reason, e.g. AWS's TooManyRequestsException Reason. */
  reason?: string;
  /** For batches with ReportBatchItemFailures: the records that failed. */
  failedRecords?: Message[];
}

/**
 * The caller of a synchronous call. The callee calls `reply` once when the call ends, with the slot the caller
 * passed along with the message (callers keep per-call state in arrays indexed by slot, see core/slotPool.ts).
 * `doneAt` (ms) is when the caller sees the answer; it is >= the current time, so a callee can add
 * response-path latency without an event.
 */
export interface ReplyTo {
  reply(slot: number, outcome: Outcome, doneAt: number, info?: ReplyInfo): void;
}

/** An edge's role. Open: a kind may define its own; these are the ones AWS's services share. */
export type EdgeRole =
  | 'invoke'
  | 'eventSource'
  | 'subscription'
  | 'target'
  | 'deadLetter'
  | 'onFailure'
  | 'onSuccess'
  | 'call'
  | (string & {});

/** An edge as the engine wires it: its normalized properties and the model at its far end. */
export interface Edge {
  index: number;
  from: Model;
  to: Model;
  role: EdgeRole;
  properties: Record<string, unknown>;
  /** The target takes messages over this edge fire-and-forget (its AcceptRule's delivery): send with no ReplyTo. */
  async: boolean;
}

/** A node after validation, with every default filled in. */
export interface SimNode {
  id: string;
  type: string;
  properties: Record<string, unknown>;
  behaviour: Record<string, unknown>;
}

/** Account- and Region-level settings (docs/scenario-format.md `settings`). */
export interface SimSettings {
  lambdaAccountConcurrency: number;
  lambdaMinimumUnreserved: number;
  lambdaScaling: 'current' | 'legacy';
  lambdaLegacyBurst: number;
  lambdaIdleLifetimeSeconds: number;
  apiGatewayAccountRateLimit: number;
  apiGatewayAccountBurstLimit: number;
  maxEvents: number;
  maxBacklog: number;
  [key: string]: unknown;
}

/** Schedules calls of one callback on the simulated clock (SimContext.timer). */
export interface Timer<P> {
  /** Fires at `time` (ms; the past means now), after events already scheduled for that time. */
  at(time: number, payload: P): void;
  /** Like at, but its place among events at the same time is drawn from `u` in [0, 1), not insertion order. */
  atUnordered(time: number, payload: P, u: number): void;
}

/** What the engine offers a model. */
export interface SimContext {
  /** Current simulated time in ms. */
  readonly now: number;
  readonly settings: SimSettings;
  readonly metrics: Metrics;
  readonly durationMs: number;
  /**
   * The run's traffic multiplier (0.1..100, 1 = the scenario as written): traffic sources scale their rate by it.
   * A run option, not part of the scenario; it may change mid-run (Model.trafficScaleChanged).
   */
  readonly trafficScale: number;
  /** Messages sent over each edge so far, indexed by Edge.index (the UI animates edges from it). */
  readonly edgeCounts: Float64Array;
  /** Samples requests whose journeys are traced (traffic sources start them; core/tracer.ts). */
  readonly tracer: Tracer;
  /**
   * A typed timer: `fire` runs with the payload each time a scheduled time comes. Create timers once (in a
   * constructor), not per event; a model's helpers create their own.
   */
  timer<P>(fire: (payload: P) => void): Timer<P>;
  /** An independent random stream for (node, purpose). */
  random(nodeId: string, purpose: string): Random;
  nextMessageId(): number;
  /** State shared by all models of an account (e.g. Lambda's unreserved pool), created on first use. */
  shared<T>(key: string, create: () => T): T;
  /** Notes a departure from AWS or a clamp the model made, shown with the result. */
  warn(nodeId: string, message: string): void;
}

export abstract class Model {
  index = -1;
  readonly id: string;
  readonly type: string;
  /** Outbound edges, in scenario order. */
  readonly out: Edge[] = [];
  /** Inbound edges, in scenario order. */
  readonly in: Edge[] = [];

  constructor(
    protected readonly ctx: SimContext,
    node: SimNode,
  ) {
    this.id = node.id;
    this.type = node.type;
  }

  /**
   * Sends a message over one of this model's outbound edges (counted for the edge's flow rate). A synchronous
   * call names who gets the answer and the slot it comes back with; fire-and-forget passes null (slot ignored).
   */
  protected send(edge: Edge, msg: Message, replyTo: ReplyTo | null, slot: number): void {
    this.ctx.edgeCounts[edge.index]++;
    edge.to.receive(msg, edge, replyTo, slot);
  }

  /** Called once after all edges are wired, before time starts: set first timers here. */
  start(): void {}

  /**
   * A message arrives on `edge`. `replyTo` is set for synchronous calls (answer once with
   * `replyTo.reply(slot, ...)`) and null for fire-and-forget deliveries (async invocation, SNS fan-out, ...).
   */
  receive(_msg: Message, _edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    replyTo?.reply(slot, Outcome.Failed, this.ctx.now, { reason: `${this.type} does not accept calls` });
  }

  /**
   * The limits this node's metrics run against right now, by metric name (a counter's limit per second), for
   * the limit lines on charts and "x / limit" on nodes: e.g. a function's concurrency limit, which depends on
   * every other function's reservation. Null when the node has none.
   */
  limits(): Readonly<Record<string, number>> | null {
    return null;
  }

  /** Runs the model sampled with their whole record (a workflow's execution history), newest first; null when it keeps none. */
  sampledRuns(): SampledRun[] | null {
    return null;
  }

  /**
   * Messages or events this node holds in memory while they wait (a queue's messages, an async invocation
   * queue), for the engine's backlog budget (settings.maxBacklog).
   */
  backlog(): number {
    return 0;
  }

  /** A live edit of the properties of one of this node's outbound edges (e.g. a mapping's BatchSize). */
  updateEdge(_edge: Edge): void {}

  /** A live edit of this node's properties or behaviour; takes effect from the next event. */
  update(_node: SimNode): void {}

  /** The run's traffic multiplier (ctx.trafficScale) changed: a traffic source rescales from now on. */
  trafficScaleChanged(): void {}

  /** Called at the end of the run (or each time a result is taken) so levels are up to date. */
  finish(): void {}
}
