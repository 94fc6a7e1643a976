import { describe, expect, it } from 'vitest';
import { Outcome } from '../../core/model.ts';
import { Simulation } from '../../engine.ts';
import { Driver, Sink, TestBench, message, simNode } from '../../testBench.ts';
import { scenario, series, sum, total } from '../../testing.ts';
import { loadedModels } from '../registry.ts';
import { FakeFunction } from '../sqs/testBench.ts';
import { KinesisStream } from './model.ts';

const STREAM = 'AWS::Kinesis::Stream';
const FN = 'AWS::Lambda::Function';

/** One shard at 500 records/s read by a function that does 400 records/s (batches of 100 take 250 ms). */
function fallingBehind(durationSeconds: number) {
  return scenario({ durationSeconds })
    .node('Producers', 'Client', { pattern: 'constant', ratePerSecond: 500 })
    .node('Clicks', STREAM, { ShardCount: 1 })
    .node('Consumer', FN, { Timeout: 60 }, { duration: { distribution: 'constant', valueMs: 50 }, perRecordMs: 2, coldStartMs: 0 })
    .edge('Producers', 'Clicks')
    .edge('Clicks', 'Consumer', { properties: { BatchSize: 100 } })
    .build();
}

describe('Kinesis: iterator age (queueing fact: iterator-age slope)', () => {
  it('grows at (1 - capacity / arrival) seconds per second while the consumer falls behind', () => {
    const sim = new Simulation(fallingBehind(600), loadedModels());
    sim.run();
    const age = series(sim, 'Clicks', 'IteratorAge', 'Maximum');
    // 400 of 500 records/s processed: the age grows 0.2 s each second.
    const slope = (age[599] - age[199]) / 1000 / 400;
    expect(slope).toBeGreaterThan(0.2 * 0.9);
    expect(slope).toBeLessThan(0.2 * 1.1);
    expect(sum(sim, 'Clicks', 'WriteProvisionedThroughputExceeded')).toBe(0);
  });

  it('comes back near the polling interval when ParallelizationFactor is raised live', () => {
    const built = fallingBehind(1500);
    const sim = new Simulation(built, loadedModels());
    sim.advanceTo(600_000);
    const behind = series(sim, 'Clicks', 'IteratorAge', 'Maximum').at(-1) as number;
    expect(behind).toBeGreaterThan(100_000);
    // Two lanes per shard: 800 records/s of capacity for 500 arriving.
    sim.updateEdge(1, { ...built.edges[1].properties, ParallelizationFactor: 2 });
    sim.run();
    const age = series(sim, 'Clicks', 'IteratorAge', 'Maximum');
    expect(Math.max(...age.slice(-60))).toBeLessThan(2500);
    expect(total(sim, 'Clicks', 'EventSourceBatchesInFlight').Maximum).toBe(2);
  });
});

/** A bench with a stream read by a fake function, a driver writing to it, and an on-failure sink. */
function bench(mapping: Record<string, unknown>, fnOptions: ConstructorParameters<typeof FakeFunction>[2] = {}) {
  const b = new TestBench(600);
  const driver = b.add(new Driver(b));
  const stream = b.add(new KinesisStream(b, simNode('S', STREAM, { ShardCount: 1 })));
  const fn = b.add(new FakeFunction(b, 'F', { durationMs: 10, ...fnOptions }));
  const failures = b.add(new Sink(b, 'Failures', 'AWS::SQS::Queue'));
  b.connect(driver, stream, 'call');
  b.connect(stream, fn, 'eventSource', mapping);
  b.connect(stream, failures, 'onFailure');
  return { b, driver, stream, fn, failures };
}

const streamMapping = (extra: Record<string, unknown>) => ({
  BatchSize: 100,
  MaximumBatchingWindowInSeconds: 0,
  ParallelizationFactor: 1,
  MaximumRetryAttempts: -1,
  MaximumRecordAgeInSeconds: -1,
  BisectBatchOnFunctionError: false,
  FunctionResponseTypes: [],
  Enabled: true,
  retryDelayMs: 1000,
  ...extra,
});

describe('Kinesis: failing batches (errors rows)', () => {
  it('a poison record with MaximumRetryAttempts -1 blocks its shard until it expires', () => {
    const { b, driver, fn } = bench(streamMapping({ MaximumRecordAgeInSeconds: 60 }));
    const poisonAt = 10_000;
    for (let t = 0; t < 200_000; t += 1000) driver.at(t, (c) => message(c, { poison: t === poisonAt }));
    b.start();
    b.run();
    // Records behind the poison one (sent at 11..59 s) are retried with it, in one growing batch, until it is
    // older than 60 s (discarded at about 71 s); their last, successful attempt comes after that.
    const lastAttempt = new Map<number, number>();
    for (const p of fn.processed) lastAttempt.set(p.id % 1e12, p.at);
    for (let seq = 11; seq < 60; seq++) expect(lastAttempt.get(seq)).toBeGreaterThanOrEqual(70_000);
    for (let seq = 0; seq < 10; seq++) expect(lastAttempt.get(seq)).toBeLessThan(10_000);
    expect(b.sum('S', 'RecordsDiscarded')).toBe(1);
    const lastAge = b.series('S', 'IteratorAge', 5); // the Maximum column
    expect(Math.max(...lastAge.slice(60, 72))).toBeGreaterThan(55_000);
    expect(Math.max(...lastAge.slice(120))).toBeLessThan(3000);
  });

  it('with BisectBatchOnFunctionError only the bad record reaches the on-failure destination', () => {
    const { b, driver, fn, failures } = bench(streamMapping({ BisectBatchOnFunctionError: true, MaximumRetryAttempts: 2 }));
    for (let i = 0; i < 100; i++) driver.at(0, (c) => message(c, { poison: i === 37 }));
    b.start();
    b.run();
    expect(failures.received).toHaveLength(1);
    expect(failures.received[0].msg.attributes).toMatchObject({ condition: 'RetryAttemptsExhausted', batchSize: 1 });
    expect(b.sum('S', 'RecordsDiscarded')).toBe(1);
    const poisonIds = new Set(fn.processed.filter((p) => p.id % 1e12 === 37).map((p) => p.id));
    expect(poisonIds.size).toBe(1);
    // Every other record was processed; the last attempt of the poison record is the fourth (1 + 2 retries).
    expect(new Set(fn.processed.map((p) => p.id)).size).toBe(100);
  });

  it('with ParallelizationFactor 10 a key\'s records are never processed out of order', () => {
    const { b, driver, fn } = bench(streamMapping({ ParallelizationFactor: 10, BatchSize: 20 }), {
      durationMs: (rng) => 20 + rng.next() * 400,
    });
    for (let i = 0; i < 3000; i++) driver.at(i * 10, (c) => message(c, { key: i % 37 }));
    b.start();
    b.run();
    expect(fn.maxConcurrency).toBeGreaterThan(5);
    const lastSeq = new Map<number, number>();
    let records = 0;
    for (const p of fn.processed) {
      const seq = p.id % 1e12;
      const key = seq % 37;
      expect(seq).toBeGreaterThan(lastSeq.get(key) ?? -1);
      lastSeq.set(key, seq);
      records++;
    }
    expect(records).toBe(3000);
  });

  it('with ReportBatchItemFailures checkpoints before the first failed record and retries from it', () => {
    let failOnce = true;
    const { b, driver, fn } = bench(streamMapping({ FunctionResponseTypes: ['ReportBatchItemFailures'] }), {
      fails: (r) => {
        if (r.id % 1e12 === 5 && failOnce) {
          failOnce = false;
          return true;
        }
        return false;
      },
    });
    for (let i = 0; i < 10; i++) driver.at(0, (c) => message(c));
    b.start();
    b.run();
    // First batch 0..9 reports record 5: 0..4 are done, the retry is 5..9.
    expect(fn.batchSizes.slice(0, 2)).toEqual([10, 5]);
    expect(fn.processed.slice(10).map((p) => p.id % 1e12)).toEqual([5, 6, 7, 8, 9]);
  });
});

describe('Kinesis: writes (shard limits)', () => {
  it('refuses writes past 1,000 records/s on a shard', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Producers', 'Client', { pattern: 'constant', ratePerSecond: 1500 })
      .node('S', STREAM, { ShardCount: 1 })
      .edge('Producers', 'S')
      .run();
    expect(sum(sim, 'S', 'IncomingRecords')).toBe(10_000);
    expect(sum(sim, 'S', 'WriteProvisionedThroughputExceeded')).toBe(5000);
    expect(sum(sim, 'Producers', 'Throttled')).toBe(5000);
  });

  it('a hot partition key makes one shard throttle while the stream is far under its total', () => {
    const sim = scenario({ durationSeconds: 60 })
      .node('Producers', 'Client', { pattern: 'poisson', ratePerSecond: 2000 }, { keys: { distribution: 'zipf', count: 1000, exponent: 2 } })
      .node('S', STREAM, { ShardCount: 4 })
      .edge('Producers', 'S')
      .run();
    const incoming = sum(sim, 'S', 'IncomingRecords') / 60;
    expect(incoming).toBeLessThan(2000); // 4 shards could take 4,000/s
    expect(sum(sim, 'S', 'WriteProvisionedThroughputExceeded') / 60).toBeGreaterThan(100);
  });

  it('an on-demand stream serves double its previous peak at once, and throttles past it', () => {
    const sim = scenario({ durationSeconds: 120 })
      .node('Steady', 'Client', { pattern: 'constant', ratePerSecond: 3000, stopSeconds: 60 })
      .node('Burst', 'Client', { pattern: 'constant', ratePerSecond: 7000, startSeconds: 60 })
      .node('S', STREAM, { StreamModeDetails: { StreamMode: 'ON_DEMAND' } })
      .edge('Steady', 'S')
      .edge('Burst', 'S')
      .run();
    const refused = series(sim, 'S', 'WriteProvisionedThroughputExceeded');
    expect(refused.slice(0, 60).reduce((a, b) => a + b, 0)).toBe(0);
    // 7,000/s after a 3,000/s peak: 6,000/s fit at once, the rest is refused (hash spread over 6 shards adds some).
    expect(refused.slice(61).reduce((a, b) => a + b, 0) / 59).toBeGreaterThan(900);
    expect(total(sim, 'S', 'OpenShards').Maximum).toBe(6);
  });

  it('counts records no consumer reads without storing them', () => {
    const sim = scenario({ durationSeconds: 600 })
      .node('Producers', 'Client', { pattern: 'constant', ratePerSecond: 1000 })
      .node('S', STREAM, { ShardCount: 2 })
      .edge('Producers', 'S')
      .run();
    expect(sim.model('S')?.backlog()).toBe(0);
    expect(sum(sim, 'S', 'IncomingRecords')).toBe(600_000);
    expect(sum(sim, 'Producers', 'Failed')).toBe(0);
    expect(Outcome.Ok).toBe(0);
  });
});

/** One shard written at 600 records/s of 1 KB, read by `consumers` functions that each keep up on their own. */
function sharedShard(consumers: number, durationSeconds: number) {
  const b = scenario({ durationSeconds })
    .node('Producers', 'Client', { pattern: 'constant', ratePerSecond: 600 }, { payloadSizeKB: 1 })
    .node('Clicks', STREAM, { ShardCount: 1 })
    .edge('Producers', 'Clicks');
  for (let i = 1; i <= consumers; i++) {
    b.node(`C${i}`, FN, {}, { duration: { distribution: 'constant', valueMs: 20 }, coldStartMs: 0 }).edge('Clicks', `C${i}`, { properties: { BatchSize: 500 } });
  }
  return b.build();
}

describe('Kinesis: reads (shard limits, polling detail)', () => {
  it('consumers share a shard\'s 2 MB/s: three keep up with 600 KB/s, a fourth makes them all fall behind', () => {
    const three = new Simulation(sharedShard(3, 180), loadedModels());
    three.run();
    for (const c of ['C1', 'C2', 'C3']) expect(Math.max(...series(three, 'Clicks', `IteratorAge:${c}`, 'Maximum').slice(120))).toBeLessThan(2500);

    const four = new Simulation(sharedShard(4, 180), loadedModels());
    four.run();
    // 4 x 600 KB/s asked of 2,048 KB/s: together they fall behind by at least 0.15 s every second.
    const age = series(four, 'Clicks', 'GetRecords.IteratorAgeMilliseconds', 'Maximum');
    const atEnd = Math.max(...age.slice(170));
    expect(atEnd).toBeGreaterThan(20_000);
    expect(atEnd).toBeGreaterThan(Math.max(...age.slice(80, 90)) + 0.15 * 90_000);
    expect(sum(four, 'Clicks', 'ReadProvisionedThroughputExceeded')).toBeGreaterThan(0);
  });

  it('a consumer that keeps up reads once a poll and is never refused; seven pollers pass the 5 calls a second', () => {
    const one = new Simulation(
      scenario({ durationSeconds: 120 })
        .node('Producers', 'Client', { pattern: 'constant', ratePerSecond: 600 })
        .node('Clicks', STREAM, { ShardCount: 1 })
        .node('C1', FN, {}, { duration: { distribution: 'constant', valueMs: 20 }, coldStartMs: 0 })
        .edge('Producers', 'Clicks')
        .edge('Clicks', 'C1', { properties: { BatchSize: 10_000 } })
        .build(),
      loadedModels(),
    );
    one.run();
    expect(sum(one, 'Clicks', 'ReadProvisionedThroughputExceeded')).toBe(0);
    // Caught up, it waits for the next poll (about a second) rather than reading again as each batch ends: one
    // batch of about 600 records a poll.
    const invocations = sum(one, 'C1', 'Invocations');
    expect(invocations).toBeGreaterThan(105);
    expect(invocations).toBeLessThan(135);

    const quiet = (consumers: number) => {
      const b = scenario({ durationSeconds: 120 })
        .node('Producers', 'Client', { pattern: 'constant', ratePerSecond: 50 })
        .node('Clicks', STREAM, { ShardCount: 1 })
        .edge('Producers', 'Clicks');
      for (let i = 1; i <= consumers; i++) b.node(`C${i}`, FN, {}, { coldStartMs: 0 }).edge('Clicks', `C${i}`);
      const sim = new Simulation(b.build(), loadedModels());
      sim.run();
      return sum(sim, 'Clicks', 'ReadProvisionedThroughputExceeded');
    };
    expect(quiet(4)).toBe(0);
    expect(quiet(7)).toBeGreaterThan(60);
  });

  it('a consumer blocked for a minute catches up at 2 MB/s, not at once', () => {
    const sim = new Simulation(
      scenario({ durationSeconds: 180 })
        .node('Producers', 'Client', { pattern: 'constant', ratePerSecond: 900 }, { payloadSizeKB: 1 })
        .node('Clicks', STREAM, { ShardCount: 1 })
        .node('Consumer', FN, { Timeout: 900 }, { duration: { distribution: 'constant', valueMs: 20 }, coldStartMs: 0 })
        .edge('Producers', 'Clicks')
        .edge('Clicks', 'Consumer', { properties: { BatchSize: 1000, Enabled: false } })
        .build(),
      loadedModels(),
    );
    sim.advanceTo(60_000);
    // 54,000 records (about 53 MB) wait; the mapping is switched on.
    const index = sim.scenario.edges.findIndex((e) => e.to === 'Consumer');
    sim.updateEdge(index, { ...sim.scenario.edges[index].properties, Enabled: true });
    sim.run();
    const age = series(sim, 'Clicks', 'GetRecords.IteratorAgeMilliseconds', 'Maximum');
    // Reading 2,048 KB/s while 900 KB/s arrive gains 1,148 KB/s: the minute of backlog takes about 47 s.
    expect(age[75]).toBeGreaterThan(20_000);
    expect(age[170]).toBeLessThan(3_000);
  });
});
