import { SlotPool } from './slotPool.ts';

/**
 * Objects held under integer slots while a synchronous call is out: the caller puts its state for the call,
 * passes the slot with the message, and takes the state back when the callee replies with that slot
 * (ReplyTo in core/model.ts). A reply for a slot nobody holds throws instead of answering another call.
 */
export class SlotMap<T> {
  private readonly pool = new SlotPool(64);
  private readonly items: (T | undefined)[] = [];

  /** Holds `item` and returns its slot. */
  put(item: T): number {
    const slot = this.pool.take();
    this.items[slot] = item;
    return slot;
  }

  /** The item under `slot`, which is free again afterwards. */
  take(slot: number): T {
    if (!this.pool.isTaken(slot)) throw new Error(`slot ${slot} holds no call: a reply came twice or for a call never made`);
    const item = this.items[slot] as T;
    this.items[slot] = undefined;
    this.pool.give(slot);
    return item;
  }

  /** Items held now. */
  get size(): number {
    return this.pool.inUse;
  }
}
