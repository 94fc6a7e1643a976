import type { Message } from '../../core/model.ts';
import { Deque } from '../../core/deque.ts';

/**
 * An entry's state. A frozen table rather than exported consts: users copy the values into module-level
 * consts, since a transpiler that turns ESM into CommonJS (tsx) makes every read of an imported binding a getter call.
 */
export const STATE = Object.freeze({
  VISIBLE: 0,
  IN_FLIGHT: 1,
  DELAYED: 2,
  /** Deleted, expired or moved to the DLQ: stale references in the in-flight list skip it. */
  GONE: 3,
});

/** A message while it is in one queue. */
export class SqsEntry {
  state: number = STATE.VISIBLE;
  /** SQS's ApproximateReceiveCount; also the receipt of the current receive. */
  receiveCount = 0;
  /** End of the current in-flight (visibility timeout) or delay period, ms. */
  until = 0;

  constructor(
    readonly msg: Message,
    /** First enqueue time (kept across a redrive): age and retention count from here. */
    readonly sentAt: number,
    readonly group: FifoGroup | null,
  ) {}
}

/** A FIFO message group: its messages in order, and how many of them are in flight. */
export class FifoGroup {
  readonly msgs = new Deque<SqsEntry>(4);
  inFlight = 0;
  /** Whether the group is in the queue's ready list. */
  listed = false;

  constructor(readonly key: number) {}
}
