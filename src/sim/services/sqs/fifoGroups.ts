import { Deque } from '../../core/deque.ts';
import { FifoGroup } from './fifoGroup.ts';
import { STATE, type MessageStore } from './messageStore.ts';

const GONE = STATE.GONE;

/**
 * The message groups of a FIFO queue (docs/aws-behaviour.md "FIFO"): each group's messages in order, and the
 * list of groups that may be received from -- those with visible messages and nothing in flight, so one
 * batch per group is in flight at a time. Empty groups are forgotten, so memory follows the active groups.
 */
export class FifoGroups {
  private readonly byKey = new Map<number, FifoGroup>();
  readonly ready = new Deque<FifoGroup>(64);

  groupFor(key: number): FifoGroup {
    let g = this.byKey.get(key);
    if (g === undefined) {
      g = new FifoGroup(key);
      this.byKey.set(key, g);
    }
    return g;
  }

  /** Takes the next group that may be received from; give it back with settle() when done. */
  takeReady(): FifoGroup {
    const g = this.ready.popFront();
    g.listed = false;
    return g;
  }

  /** Lists a group that may be received from, or forgets one that holds nothing. */
  settle(g: FifoGroup): void {
    if (g.inFlight > 0) return;
    if (g.msgs.size > 0) {
      if (!g.listed) {
        g.listed = true;
        this.ready.pushBack(g);
      }
    } else if (!g.listed && this.byKey.get(g.key) === g) this.byKey.delete(g.key);
  }

  /**
   * Removes the messages at the groups' heads that are gone or `retentionMs` old or more (passing each slot to
   * `dropped`, with whether it expired now), and returns the oldest first-enqueue time left at a head (Infinity
   * when none).
   */
  sweep(store: MessageStore, now: number, retentionMs: number, dropped: (slot: number, expired: boolean) => void): number {
    let oldest = Infinity;
    for (const g of this.byKey.values()) {
      while (g.msgs.size > 0 && (store.state(g.msgs.peekFront()) === GONE || now - store.sentAt(g.msgs.peekFront()) >= retentionMs)) {
        const slot = g.msgs.popFront();
        dropped(slot, store.state(slot) !== GONE);
      }
      if (g.msgs.size > 0) oldest = Math.min(oldest, store.sentAt(g.msgs.peekFront()));
      else this.settle(g);
    }
    return oldest;
  }
}
