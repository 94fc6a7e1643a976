/**
 * Integer slots handed out from a free list, for callers that keep per-request state in their own typed arrays
 * (indexed by slot) instead of an object per request. The pool doubles when it runs out and calls `onGrow` with
 * the new capacity, so the owner can grow its arrays (`grownTo`) before the new slot is used.
 */
export class SlotPool {
  private free: Int32Array;
  private freeCount: number;
  /** 1 while a slot is taken: a second give, or an answer for a slot nobody holds, is detectable. */
  private taken: Uint8Array;
  capacity: number;
  /** Slots taken now. */
  inUse = 0;

  constructor(
    initialCapacity = 64,
    private readonly onGrow: (capacity: number) => void = () => {},
  ) {
    this.capacity = Math.max(1, initialCapacity);
    this.free = new Int32Array(this.capacity);
    this.taken = new Uint8Array(this.capacity);
    // Lowest slots first, so a run that needs few slots touches little memory.
    for (let i = 0; i < this.capacity; i++) this.free[i] = this.capacity - 1 - i;
    this.freeCount = this.capacity;
  }

  take(): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount];
    this.taken[slot] = 1;
    this.inUse++;
    return slot;
  }

  /** Returns a slot; giving a slot that is not taken throws (it would be handed out twice). */
  give(slot: number): void {
    if (this.taken[slot] !== 1) throw new Error(`slot ${slot} was given back but is not taken`);
    this.taken[slot] = 0;
    this.inUse--;
    this.free[this.freeCount++] = slot;
  }

  isTaken(slot: number): boolean {
    return slot >= 0 && slot < this.capacity && this.taken[slot] === 1;
  }

  private grow(): void {
    const old = this.capacity;
    const capacity = old * 2;
    this.onGrow(capacity);
    this.taken = grownTo(this.taken, capacity);
    this.free = new Int32Array(capacity);
    for (let i = old; i < capacity; i++) this.free[this.freeCount++] = capacity - 1 - (i - old);
    this.capacity = capacity;
  }
}

type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array;

/** A copy of `a` with room for `length` items (the new ones zero); `a` itself when it is long enough. */
export function grownTo<T extends TypedArray>(a: T, length: number): T {
  if (a.length >= length) return a;
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
