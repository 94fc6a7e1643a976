import { Int32Deque } from '../../core/deque.ts';

/** A FIFO message group: its messages in order (slots of the queue's MessageStore), and how many are in flight. */
export class FifoGroup {
  readonly msgs = new Int32Deque(4);
  inFlight = 0;
  /** Whether the group is in the queue's ready list. */
  listed = false;

  constructor(readonly key: number) {}
}
