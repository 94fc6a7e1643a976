import { describe, expect, it } from 'vitest';
import { SlotMap } from './slotMap.ts';

describe('SlotMap', () => {
  it('gives each held item back under its own slot, past the initial capacity', () => {
    const map = new SlotMap<{ n: number }>();
    const items = Array.from({ length: 200 }, (_, n) => ({ n }));
    const slots = items.map((item) => map.put(item));
    expect(new Set(slots).size).toBe(200);
    expect(map.size).toBe(200);
    for (let i = 199; i >= 0; i -= 2) expect(map.take(slots[i])).toBe(items[i]);
    expect(map.size).toBe(100);
    const again = map.put({ n: -1 });
    expect(slots.filter((_, i) => i % 2 === 1)).toContain(again);
    expect(map.take(again)).toEqual({ n: -1 });
  });

  it('refuses a slot taken twice or never put, naming the slot', () => {
    const map = new SlotMap<string>();
    const slot = map.put('a');
    expect(map.take(slot)).toBe('a');
    expect(() => map.take(slot)).toThrow(`slot ${slot} holds no call`);
    expect(() => map.take(999)).toThrow('slot 999 holds no call');
  });
});
