import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';
import { TimeHeap } from './timeHeap.ts';

describe('TimeHeap', () => {
  it('pops times in ascending order, growing past its first capacity', () => {
    const heap = new TimeHeap(2);
    const rng = new Random(3, 'heap');
    const times = Array.from({ length: 1000 }, () => Math.floor(rng.next() * 100));
    for (const t of times) heap.push(t);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop());
    expect(out).toEqual([...times].sort((a, b) => a - b));
    expect(heap.peek()).toBe(Infinity);
  });

  it.each([0, 0.05, 0.5, 1])('pops in order when pushes come mostly in order and pops interleave (%f of pushes out of order)', (outOfOrder) => {
    const heap = new TimeHeap(2);
    const rng = new Random(7, `mixed ${outOfOrder}`);
    const held: number[] = [];
    let clock = 0;
    for (let i = 0; i < 5000; i++) {
      clock += rng.next();
      // Answers a constant latency after their event are in order; a few come earlier than the last one pushed.
      const t = rng.next() < outOfOrder ? clock - 10 * rng.next() : clock + 5;
      heap.push(t);
      held.push(t);
      expect(heap.size).toBe(held.length);
      while (rng.next() < 0.45 && heap.size > 0) {
        held.sort((a, b) => a - b);
        expect(heap.peek()).toBe(held[0]);
        expect(heap.pop()).toBe(held.shift());
      }
    }
    held.sort((a, b) => a - b);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop());
    expect(out).toEqual(held);
  });
});
