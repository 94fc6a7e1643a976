import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue.ts';
import { Random } from './random.ts';

describe('EventQueue', () => {
  it('pops in time order and resolves ties in insertion order', () => {
    const q = new EventQueue(2);
    q.push(5, 0, 1, 'a');
    q.push(1, 0, 2, 'b');
    q.push(5, 0, 3, 'c');
    q.push(3, 0, 4, 'd');
    q.push(5, 0, 5, 'e');
    const seen: string[] = [];
    while (q.size > 0) {
      q.pop();
      seen.push(`${q.time}${q.payload}`);
    }
    expect(seen).toEqual(['1b', '3d', '5a', '5c', '5e']);
  });

  it('matches a sorted reference on random pushes and pops, growing past its capacity', () => {
    const rng = new Random(7, 'heap');
    const q = new EventQueue(4);
    const ref: [number, number][] = [];
    let seq = 0;
    for (let i = 0; i < 20_000; i++) {
      if (ref.length === 0 || rng.next() < 0.6) {
        const t = Math.floor(rng.next() * 100);
        q.push(t, 0, seq, seq);
        ref.push([t, seq++]);
      } else {
        ref.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const [t, s] = ref.shift()!;
        q.pop();
        expect([q.time, q.kind]).toEqual([t, s]);
      }
    }
    expect(q.size).toBe(ref.length);
  });

  it('holds an event pushed ahead of all the others out of the heap, in the same order as the heap would', () => {
    // Pushes that are often the earliest (the held event), sometimes earlier still (the held one goes back to
    // the heap), ties with pushFirst events, peeks between; checked against a sorted list at every step.
    const rng = new Random(11, 'held');
    const q = new EventQueue(2);
    const ref: { time: number; seq: number; id: number }[] = [];
    let seq = 0;
    let now = 0;
    for (let id = 0; id < 30_000; id++) {
      const r = rng.next();
      if (ref.length === 0 || r < 0.55) {
        const time = now + (rng.next() < 0.5 ? Math.floor(rng.next() * 3) : Math.floor(rng.next() * 50));
        if (rng.next() < 0.1) {
          q.pushFirst(time, 0, id, id);
          ref.push({ time, seq: -1 - seq++, id });
        } else {
          q.push(time, 0, id, id);
          ref.push({ time, seq: seq++, id });
        }
      } else {
        ref.sort((a, b) => a.time - b.time || a.seq - b.seq);
        expect(q.peekTime()).toBe(ref[0].time);
        const want = ref.shift()!;
        q.pop();
        expect([q.time, q.kind, q.payload]).toEqual([want.time, want.id, want.id]);
        now = q.time;
      }
      expect(q.size).toBe(ref.length);
    }
  });

  it('keeps ties in insertion order at every heap size, events at Infinity too', () => {
    // Pop's sift-down puts Infinity after the last event so every parent has two children: events at Infinity
    // tie with that sentinel, at every parity of the heap's size.
    for (let n = 1; n <= 40; n++) {
      const rng = new Random(n, 'ties');
      const q = new EventQueue(2);
      const ref: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        const t = rng.next() < 0.5 ? Infinity : Math.floor(rng.next() * 3);
        q.push(t, 0, i, i);
        ref.push([t, i]);
      }
      ref.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
      const seen: [number, number][] = [];
      while (q.size > 0) {
        q.pop();
        seen.push([q.time, q.kind]);
      }
      expect(seen).toEqual(ref);
    }
  });
});

describe('Random', () => {
  it('gives the same stream for the same seed and name, and different ones otherwise', () => {
    const a = new Random(42, 'Fn#duration');
    const b = new Random(42, 'Fn#duration');
    const c = new Random(42, 'Fn#errors');
    const d = new Random(43, 'Fn#duration');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    expect(Array.from({ length: 5 }, () => d.next())).not.toEqual(xs);
  });

  it('is uniform on [0, 1) and exponential has the stated mean', () => {
    const r = new Random(1, 'u');
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    let e = 0;
    for (let i = 0; i < n; i++) e += r.exponential(80);
    expect(e / n).toBeGreaterThan(79);
    expect(e / n).toBeLessThan(81);
  });
});

describe('EventQueue.pushFirst', () => {
  it('runs before events at the same time that were pushed earlier', () => {
    const q = new EventQueue();
    q.push(10, 0, 1);
    q.push(10, 0, 2);
    q.pushFirst(10, 0, 3);
    q.push(5, 0, 4);
    const kinds: number[] = [];
    while (q.size > 0) {
      q.pop();
      kinds.push(q.kind);
    }
    expect(kinds).toEqual([4, 3, 1, 2]);
  });
});
