import { describe, expect, it } from 'vitest';
import { grownTo, SlotPool } from './slotPool.ts';

describe('SlotPool', () => {
  it('hands out distinct slots, lowest first, and reuses a slot given back', () => {
    const pool = new SlotPool(4);
    expect([pool.take(), pool.take(), pool.take()]).toEqual([0, 1, 2]);
    pool.give(1);
    expect(pool.isTaken(1)).toBe(false);
    expect(pool.take()).toBe(1);
    expect(pool.inUse).toBe(3);
  });

  it('doubles when it runs out, telling the owner the new capacity before the new slot is used', () => {
    let state = new Float64Array(2);
    const pool = new SlotPool(2, (n) => (state = grownTo(state, n)));
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const slot = pool.take();
      seen.push(slot);
      state[slot] = 10 + i;
    }
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    expect(pool.capacity).toBe(8);
    expect(state.length).toBe(8);
    expect(Array.from(state.subarray(0, 5))).toEqual([10, 11, 12, 13, 14]);
  });

  it('refuses a slot given back twice, which would be handed to two callers', () => {
    const pool = new SlotPool(2);
    const slot = pool.take();
    pool.give(slot);
    expect(() => pool.give(slot)).toThrow('slot 0 was given back but is not taken');
  });
});

describe('grownTo', () => {
  it('keeps the values, zeroes the new room, and keeps an array already long enough', () => {
    const a = Int32Array.from([3, 4]);
    const b = grownTo(a, 4);
    expect(b).toBeInstanceOf(Int32Array);
    expect(Array.from(b)).toEqual([3, 4, 0, 0]);
    expect(grownTo(b, 3)).toBe(b);
  });
});
