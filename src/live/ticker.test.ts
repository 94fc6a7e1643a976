import { afterEach, describe, expect, it, vi } from 'vitest';
import { live } from './liveData.ts';
import { currentTick, subscribeTick, tickNow } from './ticker.ts';

describe('the canvas figures clock', () => {
  afterEach(() => vi.useRealTimers());

  it('ticks every TICK_MS when the data changed, and at once when asked (a run that pauses or finishes)', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const stop = subscribeTick(() => seen.push(currentTick()));
    live.clear(); // a new data version
    tickNow();
    expect(seen).toHaveLength(1);
    tickNow(); // nothing changed since: no tick
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(1);
    live.clear();
    vi.advanceTimersByTime(250);
    expect(seen).toHaveLength(2);
    stop();
    live.clear();
    tickNow(); // nobody listens
    expect(seen).toHaveLength(2);
  });
});
