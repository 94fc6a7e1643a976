import type { Message } from '../../core/model.ts';

/** One event accepted by an asynchronous (Event) invocation, while Lambda holds it. Pooled. */
export class AsyncEvent {
  msg: Message | null = null;
  /** When Lambda queued it (ms): its age, for AsyncEventAge and MaximumEventAgeInSeconds, counts from here. */
  enqueuedAt = 0;
  /** Function errors so far (retries done = errors, up to MaximumRetryAttempts). */
  errors = 0;
  /** Throttles in a row, for the backoff. */
  throttles = 0;
  /** When it may be tried again (in a retry class). */
  readyAt = 0;
  nextFree: AsyncEvent | null = null;
}

export class AsyncEventPool {
  private free: AsyncEvent | null = null;

  take(msg: Message, now: number): AsyncEvent {
    let ev = this.free;
    if (ev === null) ev = new AsyncEvent();
    else {
      this.free = ev.nextFree;
      ev.nextFree = null;
    }
    ev.msg = msg;
    ev.enqueuedAt = now;
    ev.errors = 0;
    ev.throttles = 0;
    ev.readyAt = now;
    return ev;
  }

  give(ev: AsyncEvent): void {
    ev.msg = null;
    ev.nextFree = this.free;
    this.free = ev;
  }
}
