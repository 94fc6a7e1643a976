import { describe, expect, it } from 'vitest';
import { JourneyTrace } from '../journey.ts';
import { ShardLog } from './shardLog.ts';

/** Bytes of the log's columns (every typed array it holds). */
function columnBytes(log: ShardLog): number {
  let bytes = 0;
  for (const v of Object.values(log)) if (ArrayBuffer.isView(v)) bytes += v.byteLength;
  return bytes;
}

describe('ShardLog', () => {
  it('keeps records by sequence number across growth and drops its front', () => {
    const log = new ShardLog(16);
    for (let i = 0; i < 40; i++) expect(log.append(i * 10, i, 1 + i / 2, i % 7 === 0)).toBe(i);
    expect([log.head, log.tail, log.size]).toEqual([0, 40, 40]);
    expect([log.timeOf(33), log.keyOf(33), log.sizeOf(33), log.poisonOf(33), log.poisonOf(35)]).toEqual([330, 33, 17.5, false, true]);
    log.dropBefore(25);
    expect([log.head, log.size, log.firstAtOrAfter(0, 301)]).toEqual([25, 15, 31]);
  });

  it("keeps a sampled request's trace in a small map by sequence number, not a column, and forgets it with its record", () => {
    const plain = new ShardLog(16);
    const traced = new ShardLog(16);
    const trace = new JourneyTrace(1, 'Sensors', 'test', 0, true);
    for (let i = 0; i < 10_000; i++) {
      plain.append(i, i, 1, false);
      traced.append(i, i, 1, false, i === 5000 ? trace : null);
    }
    // The same columns, so the same bytes per waiting record (21: time, key, size, poison) with a traced record.
    expect(columnBytes(traced)).toBe(columnBytes(plain));
    expect(columnBytes(plain) / 16_384).toBe(21);
    expect([plain.traced, traced.traced]).toEqual([false, true]);
    expect([traced.traceOf(5000), traced.traceOf(4999), plain.traceOf(5000)]).toEqual([trace, null, null]);
    expect(traced.tracedIn(0, 5000)).toEqual([]);
    expect(traced.tracedIn(4000, 6000)).toEqual([5000]);
    traced.dropBefore(5000);
    expect(traced.traceOf(5000)).toBe(trace);
    traced.dropBefore(5001);
    expect([traced.traced, traced.traceOf(5000)]).toEqual([false, null]);
  });
});
