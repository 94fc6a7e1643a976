import type { Message, Outcome, ReplyInfo, ReplyTo } from '../../core/model.ts';
import type { AsyncEvent } from './asyncQueue.ts';

/** One running invocation. Pooled by the Lambda model so the hot path allocates nothing for it. */
export class Invocation {
  msg: Message | null = null;
  /** Who gets the answer of a synchronous invocation (null: an async event), and the caller's slot. */
  replyTo: ReplyTo | null = null;
  replySlot = -1;
  startedAt = 0;
  initMs = 0;
  durationMs = 0;
  outcome: Outcome = 0;
  /** Ran on a provisioned environment (else on-demand). */
  provisioned = false;
  /** Took its execution from the account's unreserved pool. */
  pooled = false;
  failedRecords: Message[] | null = null;
  /** The async event this invocation runs, or null (synchronous / event source). */
  asyncEvent: AsyncEvent | null = null;
  nextFree: Invocation | null = null;

  // SDK calls (functions with `call` edges only).
  /** The handler's own compute time (ms), run after its calls. */
  computeMs = 0;
  /** When the handler started (after Init) and when Timeout ends it. */
  handlerStart = 0;
  deadline = 0;
  callIndex = 0;
  callRep = 0;
  /** Attempts of the current call so far. */
  attempt = 0;
  /** A call was sent and its answer has not come yet. */
  waiting = false;
  /** Ended by Timeout while a call was unanswered: returned to the pool when that answer comes. */
  orphaned = false;
  callOutcome: Outcome = 0;
  callDoneAt = 0;
  callInfo: ReplyInfo | undefined = undefined;
  failInfo: ReplyInfo | null = null;

  /** Its place in the pool: the slot its SDK calls are answered with. */
  constructor(readonly index: number) {}
}

export class InvocationPool {
  private free: Invocation | null = null;
  /** Every invocation ever made, by index. */
  private readonly all: Invocation[] = [];

  /** The invocation whose index is `index`. */
  at(index: number): Invocation {
    return this.all[index];
  }

  take(): Invocation {
    const inv = this.free;
    if (inv === null) {
      const made = new Invocation(this.all.length);
      this.all.push(made);
      return made;
    }
    this.free = inv.nextFree;
    inv.nextFree = null;
    return inv;
  }

  give(inv: Invocation): void {
    inv.msg = null;
    inv.replyTo = null;
    inv.failedRecords = null;
    inv.asyncEvent = null;
    inv.callInfo = undefined;
    inv.failInfo = null;
    inv.nextFree = this.free;
    this.free = inv;
  }
}
