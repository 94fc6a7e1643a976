import { describe, expect, it } from 'vitest';
import { JourneyTrace } from '../../core/journey.ts';
import type { Message } from '../../core/model.ts';
import { newMessage } from '../../core/message.ts';
import { MessageStore, STATE } from './messageStore.ts';

const msg = (init: Partial<Message> = {}): Message => ({ id: 7, createdAt: 12.5, sizeKB: 2.5, attributes: null, records: null, key: 42, poison: true, trace: null, ...init });

describe('SQS MessageStore', () => {
  it('gives back a plain message from its columns, into the object passed', () => {
    const store = new MessageStore(4);
    const slot = store.add(msg(), 30);
    const into = newMessage();
    expect(store.message(slot, into)).toBe(into);
    expect(into).toEqual(msg());
    expect([store.sentAt(slot), store.state(slot), store.receives(slot), store.sizeKB(slot)]).toEqual([30, STATE.VISIBLE, 0, 2.5]);
    expect(store.received(slot)).toBe(1);
  });

  it('keeps whole a message the columns cannot hold: attributes, a body, a size float32 rounds, a huge id', () => {
    const store = new MessageStore(4);
    for (const m of [msg({ attributes: { type: 'order' } }), msg({ body: { a: 1 } }), msg({ sizeKB: 0.1 }), msg({ id: 2 ** 40 })]) {
      expect(store.message(store.add(m, 0), newMessage())).toBe(m);
    }
  });

  it('keeps a whole message across growth, and a plain one reusing its slot is read from the columns', () => {
    const store = new MessageStore(2);
    store.add(msg({ id: 1 }), 0);
    const withBody = msg({ id: 2, body: { order: 9 } });
    const slot = store.add(withBody, 0);
    for (let i = 0; i < 6; i++) store.add(msg({ id: 10 + i }), 0);
    expect(store.message(slot, newMessage())).toBe(withBody);
    store.unlist(slot);
    const reused = store.add(msg({ id: 3 }), 0);
    expect(reused).toBe(slot);
    expect(store.message(reused, newMessage())).toEqual(msg({ id: 3 }));
  });

  it("keeps a sampled request's trace beside its columns, not in a queue-long side array, and forgets it with the slot", () => {
    const store = new MessageStore(2);
    const trace = new JourneyTrace(7, 'Users', 'test', 0, true);
    const slot = store.add(msg({ trace }), 0);
    for (let i = 0; i < 6; i++) store.add(msg({ id: 10 + i }), 0);
    expect(store.traced(slot)).toBe(true);
    expect(store.message(slot, newMessage())).toEqual(msg({ trace }));
    expect(store.copy(slot).trace).toBe(trace);
    expect((store as unknown as { whole: unknown }).whole).toBeNull();
    store.unlist(slot);
    const reused = store.add(msg({ id: 3 }), 0);
    expect(reused).toBe(slot);
    expect([store.traced(reused), store.trace(reused), store.message(reused, newMessage()).trace]).toEqual([false, null, null]);
  });

  it('grows past its first capacity and keeps every message', () => {
    const store = new MessageStore(2);
    const slots = [0, 1, 2, 3, 4].map((i) => store.add(msg({ id: i, key: i * 10 }), i));
    expect(slots.map((s) => [store.key(s), store.sentAt(s)])).toEqual([0, 1, 2, 3, 4].map((i) => [i * 10, i]));
    expect(store.capacity).toBe(8);
  });

  it('reuses a slot only once no list and no batch names it', () => {
    const store = new MessageStore(4);
    const a = store.add(msg({ id: 1 }), 0);
    store.addRef(a);
    store.setState(a, STATE.GONE);
    store.unlist(a);
    const b = store.add(msg({ id: 2 }), 0);
    expect(b).not.toBe(a); // a batch still names a: its receipt must still find a's receive count
    store.dropRef(a);
    expect(store.add(msg({ id: 3 }), 0)).toBe(a);
    expect(store.size).toBe(2);
  });

  it('refuses a slot that leaves its lists twice', () => {
    const store = new MessageStore(4);
    const a = store.add(msg(), 0);
    store.unlist(a);
    expect(() => store.unlist(a)).toThrow(`SQS message slot ${a} left its lists twice`);
  });
});
