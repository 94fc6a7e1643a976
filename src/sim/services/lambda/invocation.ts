import type { Message, Outcome, Reply } from '../../core/model.ts';

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
  nextFree: Invocation | null = null;
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
    inv.nextFree = this.free;
    this.free = inv;
  }
}
