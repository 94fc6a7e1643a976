import type { Trace } from '../../core/journey.ts';
import { newMessage } from '../../core/message.ts';
import type { Message } from '../../core/model.ts';
import { grownTo } from '../../core/slotPool.ts';

/**
 * A message's state in its queue. A frozen table rather than exported consts: users copy the values into
 * module-level consts, since a transpiler that turns ESM into CommonJS (tsx) makes every read of an imported
 * binding a getter call.
 */
export const STATE = Object.freeze({
  VISIBLE: 0,
  IN_FLIGHT: 1,
  DELAYED: 2,
  /** Deleted, expired or moved to the DLQ: the list that still names it drops it when it reaches it. */
  GONE: 3,
});

const STATE_BITS = 3;
const POISON = 4;
const FREE = 8;
/** Gone and in no list: freed when the last batch naming it ends. */
const UNLISTED = 16;
/** A sampled request's message (its trace kept in `traces`). */
const TRACED = 32;
/** Batches naming a slot are counted up to this; a slot that reaches it is never reused (a leak of one slot). */
const MAX_REFS = 255;
/** Ids at most this are kept in the id column; larger ones keep their message whole. */
const MAX_COLUMN_ID = 0xffff_ffff;

/**
 * The messages of one queue in struct-of-arrays columns, one slot per message (the lists of the queue hold slot
 * numbers): 42 bytes a message (id, the two times, the deadline, size, key, receive count, state and poison,
 * batches naming it), plus 4 in the list that holds it. A message that carries what the columns do not
 * (attributes, a body, records, an id past 2^32, a size a float32 does not hold exactly) is also kept whole in a
 * side array by slot, made on the first such message, so nothing is lost. A slot is reused only once no list and no batch names it (so a late delete with
 * an old receipt still finds its message); free slots are chained through the key column.
 */
export class MessageStore {
  private id: Uint32Array;
  /** When the originating client produced it (Message.createdAt). */
  private createdAtCol: Float64Array;
  /** First enqueue time (kept across a redrive): age and retention count from here. */
  private sentAtCol: Float64Array;
  /** End of the current in-flight (visibility timeout) or delay period, ms. */
  private untilCol: Float64Array;
  private sizeCol: Float32Array;
  private keyCol: Int32Array;
  /** SQS's ApproximateReceiveCount; also the receipt of the current receive. */
  private receivesCol: Int32Array;
  private flags: Uint8Array;
  private refs: Uint8Array;
  /** Messages kept whole, by slot; null until the queue gets its first one. */
  private whole: (Message | null)[] | null = null;
  /**
   * Traces of sampled requests, by slot: a few per run, so a map rather than a side array as long as the queue
   * (a queue nobody reads would otherwise keep a slot-long array for one traced message).
   */
  private traces: Map<number, Trace> | null = null;
  private freeHead = -1;
  private used = 0;
  /** Messages stored. */
  size = 0;

  constructor(initialCapacity = 1024) {
    this.id = new Uint32Array(initialCapacity);
    this.createdAtCol = new Float64Array(initialCapacity);
    this.sentAtCol = new Float64Array(initialCapacity);
    this.untilCol = new Float64Array(initialCapacity);
    this.sizeCol = new Float32Array(initialCapacity);
    this.keyCol = new Int32Array(initialCapacity);
    this.receivesCol = new Int32Array(initialCapacity);
    this.flags = new Uint8Array(initialCapacity);
    this.refs = new Uint8Array(initialCapacity);
  }

  /** Stores a message (state VISIBLE, received 0 times) and returns its slot. */
  add(msg: Message, sentAt: number): number {
    let slot = this.freeHead;
    if (slot >= 0) this.freeHead = this.keyCol[slot];
    else {
      if (this.used === this.id.length) this.grow(this.used * 2);
      slot = this.used++;
    }
    const size = Math.fround(msg.sizeKB);
    this.id[slot] = msg.id;
    this.createdAtCol[slot] = msg.createdAt;
    this.sentAtCol[slot] = sentAt;
    this.untilCol[slot] = 0;
    this.sizeCol[slot] = size;
    this.keyCol[slot] = msg.key;
    this.receivesCol[slot] = 0;
    this.flags[slot] = (msg.poison ? POISON : 0) | (msg.trace !== null ? TRACED : 0);
    this.refs[slot] = 0;
    if (msg.trace !== null) (this.traces ??= new Map()).set(slot, msg.trace);
    const plain = msg.attributes === null && msg.records === null && msg.body === undefined;
    if (!plain || size !== msg.sizeKB || msg.id > MAX_COLUMN_ID || msg.id < 0 || !Number.isInteger(msg.id) || (msg.key | 0) !== msg.key)
      (this.whole ??= new Array<Message | null>(this.id.length).fill(null))[slot] = msg;
    else if (this.whole !== null) this.whole[slot] = null;
    this.size++;
    return slot;
  }

  /** A batch names the slot (until dropRef). */
  addRef(slot: number): void {
    if (this.refs[slot] < MAX_REFS) this.refs[slot]++;
  }

  dropRef(slot: number): void {
    const refs = this.refs[slot];
    if (refs === MAX_REFS) return;
    this.refs[slot] = refs - 1;
    if (refs === 1 && (this.flags[slot] & UNLISTED) !== 0) this.free(slot);
  }

  /** A gone message left the last list that named it: its slot is freed now, or when its last batch ends. */
  unlist(slot: number): void {
    if ((this.flags[slot] & (FREE | UNLISTED)) !== 0) throw new Error(`SQS message slot ${slot} left its lists twice`);
    if (this.refs[slot] === 0) this.free(slot);
    else this.flags[slot] |= UNLISTED;
  }

  private free(slot: number): void {
    if ((this.flags[slot] & TRACED) !== 0) this.traces?.delete(slot);
    this.flags[slot] = FREE;
    if (this.whole !== null) this.whole[slot] = null;
    this.keyCol[slot] = this.freeHead;
    this.freeHead = slot;
    this.size--;
  }

  state(slot: number): number {
    return this.flags[slot] & STATE_BITS;
  }
  setState(slot: number, state: number): void {
    this.flags[slot] = (this.flags[slot] & ~STATE_BITS) | state;
  }
  sentAt(slot: number): number {
    return this.sentAtCol[slot];
  }
  until(slot: number): number {
    return this.untilCol[slot];
  }
  setUntil(slot: number, at: number): void {
    this.untilCol[slot] = at;
  }
  receives(slot: number): number {
    return this.receivesCol[slot];
  }
  /** Counts a receive; returns the new count (the receive's receipt). */
  received(slot: number): number {
    return ++this.receivesCol[slot];
  }
  sizeKB(slot: number): number {
    return this.sizeCol[slot];
  }
  key(slot: number): number {
    return this.keyCol[slot];
  }
  /**
   * The message in `slot`: the stored one when it was kept whole, else `into` filled from the columns (callers
   * pass an object they reuse).
   */
  message(slot: number, into: Message): Message {
    const whole = this.whole !== null ? this.whole[slot] : undefined;
    if (whole) return whole;
    into.id = this.id[slot];
    into.createdAt = this.createdAtCol[slot];
    into.sizeKB = this.sizeCol[slot];
    into.key = this.keyCol[slot];
    into.poison = (this.flags[slot] & POISON) !== 0;
    into.trace = (this.flags[slot] & TRACED) !== 0 ? this.trace(slot) : null;
    return into;
  }

  /** Whether the slot's message is a sampled request's (then `trace` gives its trace). */
  traced(slot: number): boolean {
    return (this.flags[slot] & TRACED) !== 0;
  }

  trace(slot: number): Trace | null {
    return (this.flags[slot] & TRACED) !== 0 ? (this.traces?.get(slot) ?? null) : null;
  }

  /** A new Message object with the slot's message (for a message leaving the queue, e.g. to a DLQ). */
  copy(slot: number): Message {
    return this.message(slot, newMessage());
  }

  /** Bytes of the columns per slot allocated (for the memory figures). */
  static readonly BYTES_PER_SLOT = 4 + 8 + 8 + 8 + 4 + 4 + 4 + 1 + 1;

  /** Slots allocated. */
  get capacity(): number {
    return this.id.length;
  }

  private grow(n: number): void {
    this.id = grownTo(this.id, n);
    this.createdAtCol = grownTo(this.createdAtCol, n);
    this.sentAtCol = grownTo(this.sentAtCol, n);
    this.untilCol = grownTo(this.untilCol, n);
    this.sizeCol = grownTo(this.sizeCol, n);
    this.keyCol = grownTo(this.keyCol, n);
    this.receivesCol = grownTo(this.receivesCol, n);
    this.flags = grownTo(this.flags, n);
    this.refs = grownTo(this.refs, n);
    const whole = this.whole;
    if (whole !== null) for (let i = whole.length; i < n; i++) whole.push(null);
  }
}
