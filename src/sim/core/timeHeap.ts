import { NumberDeque } from './deque.ts';

/**
 * A min-queue of times (ms): for a model that must act on many future instants without a heap event each
 * (e.g. a level that drops when each caller sees its answer), drained lazily from the model's own events.
 *
 * Times pushed in order (each at or after the one pushed before, as when every answer comes a constant
 * response latency after its event) go to the back of a FIFO run, at no sifting cost; a time pushed out of order
 * goes to a binary heap in a growable Float64Array. The earliest time is the smaller of the run's front and the
 * heap's top, so times come out in the same order either way.
 */
export class TimeHeap {
  private items: Float64Array;
  private heapSize = 0;
  private readonly run = new NumberDeque(64);

  constructor(initialCapacity = 64) {
    this.items = new Float64Array(initialCapacity);
  }

  get size(): number {
    return this.heapSize + this.run.size;
  }

  /** The earliest time, or Infinity when empty. */
  peek(): number {
    const fromRun = this.run.size === 0 ? Infinity : this.run.peekFront();
    const fromHeap = this.heapSize === 0 ? Infinity : this.items[0];
    return fromRun < fromHeap ? fromRun : fromHeap;
  }

  push(t: number): void {
    const run = this.run;
    if (run.size === 0 || t >= run.peekBack()) run.pushBack(t);
    else this.heapPush(t);
  }

  /** Removes and returns the earliest time. Call only when size > 0. */
  pop(): number {
    const run = this.run;
    if (run.size > 0 && (this.heapSize === 0 || run.peekFront() <= this.items[0])) return run.popFront();
    return this.heapPop();
  }

  private heapPush(t: number): void {
    if (this.heapSize === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const a = this.items;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= t) break;
      a[i] = a[parent];
      i = parent;
    }
    a[i] = t;
  }

  private heapPop(): number {
    const a = this.items;
    const top = a[0];
    const last = a[--this.heapSize];
    const n = this.heapSize;
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
