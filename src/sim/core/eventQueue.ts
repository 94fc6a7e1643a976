/**
 * A binary min-heap of events ordered by (time, sequence number), stored in typed arrays.
 * Ties in time resolve in insertion order, so a run is reproducible (SimPy's event id).
 *
 * An event names the handler (a model index), a kind (the model's own event code) and a payload
 * (any object the model wants back). The heap itself moves only slot indices; the event's fields
 * live in parallel arrays indexed by slot, and freed slots are reused.
 */
/** How many later insertions an unordered event may be placed after. */
const TIE_SPREAD = 1 << 20;

export class EventQueue {
  private capacity: number;
  private times: Float64Array;
  private seqs: Float64Array;
  private handlers: Int32Array;
  private kinds: Int32Array;
  private payloads: unknown[];
  private heap: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private nextSeq = 0;
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
    this.handlers = new Int32Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.payloads = new Array(initialCapacity);
    this.heap = new Int32Array(initialCapacity);
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
    this.times[slot] = time;
    this.seqs[slot] = seq;
    this.handlers[slot] = handler;
    this.kinds[slot] = kind;
    this.payloads[slot] = payload;
    this.siftUp(this.size++, slot);
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.times[this.heap[0]];
  }

  /** Removes the earliest event and exposes it in time/handler/kind/payload. Call only when size > 0. */
  pop(): void {
    const heap = this.heap;
    const top = heap[0];
    this.time = this.times[top];
    this.handler = this.handlers[top];
    this.kind = this.kinds[top];
    this.payload = this.payloads[top];
    this.payloads[top] = undefined;
    this.freeSlots[this.freeCount++] = top;
    const last = heap[--this.size];
    if (this.size > 0) this.siftDown(0, last);
  }

  clear(): void {
    this.size = 0;
    this.freeCount = 0;
    this.nextSlot = 0;
    this.payloads.fill(undefined);
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a];
    const tb = this.times[b];
    return ta < tb || (ta === tb && this.seqs[a] < this.seqs[b]);
  }

  private siftUp(pos: number, slot: number): void {
    const heap = this.heap;
    while (pos > 0) {
      const parentPos = (pos - 1) >> 1;
      const parent = heap[parentPos];
      if (!this.less(slot, parent)) break;
      heap[pos] = parent;
      pos = parentPos;
    }
    heap[pos] = slot;
  }

  private siftDown(pos: number, slot: number): void {
    const heap = this.heap;
    const size = this.size;
    const half = size >> 1;
    while (pos < half) {
      let child = 2 * pos + 1;
      let childSlot = heap[child];
      const right = child + 1;
      if (right < size && this.less(heap[right], childSlot)) {
        child = right;
        childSlot = heap[right];
      }
      if (!this.less(childSlot, slot)) break;
      heap[pos] = childSlot;
      pos = child;
    }
    heap[pos] = slot;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    const handlers = new Int32Array(cap);
    handlers.set(this.handlers);
    const kinds = new Int32Array(cap);
    kinds.set(this.kinds);
    const heap = new Int32Array(cap);
    heap.set(this.heap);
    const freeSlots = new Int32Array(cap);
    freeSlots.set(this.freeSlots);
    this.times = times;
    this.seqs = seqs;
    this.handlers = handlers;
    this.kinds = kinds;
    this.heap = heap;
    this.freeSlots = freeSlots;
    this.payloads.length = cap;
    this.capacity = cap;
  }
}
