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
});
