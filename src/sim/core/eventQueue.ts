import { grownTo } from './slotPool.ts';

/**
 * A binary min-heap of events ordered by (time, sequence number), stored in typed arrays.
 * Ties in time resolve in insertion order, so a run is reproducible (SimPy's event id).
 *
 * An event names the handler (a model index), a kind (the model's own event code) and a payload
 * (any object the model wants back). The heap keeps each event's time and sequence number at its heap
 * position, so a sift compares neighbouring array cells instead of following an index per comparison; the
 * handler, kind and payload stay in a slot of their own (freed slots are reused), so a sift moves three
 * numbers per level and never a payload. (Four children per node run fewer instructions but mispredict a
 * third more branches per request, and were slower; valgrind --branch-sim, bench (x).) The (time, sequence)
 * comparison is written out at each use: a shared `precedes()` function loads the sequence even when times
 * differ, which cost 2% more instructions and 17% more mispredicted branches on bench (a) (cachegrind).
 */
/** How many later insertions an unordered event may be placed after. */
const TIE_SPREAD = 1 << 20;

export class EventQueue {
  private capacity: number;
  /** By heap position: the event's time, sequence number and slot. */
  private times: Float64Array;
  private seqs: Float64Array;
  private slots: Int32Array;
  /** By slot. */
  private handlers: Int32Array;
  private kinds: Int32Array;
  private payloads: unknown[];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private nextSeq = 0;
  /** Events in the heap; `size` counts the held event too. */
  private heapSize = 0;
  /**
   * The held event: one pushed ahead of every event then waiting is kept out of the heap (slot -1: none), so the
   * common case of an event scheduled to be the very next one (a client's next arrival) costs no sift up to the
   * root and back down. Events pushed later go to the heap unless they are earlier still (the held one then moves
   * to the heap), so the held event is always the earliest.
   */
  private heldSlot = -1;
  private heldTime = 0;
  private heldSeq = 0;
  size = 0;

  // What the last pop() returned.
  time = 0;
  handler = 0;
  kind = 0;
  payload: unknown = undefined;

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.slots = new Int32Array(initialCapacity);
    this.handlers = new Int32Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.payloads = new Array(initialCapacity);
    this.freeSlots = new Int32Array(initialCapacity);
  }

  push(time: number, handler: number, kind: number, payload?: unknown): void {
    this.insert(time, this.nextSeq++, handler, kind, payload);
  }

  /**
   * Pushes an event whose place among events at the same time is drawn from `u` in [0, 1) instead of insertion
   * order, so that sources that tie (two constant-rate clients on one grid) take turns rather than one always
   * coming first. Ordinary events at that time may run before or after it.
   */
  pushUnordered(time: number, handler: number, kind: number, payload: unknown, u: number): void {
    this.insert(time, this.nextSeq++ + u * TIE_SPREAD, handler, kind, payload);
  }

  /** Pushes an event that runs before every other event at the same time (e.g. closing a metrics period). */
  pushFirst(time: number, handler: number, kind: number, payload?: unknown): void {
    this.insert(time, -1 - this.nextSeq++, handler, kind, payload);
  }

  private insert(time: number, seq: number, handler: number, kind: number, payload: unknown): void {
    let slot: number;
    if (this.freeCount > 0) slot = this.freeSlots[--this.freeCount];
    else {
      if (this.nextSlot === this.capacity) this.grow();
      slot = this.nextSlot++;
    }
    this.handlers[slot] = handler;
    this.kinds[slot] = kind;
    this.payloads[slot] = payload;
    this.size++;
    const held = this.heldSlot;
    if (held >= 0) {
      if (time < this.heldTime || (time === this.heldTime && seq < this.heldSeq)) {
        this.heapInsert(this.heldTime, this.heldSeq, held);
        this.hold(time, seq, slot);
      } else this.heapInsert(time, seq, slot);
    } else if (this.heapSize === 0 || time < this.times[0] || (time === this.times[0] && seq < this.seqs[0])) {
      this.hold(time, seq, slot);
    } else this.heapInsert(time, seq, slot);
  }

  private hold(time: number, seq: number, slot: number): void {
    this.heldTime = time;
    this.heldSeq = seq;
    this.heldSlot = slot;
  }

  private heapInsert(time: number, seq: number, slot: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const slots = this.slots;
    let pos = this.heapSize++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[pos] = pt;
      seqs[pos] = seqs[parent];
      slots[pos] = slots[parent];
      pos = parent;
    }
    times[pos] = time;
    seqs[pos] = seq;
    slots[pos] = slot;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    if (this.heldSlot >= 0) return this.heldTime;
    return this.heapSize === 0 ? Infinity : this.times[0];
  }

  /** Removes the earliest event and exposes it in time/handler/kind/payload. Call only when size > 0. */
  pop(): void {
    this.size--;
    const held = this.heldSlot;
    if (held >= 0) {
      this.heldSlot = -1;
      this.time = this.heldTime;
      this.take(held);
      return;
    }
    const times = this.times;
    const seqs = this.seqs;
    const slots = this.slots;
    this.time = times[0];
    this.take(slots[0]);
    const size = --this.heapSize;
    if (size === 0) return;
    // The last event moves down from the root to where it belongs.
    const time = times[size];
    const seq = seqs[size];
    const slot = slots[size];
    let pos = 0;
    const half = size >> 1;
    // A sentinel after the last event: every parent then has two children, and the smaller one is chosen by
    // arithmetic rather than a branch the processor could not predict.
    times[size] = Infinity;
    while (pos < half) {
      const left = 2 * pos + 1;
      const lt = times[left];
      const rt = times[left + 1];
      let child = left + Number(rt < lt);
      if (rt === lt && left + 1 < size && seqs[left + 1] < seqs[left]) child = left + 1;
      const ct = times[child];
      const cs = seqs[child];
      if (time < ct || (time === ct && seq < cs)) break;
      times[pos] = ct;
      seqs[pos] = cs;
      slots[pos] = slots[child];
      pos = child;
    }
    times[pos] = time;
    seqs[pos] = seq;
    slots[pos] = slot;
  }

  /** Exposes the event in `slot` as the one popped, and frees the slot. */
  private take(slot: number): void {
    this.handler = this.handlers[slot];
    this.kind = this.kinds[slot];
    this.payload = this.payloads[slot];
    this.payloads[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
  }

  clear(): void {
    this.size = 0;
    this.heapSize = 0;
    this.heldSlot = -1;
    this.freeCount = 0;
    this.nextSlot = 0;
    this.payloads.fill(undefined);
  }

  private grow(): void {
    const cap = this.capacity * 2;
    this.times = grownTo(this.times, cap);
    this.seqs = grownTo(this.seqs, cap);
    this.slots = grownTo(this.slots, cap);
    this.handlers = grownTo(this.handlers, cap);
    this.kinds = grownTo(this.kinds, cap);
    this.freeSlots = grownTo(this.freeSlots, cap);
    this.payloads.length = cap;
    this.capacity = cap;
  }
}
