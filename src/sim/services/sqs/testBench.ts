import { Model, Outcome, type Edge, type Message, type ReplyInfo, type ReplyTo, type SimContext, type SimNode, type Timer } from '../../core/model.ts';
import type { Random } from '../../core/random.ts';
import type { AdvanceReport } from '../../core/simCore.ts';
import { TestBench } from '../../testBench.ts';
import { SqsQueue } from './model.ts';

/**
 * The generic TestBench (src/sim/testBench.ts) for the SQS unit tests: a queue is driven by a Producer and
 * drained by a FakeFunction whose every decision (duration, failures, throttles) the test controls, without
 * depending on the Lambda model.
 */
export class SqsBench extends TestBench {
  constructor(durationSeconds: number, periodSeconds = 1, seed = 7) {
    super(durationSeconds, periodSeconds, seed);
  }

  queueNode(id: string, properties: Record<string, unknown> = {}, behaviour: Record<string, unknown> = {}): SqsQueue {
    return this.add(new SqsQueue(this, { id, type: 'AWS::SQS::Queue', properties, behaviour }));
  }

  /** Starts the models and runs to the end. */
  override run(): AdvanceReport {
    this.start();
    return super.run();
  }
}

const node = (id: string, type: string): SimNode => ({ id, type, properties: {}, behaviour: {} });

export interface ProducerOptions {
  /** Send times in ms, or a Poisson rate. */
  at?: number[];
  ratePerSecond?: number;
  stopMs?: number;
  poison?: (i: number) => boolean;
  key?: (i: number) => number;
  sizeKB?: number;
}

/** Sends messages over its first outbound edge (role call) and counts the answers. */
export class Producer extends Model implements ReplyTo {
  sent = 0;
  readonly answers = [0, 0, 0, 0, 0, 0, 0, 0];
  readonly messages: Message[] = [];
  private readonly rng: Random;
  private readonly sendTimer: Timer<number>;

  constructor(
    ctx: SimContext,
    id: string,
    private readonly opts: ProducerOptions,
  ) {
    super(ctx, node(id, 'Producer'));
    this.rng = ctx.random(id, 'arrivals');
    this.sendTimer = ctx.timer((kind) => this.produce(kind));
  }

  reply(_slot: number, outcome: Outcome): void {
    this.answers[outcome]++;
  }

  override start(): void {
    if (this.opts.at) for (const t of this.opts.at) this.sendTimer.at(t, 0);
    else this.sendTimer.at(this.rng.exponential(1000 / (this.opts.ratePerSecond ?? 1)), 1);
  }

  /** kind 0: one of the explicit times; 1: a Poisson arrival, which schedules the next. */
  private produce(kind: number): void {
    const i = this.sent++;
    const msg: Message = {
      id: this.ctx.nextMessageId(),
      createdAt: this.ctx.now,
      sizeKB: this.opts.sizeKB ?? 1,
      attributes: null,
      records: null,
      key: this.opts.key ? this.opts.key(i) : -1,
      poison: this.opts.poison ? this.opts.poison(i) : false,
      trace: null,
    };
    this.messages.push(msg);
    this.send(this.out[0], msg, this, i);
    if (kind === 1) {
      const next = this.ctx.now + this.rng.exponential(1000 / (this.opts.ratePerSecond ?? 1));
      if (next < (this.opts.stopMs ?? Infinity)) this.sendTimer.at(next, 1);
    }
  }
}

export interface FakeFunctionOptions {
  /** Invocation duration in ms (a constant or drawn per invocation). */
  durationMs?: number | ((rng: Random) => number);
  /** Reserved concurrency: invocations beyond it are throttled. */
  reserved?: number;
  /** Whether a record fails (default: poison records fail). */
  fails?: (record: Message) => boolean;
}

interface Invocation {
  msg: Message;
  replyTo: ReplyTo;
  slot: number;
  edge: Edge;
}

/** A stand-in for a Lambda function reading a queue: records what it was given and answers as told. */
export class FakeFunction extends Model {
  private readonly endTimer: Timer<Invocation>;
  concurrency = 0;
  maxConcurrency = 0;
  throttles = 0;
  /** Start time (ms) and id of each record processed, in order. */
  readonly processed: { at: number; id: number }[] = [];
  readonly invocationStarts: number[] = [];
  readonly batchSizes: number[] = [];
  private readonly rng: Random;
  private readonly hConcurrency: number;

  constructor(
    ctx: SimContext,
    id: string,
    private readonly opts: FakeFunctionOptions = {},
  ) {
    super(ctx, node(id, 'AWS::Lambda::Function'));
    this.endTimer = ctx.timer((inv) => this.end(inv));
    this.rng = ctx.random(id, 'duration');
    this.hConcurrency = ctx.metrics.level(id, 'ConcurrentExecutions');
  }

  override receive(msg: Message, edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    if (replyTo === null) throw new Error('FakeFunction handles synchronous batches only');
    if (this.concurrency >= (this.opts.reserved ?? Infinity)) {
      this.throttles++;
      replyTo.reply(slot, Outcome.Throttled, this.ctx.now, { reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' });
      return;
    }
    this.concurrency++;
    if (this.concurrency > this.maxConcurrency) this.maxConcurrency = this.concurrency;
    this.ctx.metrics.setLevel(this.hConcurrency, this.concurrency, this.ctx.now);
    this.invocationStarts.push(this.ctx.now);
    this.batchSizes.push(msg.records?.length ?? 1);
    for (const r of msg.records ?? [msg]) this.processed.push({ at: this.ctx.now, id: r.id });
    const d = this.opts.durationMs ?? 100;
    const duration = typeof d === 'number' ? d : d(this.rng);
    const inv: Invocation = { msg, replyTo, slot, edge };
    this.endTimer.at(this.ctx.now + duration, inv);
  }

  private end({ msg, replyTo, slot, edge }: Invocation): void {
    const reply = (outcome: Outcome, doneAt: number, info?: ReplyInfo) => replyTo.reply(slot, outcome, doneAt, info);
    this.concurrency--;
    this.ctx.metrics.setLevel(this.hConcurrency, this.concurrency, this.ctx.now);
    const fails = this.opts.fails ?? ((r: Message) => r.poison);
    const failed = (msg.records ?? [msg]).filter(fails);
    if (failed.length === 0) return reply(Outcome.Ok, this.ctx.now);
    const types = edge.properties.FunctionResponseTypes;
    if (Array.isArray(types) && types.includes('ReportBatchItemFailures')) return reply(Outcome.Ok, this.ctx.now, { failedRecords: failed });
    reply(Outcome.FunctionError, this.ctx.now, { reason: 'Unhandled' });
  }
}
