/**
 * A growable ring buffer: O(1) push and pop at both ends, no allocation once it has grown to the backlog.
 * Holds the visible messages of a queue (millions at a time in a backlog) and the in-flight and delayed
 * lists, whose deadlines are ordered by insertion because the timeout is one value per queue.
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
