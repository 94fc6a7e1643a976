/**
 * A request's journey: the hops one sampled request makes across the nodes, on the simulated clock. A Message
 * carries a `trace` that is null unless its request was sampled (core/tracer.ts), so an untraced run pays one
 * null check per hop. Each service records its own hops (`msg.trace?.hop(...)` in its folder); the UI draws them
 * as a waterfall.
 */

/** What a hop's bar shows, each drawn in its own colour. */
export type HopKind =
  /** Waiting: in a queue, for an execution environment, for a poller. */
  | 'wait'
  /** Work: a function running, a call being served. */
  | 'work'
  /** A cold start's Init phase. */
  | 'init'
  /** Waiting out a retry delay (an async retry, a visibility timeout, a backoff). */
  | 'retry'
  /** Refused for capacity: a 429, a throughput exception. */
  | 'throttle'
  /** Sent to a dead-letter queue or an on-failure destination, or dropped (discarded, expired). */
  | 'deadLetter'
  /** A moment: sent, received, deleted, answered. */
  | 'event'
  /** A whole call as its caller sees it, from sending to the answer; a Step Functions execution or state. */
  | 'span';

export interface Hop {
  nodeId: string;
  kind: HopKind;
  /** A few words, e.g. "receive 2", "cold start (Init)". */
  label: string;
  startMs: number;
  endMs: number;
  /** The outcome or reason, e.g. "FunctionError", "429 ReservedFunctionConcurrentInvocationLimitExceeded". */
  detail?: string;
  /** The hop ended in an error (a function error, a 5xx). */
  error?: boolean;
}

/** One sampled request's journey as the worker hands it to the app (plain data). */
export interface Journey {
  /** The request's message id (unique within the run). */
  id: number;
  /** The traffic source that sent it. */
  source: string;
  /** Why it was sampled, e.g. "first request of Users". */
  reason: string;
  startMs: number;
  /** The latest hop end: end-to-end latency is endMs - startMs. */
  endMs: number;
  /** Set when it ended in an error, a throttle, a DLQ or a drop: what happened. */
  failure?: string;
  hops: Hop[];
  /** Hops left out beyond the journey's cap. */
  omitted: number;
}

/** Where a message records its hops: one request's journey, or every traced record of a batch. */
export interface Trace {
  /**
   * Records a hop. A hop recorded when it ends but whose place among hops at the same instant matters (a Step
   * Functions state after the Choice before it) passes the `startSeq` that seq() gave when it started.
   */
  hop(nodeId: string, kind: HopKind, label: string, startMs: number, endMs: number, detail?: string, error?: boolean, startSeq?: number): void;
  /** A place in the order hops happen, taken when a hop starts (-1 where there is no single order: a batch). */
  seq(): number;
  /** The request ended in failure (an error answer, a throttle its caller saw, a DLQ, a drop). */
  fail(what: string): void;
}

/** Hops one journey keeps; later ones are counted as omitted. */
export const MAX_HOPS = 200;

export class JourneyTrace implements Trace {
  readonly hops: Hop[] = [];
  omitted = 0;
  endMs: number;
  failure: string | undefined = undefined;
  /** Evicted from the tracer's store: later hops are not kept. */
  dropped = false;

  constructor(
    readonly id: number,
    readonly source: string,
    readonly reason: string,
    readonly startMs: number,
    /** Protected from eviction (a source's first request). */
    readonly first: boolean,
  ) {
    this.endMs = startMs;
  }

  /** Moments and hops that took a seq(), in the order they happened (see toJourney's order). */
  private readonly seqOf = new Map<Hop, number>();
  private seqs = 0;

  hop(nodeId: string, kind: HopKind, label: string, startMs: number, endMs: number, detail?: string, error?: boolean, startSeq?: number): void {
    if (this.dropped) return;
    if (endMs > this.endMs) this.endMs = endMs;
    if (this.hops.length >= MAX_HOPS) {
      this.omitted++;
      return;
    }
    const hop: Hop = { nodeId, kind, label, startMs, endMs };
    if (detail !== undefined) hop.detail = detail;
    if (error === true) hop.error = true;
    this.hops.push(hop);
    // A moment is recorded as it happens, so its place in the order is now.
    const seq = startSeq !== undefined && startSeq >= 0 ? startSeq : kind !== 'span' && startMs === endMs ? this.seqs++ : -1;
    if (seq >= 0) this.seqOf.set(hop, seq);
  }

  seq(): number {
    return this.seqs++;
  }

  fail(what: string): void {
    this.failure ??= what;
  }

  get latencyMs(): number {
    return this.endMs - this.startMs;
  }

  toJourney(): Journey {
    // Hops are recorded when their end is known, so they are sorted by start; at one start the request as its
    // source sent it comes first, then the other whole calls, longer (outer) before shorter; then moments and
    // hops that took their place when they started (a Choice, then the Task after it, then the 429 inside
    // that Task), in that order; then the other hops, shorter before longer (a receive before the visibility
    // timeout it starts). Two whole calls over the same time: the one recorded later is the outer (a caller
    // hears its answer after its callee).
    const order = new Map<Hop, number>();
    this.hops.forEach((h, i) => order.set(h, i));
    const seqOf = this.seqOf;
    const rank = (h: Hop) => (seqOf.has(h) ? 2 : h.kind !== 'span' ? 3 : h.nodeId === this.source ? 0 : 1);
    const hops = this.hops.slice().sort((a, b) => {
      const ra = rank(a);
      const byStart = a.startMs - b.startMs || ra - rank(b);
      if (byStart !== 0) return byStart;
      if (ra === 2) return seqOf.get(a)! - seqOf.get(b)!;
      return ra < 2 ? b.endMs - a.endMs || order.get(b)! - order.get(a)! : a.endMs - b.endMs;
    });
    const j: Journey = { id: this.id, source: this.source, reason: this.reason, startMs: this.startMs, endMs: this.endMs, hops, omitted: this.omitted };
    if (this.failure !== undefined) j.failure = this.failure;
    return j;
  }
}

/** The traces of a batch's traced records: a hop of the batch is a hop of each. */
export class TraceGroup implements Trace {
  constructor(readonly members: Trace[]) {}

  hop(nodeId: string, kind: HopKind, label: string, startMs: number, endMs: number, detail?: string, error?: boolean): void {
    for (const m of this.members) m.hop(nodeId, kind, label, startMs, endMs, detail, error);
  }

  seq(): number {
    return -1;
  }

  fail(what: string): void {
    for (const m of this.members) m.fail(what);
  }
}

/** Adds a record's trace to a batch's: null, the record's own, or a group of all. */
export function joinTrace(batch: Trace | null, record: Trace): Trace {
  if (batch === null) return record;
  if (batch instanceof TraceGroup) {
    batch.members.push(record);
    return batch;
  }
  return new TraceGroup([batch, record]);
}

/** "850 ms", "1.25 s", "2 min 5 s" for hop details. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Number(ms.toPrecision(3))} ms`;
  if (ms < 120_000) return `${Number((ms / 1000).toPrecision(4))} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms - min * 60_000) / 1000);
  return s === 0 ? `${min} min` : `${min} min ${s} s`;
}
