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

/**
 * A FIFO of events (a ring buffer that doubles when full): a backlog of millions costs one slot each and no
 * per-push allocation once grown.
 */
export class EventDeque {
  private buf: (AsyncEvent | null)[] = new Array(16).fill(null);
  private head = 0;
  size = 0;

  push(ev: AsyncEvent): void {
    if (this.size === this.buf.length) this.grow();
    this.buf[(this.head + this.size) & (this.buf.length - 1)] = ev;
    this.size++;
  }

  /** The oldest event (call only when size > 0). */
  peek(): AsyncEvent {
    return this.buf[this.head] as AsyncEvent;
  }

  shift(): AsyncEvent {
    const ev = this.buf[this.head] as AsyncEvent;
    this.buf[this.head] = null;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    return ev;
  }

  private grow(): void {
    const old = this.buf;
    const mask = old.length - 1;
    const next: (AsyncEvent | null)[] = new Array(old.length * 2).fill(null);
    for (let i = 0; i < this.size; i++) next[i] = old[(this.head + i) & mask];
    this.buf = next;
    this.head = 0;
  }
}
