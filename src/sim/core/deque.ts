/**
 * A growable ring buffer: O(1) push and pop at both ends, no allocation once it has grown to the backlog.
 * The engine's ring buffers: Deque for objects (Lambda's async events, stream lanes), NumberDeque (Float64Array)
 * for plain numbers and Int32Deque for slots (an SQS queue's messages). The typed ones repeat the same code on
 * purpose: one class over both array types would make every access site polymorphic on the hot path.
 */
export class Deque<T> {
  private items: (T | undefined)[];
  private head = 0;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.items = new Array<T | undefined>(cap);
    this.mask = cap - 1;
  }

  pushBack(v: T): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & this.mask] = v;
    this.size++;
  }

  pushFront(v: T): void {
    if (this.size === this.items.length) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.items[this.head] = v;
    this.size++;
  }

  /** The first item; call only when size > 0. */
  peekFront(): T {
    return this.items[this.head] as T;
  }

  /** Removes and returns the first item; call only when size > 0. */
  popFront(): T {
    const v = this.items[this.head] as T;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return v;
  }

  /** The last item; call only when size > 0. */
  peekBack(): T {
    return this.items[(this.head + this.size - 1) & this.mask] as T;
  }

  /** Removes and returns the last item; call only when size > 0. */
  popBack(): T {
    const i = (this.head + this.size - 1) & this.mask;
    const v = this.items[i] as T;
    this.items[i] = undefined;
    this.size--;
    return v;
  }

  /** The item at position i from the front (0 <= i < size). */
  at(i: number): T {
    return this.items[(this.head + i) & this.mask] as T;
  }

  private grow(): void {
    const old = this.items;
    const cap = old.length * 2;
    const items = new Array<T | undefined>(cap);
    for (let i = 0; i < this.size; i++) items[i] = old[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.mask = cap - 1;
  }
}

/** The same ring for numbers, in a Float64Array (times, sequence numbers): no boxing, no per-item garbage. */
export class NumberDeque {
  private items: Float64Array;
  private head = 0;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.items = new Float64Array(cap);
    this.mask = cap - 1;
  }

  pushBack(v: number): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & this.mask] = v;
    this.size++;
  }

  /** Call the peeks and pops only when size > 0. */
  peekFront(): number {
    return this.items[this.head];
  }

  popFront(): number {
    const v = this.items[this.head];
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return v;
  }

  peekBack(): number {
    return this.items[(this.head + this.size - 1) & this.mask];
  }

  popBack(): number {
    this.size--;
    return this.items[(this.head + this.size) & this.mask];
  }

  /** The item at position i from the front (0 <= i < size). */
  at(i: number): number {
    return this.items[(this.head + i) & this.mask];
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  private grow(): void {
    const cap = this.items.length * 2;
    const items = new Float64Array(cap);
    for (let i = 0; i < this.size; i++) items[i] = this.items[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.mask = cap - 1;
  }
}

/** The same ring for slot numbers (core/slotPool.ts), in an Int32Array: 4 bytes an item. */
export class Int32Deque {
  private items: Int32Array;
  private head = 0;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 16) {
    let cap = 16;
    while (cap < initialCapacity) cap *= 2;
    this.items = new Int32Array(cap);
    this.mask = cap - 1;
  }

  pushBack(v: number): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & this.mask] = v;
    this.size++;
  }

  pushFront(v: number): void {
    if (this.size === this.items.length) this.grow();
    this.head = (this.head - 1) & this.mask;
    this.items[this.head] = v;
    this.size++;
  }

  /** Call the peeks and pops only when size > 0. */
  peekFront(): number {
    return this.items[this.head];
  }

  popFront(): number {
    const v = this.items[this.head];
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return v;
  }

  /** The item at position i from the front (0 <= i < size). */
  at(i: number): number {
    return this.items[(this.head + i) & this.mask];
  }

  private grow(): void {
    const cap = this.items.length * 2;
    const items = new Int32Array(cap);
    for (let i = 0; i < this.size; i++) items[i] = this.items[(this.head + i) & this.mask];
    this.items = items;
    this.head = 0;
    this.mask = cap - 1;
  }
}
