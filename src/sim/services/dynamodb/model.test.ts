import { describe, expect, it } from 'vitest';
import { Outcome, type SimContext } from '../../core/model.ts';
import { Driver, TestBench, message, simNode } from '../../testBench.ts';
import { partitionShares } from './keySkew.ts';
import { DynamoTableModel } from './model.ts';

const TABLE = 'AWS::DynamoDB::Table';

function setup(seconds: number, properties: Record<string, unknown>, behaviour: Record<string, unknown> = {}, call: Record<string, unknown> = { operation: 'PutItem' }) {
  const bench = new TestBench(seconds);
  const table = bench.add(new DynamoTableModel(bench, simNode('Orders', TABLE, properties, behaviour)));
  const driver = bench.add(new Driver(bench));
  driver.keepResults = false;
  bench.connect(driver, table, 'call', call);
  return { bench, table, driver };
}

const withKey = (key: number) => (c: SimContext) => message(c, { key });

describe('DynamoDB provisioned capacity', () => {
  it('a hot key throttles at the 1,000 WCU partition maximum while the table uses a quarter of its WCU', () => {
    const { bench, table, driver } = setup(10, { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 4000 } });
    driver.every(1500, 0, 10_000, withKey(7));
    bench.start();
    bench.run();
    expect(table.partitions).toBe(5);
    // Adaptive capacity and 300 s of burst are both available, yet one partition never serves past 1,000 WCU/s.
    expect(bench.series('Orders', 'ConsumedWriteCapacityUnits')).toEqual(Array(10).fill(1000));
    expect(bench.sum('Orders', 'WriteThrottleEvents')).toBe(5000);
    expect(driver.outcomes[Outcome.Throttled]).toBe(5000);
    expect(driver.outcomes[Outcome.Ok]).toBe(10_000);
  });

  it('a Zipf-hot partition throttles while the table is under its WCU; adaptive capacity lends it the rest', () => {
    // 400 WCU over 5 partitions (50 GB) = 80 WCU each; 300 writes/s with Zipf keys and no burst.
    const behaviour = { tableSizeGB: 50, keyDistribution: 'zipf', keys: 1000, zipfExponent: 1.2, burstSeconds: 0 };
    const hottest = Math.max(...partitionShares({ distribution: 'zipf', keys: 1000, zipfExponent: 1.2, hotKeyShare: 0 }, 5));
    const expectedThrottlesPerSecond = 300 * hottest - 80;
    expect(expectedThrottlesPerSecond).toBeGreaterThan(20);

    const off = setup(60, { WriteCapacityUnits: 400 }, { ...behaviour, adaptiveCapacity: false });
    off.driver.every(300, 0, 60_000);
    off.bench.start();
    off.bench.run();
    const consumed = off.bench.series('Orders', 'ConsumedWriteCapacityUnits');
    expect(Math.max(...consumed)).toBeLessThan(400);
    const throttles = off.bench.sum('Orders', 'WriteThrottleEvents');
    expect(throttles / 60).toBeGreaterThan(expectedThrottlesPerSecond * 0.85);
    expect(throttles / 60).toBeLessThan(expectedThrottlesPerSecond * 1.15);
    expect(off.bench.sum('Orders', 'ConsumedWriteCapacityUnits') + throttles).toBe(18_000);

    const on = setup(60, { WriteCapacityUnits: 400 }, { ...behaviour, adaptiveCapacity: true });
    on.driver.every(300, 0, 60_000);
    on.bench.start();
    on.bench.run();
    expect(on.bench.sum('Orders', 'WriteThrottleEvents')).toBe(0);
    expect(on.bench.sum('Orders', 'ConsumedWriteCapacityUnits')).toBe(18_000);
  });

  it('burst capacity (300 s of unused WCU) absorbs a short spike, then a long one throttles', () => {
    // 50 WCU, one partition: burst holds 15,000 WCU. At 250 writes/s the excess is 200/s: 75 s of burst.
    const short = setup(60, { WriteCapacityUnits: 50 });
    short.driver.every(250, 0, 60_000);
    short.bench.start();
    short.bench.run();
    expect(short.bench.sum('Orders', 'WriteThrottleEvents')).toBe(0);
    expect(short.bench.sum('Orders', 'ConsumedWriteCapacityUnits')).toBe(15_000);

    const long = setup(120, { WriteCapacityUnits: 50 });
    long.driver.every(250, 0, 120_000);
    long.bench.start();
    long.bench.run();
    const throttles = long.bench.series('Orders', 'WriteThrottleEvents');
    expect(throttles.slice(0, 75)).toEqual(Array(75).fill(0));
    expect(throttles.slice(75)).toEqual(Array(45).fill(200));
    expect(long.bench.series('Orders', 'ConsumedWriteCapacityUnits').slice(75)).toEqual(Array(45).fill(50));
  });

  it('throttles answer ProvisionedThroughputExceededException', () => {
    const { bench, driver } = setup(2, { WriteCapacityUnits: 1 }, { burstSeconds: 0 });
    driver.keepResults = true;
    driver.every(10, 0, 1000);
    bench.start();
    bench.run();
    expect(driver.results.map((r) => r.outcome)).toEqual([Outcome.Ok, ...Array(9).fill(Outcome.Throttled)]);
    expect(driver.results[1].reason).toBe('ProvisionedThroughputExceededException');
    expect(driver.results[0].doneAt).toBeGreaterThan(driver.results[0].sentAt);
  });

  it('reads use RCUs per item size and consistency; provisioned cost is per capacity-hour', () => {
    const { bench, driver } = setup(3600, { ReadCapacityUnits: 100, WriteCapacityUnits: 100 }, {}, { operation: 'GetItem', itemSizeKB: 9, consistency: 'strong' });
    driver.every(10, 0, 10_000);
    bench.start();
    bench.run();
    expect(bench.sum('Orders', 'ConsumedReadCapacityUnits')).toBe(300);
    expect(bench.sum('Orders', 'ConsumedWriteCapacityUnits')).toBe(0);
    expect(bench.sum('Orders', 'Cost')).toBeCloseTo(100 * 0.00013 + 100 * 0.00065, 10);
    expect(bench.level('Orders', 'ProvisionedWriteCapacityUnits')).toBe(100);
  });

  it('a live edit of the capacity takes effect from the next request', () => {
    const { bench, table, driver } = setup(20, { WriteCapacityUnits: 10 }, { burstSeconds: 0 });
    driver.every(50, 0, 20_000);
    bench.start();
    bench.run(10_000);
    table.update(simNode('Orders', TABLE, { WriteCapacityUnits: 100 }, { burstSeconds: 0 }));
    bench.run();
    const throttles = bench.series('Orders', 'WriteThrottleEvents');
    expect(throttles.slice(0, 10)).toEqual(Array(10).fill(40));
    expect(throttles.slice(10)).toEqual(Array(10).fill(0));
    expect(bench.series('Orders', 'ProvisionedWriteCapacityUnits')).toEqual([...Array(10).fill(10), ...Array(10).fill(100)]);
  });

  it('a bad call edge is reported with its place', () => {
    const { bench, driver } = setup(1, {}, {}, { operation: 'GetItems' });
    driver.at(0);
    bench.start();
    expect(() => bench.run()).toThrow(/edge Driver -> Orders: properties.operation: must be one of GetItem/);
  });
});

describe('DynamoDB on-demand capacity', () => {
  it('serves up to 2x the previous peak at once, however recent the peak, and throttles a jump past it', () => {
    // Initial capacity 100 writes/s (a previous peak of 50). 80/s makes the peak 80; 150/s (under 2 x 80) is
    // served at once and makes the peak 150 a minute later; 400/s is past 2 x 150 = 300: 100 throttled a second.
    const { bench, driver } = setup(2060, { BillingMode: 'PAY_PER_REQUEST' }, { onDemandInitialWritesPerSecond: 100 });
    driver.keepResults = true;
    driver.every(80, 0, 600_000);
    driver.every(150, 1_900_000, 1_960_000);
    driver.every(400, 2_000_000, 2_060_000);
    bench.start();
    bench.run();
    const throttles = bench.series('Orders', 'WriteThrottleEvents');
    expect(throttles.slice(0, 2000).every((t) => t === 0)).toBe(true);
    expect(throttles.slice(2000)).toEqual(Array(60).fill(100));
    expect(bench.series('Orders', 'ConsumedWriteCapacityUnits').slice(2000)).toEqual(Array(60).fill(300));
    expect(driver.results.find((r) => r.outcome === Outcome.Throttled)?.reason).toBe('ThrottlingException');
    const written = 80 * 600 + 150 * 60 + 300 * 60;
    expect(bench.sum('Orders', 'Cost')).toBeCloseTo(written * 0.625e-6, 10);
  });

  it('a table at 3,000 writes/s for ten minutes then 5,500 is not throttled (double a 10-minute-old peak)', () => {
    const { bench } = setup(720, { BillingMode: 'PAY_PER_REQUEST' });
    const driver = bench.models[1] as Driver;
    driver.every(3000, 0, 600_000);
    driver.every(5500, 600_000, 720_000);
    bench.start();
    bench.run();
    expect(bench.sum('Orders', 'WriteThrottleEvents')).toBe(0);
    const served = bench.series('Orders', 'ConsumedWriteCapacityUnits').slice(600);
    expect(Math.abs(served.reduce((a, b) => a + b, 0) - 5500 * 120)).toBeLessThanOrEqual(1); // the driver's grid may add one at the end
  });

  it('growth past double the previous peak throttles for 30 minutes, then capacity doubles', () => {
    // A new table (initial 40 writes/s here; AWS's 4,000, scaled down 100x to keep the test quick) asked for
    // 100/s: 40 served each second; throttled seconds count toward the peak only once 30 minutes old (from
    // second 1,801 the ceiling is 80; 30 minutes later 160).
    const { bench } = setup(3700, { BillingMode: 'PAY_PER_REQUEST' }, { onDemandInitialWritesPerSecond: 40 });
    const driver = bench.models[1] as Driver;
    driver.every(100, 0, 3_700_000);
    bench.start();
    bench.run();
    const served = bench.series('Orders', 'ConsumedWriteCapacityUnits');
    expect(served.slice(0, 1801).every((u) => u === 40)).toBe(true);
    expect(served.slice(1801, 3602).every((u) => u === 80)).toBe(true);
    expect(served.slice(3602).every((u) => u === 100)).toBe(true);
  });

  it('a new on-demand table throttles past its initial 4,000 writes/s', () => {
    const { bench } = setup(5, { BillingMode: 'PAY_PER_REQUEST' });
    const driver = bench.models[1] as Driver;
    driver.every(8000, 0, 5000);
    bench.start();
    bench.run();
    expect(bench.series('Orders', 'ConsumedWriteCapacityUnits')).toEqual(Array(5).fill(4000));
    expect(bench.sum('Orders', 'WriteThrottleEvents')).toBe(20_000);
  });

  it('splits partitions as on-demand capacity grows, so the table outgrows one partition\'s 1,000 WCU', () => {
    // 800 writes/s and 300 reads/s initially: one partition. 700 writes/s make the ceiling 1,400 a second later.
    const { bench, table, driver } = setup(1960, { BillingMode: 'PAY_PER_REQUEST' }, { onDemandInitialWritesPerSecond: 800, onDemandInitialReadsPerSecond: 300 });
    driver.every(700, 1000, 1_800_000);
    driver.every(1280, 1_900_000, 1_960_000);
    bench.start();
    bench.run(999);
    expect(table.partitions).toBe(1);
    bench.run(1_000_000);
    expect(table.partitions).toBe(2);
    bench.run();
    expect(bench.sum('Orders', 'WriteThrottleEvents')).toBe(0);
    expect(Math.max(...bench.series('Orders', 'ConsumedWriteCapacityUnits').slice(1900))).toBeGreaterThan(1000);
  });
});
