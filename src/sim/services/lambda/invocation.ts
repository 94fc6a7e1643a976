import type { Message, Outcome, Reply, ReplyInfo } from '../../core/model.ts';
import type { AsyncEvent } from './asyncQueue.ts';

/** One running invocation. Pooled by the Lambda model so the hot path allocates nothing for it. */
export class Invocation {
  msg: Message | null = null;
  onDone: Reply | null = null;
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
  /** A call was sent and its Reply has not come yet. */
  waiting = false;
  /** Ended by Timeout while a Reply was outstanding: returned to the pool when that Reply comes. */
  orphaned = false;
  callOutcome: Outcome = 0;
  callDoneAt = 0;
  callInfo: ReplyInfo | undefined = undefined;
  failInfo: ReplyInfo | null = null;
  /** This invocation's Reply for its calls, made once per pooled object. */
  callReply: Reply | null = null;
}

export class InvocationPool {
  private free: Invocation | null = null;

  take(): Invocation {
    const inv = this.free;
    if (inv === null) return new Invocation();
    this.free = inv.nextFree;
    inv.nextFree = null;
    return inv;
  }

  give(inv: Invocation): void {
    inv.msg = null;
    inv.onDone = null;
    inv.failedRecords = null;
    inv.asyncEvent = null;
    inv.callInfo = undefined;
    inv.failInfo = null;
    inv.nextFree = this.free;
    this.free = inv;
  }
}
