/**
 * A min-heap of times (ms) in a growable Float64Array: for a model that must act on many future instants
 * without a heap event each (e.g. a level that drops when each caller sees its answer), drained lazily from
 * the model's own events.
 */
export class TimeHeap {
  private items: Float64Array;
  size = 0;

  constructor(initialCapacity = 64) {
    this.items = new Float64Array(initialCapacity);
  }

  /** The earliest time, or Infinity when empty. */
  peek(): number {
    return this.size === 0 ? Infinity : this.items[0];
  }

  push(t: number): void {
    if (this.size === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const a = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= t) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = t;
  }

  /** Removes and returns the earliest time. Call only when size > 0. */
  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a[--this.size];
    const n = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && a[child + 1] < a[child]) child++;
      if (a[child] >= last) break;
      a[i] = a[child];
      i = child;
    }
    if (n > 0) a[i] = last;
    return top;
  }
}
