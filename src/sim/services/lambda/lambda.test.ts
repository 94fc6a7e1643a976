import { describe, expect, it } from 'vitest';
import { Outcome, type Edge, type Message } from '../../core/model.ts';
import { Simulation } from '../../engine.ts';
import { answerTo, scenario, series, sum, total } from '../../testing.ts';
import type { LambdaModel } from './model.ts';
import { lambdaInvocationCost } from './prices.ts';
import { durationScale, lambdaBehaviour } from './spec.ts';
import { loadedModels } from '../registry.ts';

const FN = 'AWS::Lambda::Function';
const constant = (ratePerSecond: number, extra: Record<string, unknown> = {}) => ({ pattern: 'constant', ratePerSecond, ...extra });

describe('Lambda concurrency', () => {
  it('serves a load exactly at its reserved concurrency without a throttle, and throttles one over', () => {
    // 10 requests/s of exactly 1 s each need exactly 10 environments: one frees as the next request arrives.
    const run = (reserved: number) =>
      scenario({ durationSeconds: 60 })
        .node('Users', 'Client', constant(10))
        .node('Fn', FN, { ReservedConcurrentExecutions: reserved }, { duration: 1000, coldStartMs: 0 })
        .edge('Users', 'Fn')
        .run();
    const atLimit = run(10);
    expect(sum(atLimit, 'Fn', 'Throttles')).toBe(0);
    expect(sum(atLimit, 'Users', 'Requests')).toBe(600);
    expect(sum(atLimit, 'Fn', 'Invocations')).toBe(590); // counted when they end; the run ends before 60 s
    expect(total(atLimit, 'Fn', 'ConcurrentExecutions').Maximum).toBe(10);
    expect(sum(atLimit, 'Fn', 'ColdStarts')).toBe(10);

    const over = run(9);
    expect(sum(over, 'Fn', 'Throttles')).toBe(60); // the 10th request of every second
    expect(sum(over, 'Fn', 'Throttles:ReservedFunctionConcurrentInvocationLimitExceeded')).toBe(60);
    expect(sum(over, 'Users', 'Throttled')).toBe(60);
    expect(total(over, 'Fn', 'ConcurrentExecutions').Maximum).toBe(9);
  });

  it('reserved concurrency 0 throttles every invocation', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', constant(5))
      .node('Fn', FN, { ReservedConcurrentExecutions: 0 })
      .edge('Users', 'Fn')
      .run();
    expect(sum(sim, 'Fn', 'Throttles:ReservedFunctionConcurrentInvocationLimitExceeded')).toBe(50);
    expect(sum(sim, 'Fn', 'Invocations')).toBe(0);
  });

  it('functions without a reservation share what reservations leave of the account, and a warning says when fewer than 100 stay unreserved', () => {
    const sim = scenario({ durationSeconds: 60, settings: { lambdaAccountConcurrency: 100 } })
      .node('Users', 'Client', constant(100))
      .node('Reserved', FN, { ReservedConcurrentExecutions: 30 })
      .node('Shared', FN, {}, { duration: 1000, coldStartMs: 0 })
      .edge('Users', 'Shared')
      .run();
    expect(total(sim, 'Shared', 'ConcurrentExecutions').Maximum).toBe(70);
    expect(sum(sim, 'Shared', 'Throttles:ConcurrentInvocationLimitExceeded')).toBe(30 * 60);
    expect(sum(sim, 'Shared', 'Throttles')).toBe(30 * 60);
    expect((sim.model('Shared') as LambdaModel).concurrencyLimit).toBe(70);
    expect(sim.warnings.some((w) => w.includes('leaves less than the 100 unreserved'))).toBe(true);
  });

  it('limits synchronous requests to 10 x the reserved concurrency per second', () => {
    // Reserved 1: at most 10 requests/s (token bucket of 10, refilled at 10/s), though each takes 1 ms.
    const sim = scenario({ durationSeconds: 60 })
      .node('Users', 'Client', constant(20))
      .node('Fn', FN, { ReservedConcurrentExecutions: 1 }, { duration: 1, coldStartMs: 0 })
      .edge('Users', 'Fn')
      .run();
    const started = sum(sim, 'Users', 'Requests') - sum(sim, 'Fn', 'Throttles');
    expect(started).toBeGreaterThanOrEqual(609);
    expect(started).toBeLessThanOrEqual(611); // burst 10 + 10/s x 60 s
    expect(sum(sim, 'Fn', 'Throttles:ReservedFunctionInvocationRateLimitExceeded')).toBe(1200 - started);
  });
});

describe('Lambda request-rate quota (request rate rows)', () => {
  it('shares one bucket of 10 x account concurrency among all unreserved functions', () => {
    // Two functions at 8,000 req/s each under an account of 1,000: 16,000/s asked, 10,000/s allowed. Each
    // request takes 1 ms, so concurrency (about 8 each) never binds; only the shared request rate does.
    const sim = scenario({ durationSeconds: 30 })
      .node('A', 'Client', { pattern: 'poisson', ratePerSecond: 8000 })
      .node('B', 'Client', { pattern: 'poisson', ratePerSecond: 8000 })
      .node('FnA', FN, {}, { duration: 1, coldStartMs: 0 })
      .node('FnB', FN, {}, { duration: 1, coldStartMs: 0 })
      .edge('A', 'FnA')
      .edge('B', 'FnB')
      .run();
    const throttledPerSecond = (sum(sim, 'FnA', 'Throttles') + sum(sim, 'FnB', 'Throttles')) / 30;
    expect(throttledPerSecond).toBeGreaterThan(6000 * 0.9);
    expect(throttledPerSecond).toBeLessThan(6000 * 1.1);
    expect(sum(sim, 'FnA', 'Throttles:FunctionInvocationRateLimitExceeded')).toBe(sum(sim, 'FnA', 'Throttles'));
    // Neither function starves: the bucket is shared, not first-come-first-served by node order.
    expect(Math.abs(sum(sim, 'FnA', 'Throttles') - sum(sim, 'FnB', 'Throttles'))).toBeLessThan(0.1 * sum(sim, 'FnA', 'Throttles'));
  });

  it('gives a function with reserved concurrency its own 10 x reserved bucket, apart from the account', () => {
    const sim = scenario({ durationSeconds: 20 })
      .node('A', 'Client', { pattern: 'constant', ratePerSecond: 12_000 })
      .node('B', 'Client', { pattern: 'constant', ratePerSecond: 400 })
      .node('Shared', FN, {}, { duration: 1, coldStartMs: 0 })
      .node('Own', FN, { ReservedConcurrentExecutions: 50 }, { duration: 1, coldStartMs: 0 })
      .edge('A', 'Shared')
      .edge('B', 'Own')
      .run();
    // The account bucket is 10 x 1,000 = 10,000/s (starting full), the reservation does not shrink it:
    // 240,000 asked, 10,000 + 20 x 10,000 allowed.
    expect(Math.abs(sum(sim, 'Shared', 'Throttles') - 30_000)).toBeLessThanOrEqual(2);
    expect(sum(sim, 'Own', 'Throttles')).toBe(0);
  });

  it('never throttles asynchronous invocations for request rate, only for concurrency', () => {
    // Reserved 100 and 2,000 events/s of 10 ms: concurrency about 20, far below 100; synchronous requests at
    // this rate would exceed 10 x 100 = 1,000/s, but Event invocations have no request-rate quota.
    const sim = scenario({ durationSeconds: 60 })
      .node('Events', 'Client', { pattern: 'constant', ratePerSecond: 2000 })
      .node('Fn', FN, { ReservedConcurrentExecutions: 100 }, { duration: 10, coldStartMs: 0 })
      .edge('Events', 'Fn', { properties: { invocationType: 'Event' } })
      .run();
    expect(sum(sim, 'Fn', 'Throttles')).toBe(0);
    expect(sum(sim, 'Fn', 'Invocations')).toBeGreaterThan(2000 * 60 - 100);
    expect(total(sim, 'Fn', 'AsyncEventAge').Maximum ?? 0).toBeLessThan(50);
  });
});

describe('Lambda scaling rate', () => {
  const spike = (settings: Record<string, unknown>) =>
    scenario({ durationSeconds: 70, settings: { lambdaAccountConcurrency: 10_000, ...settings } })
      .node('Users', 'Client', { pattern: 'spike', ratePerSecond: 0, peakRatePerSecond: 5000, atSeconds: 10, holdSeconds: 60 })
      .node('Fn', FN, { Timeout: 10 }, { duration: 1000, coldStartMs: 0 })
      .edge('Users', 'Fn')
      .run();

  it('a spike from 0 to 5,000 requests/s gets 1,000 environments at once, then 100 more per second', () => {
    const sim = spike({});
    const maxConcurrency = series(sim, 'Fn', 'ConcurrentExecutions', 'Maximum');
    for (let k = 0; k < 36; k++) {
      // Second k of the spike ends with 1,000 + 100 (k + 1) environments, all busy.
      expect(Math.abs(maxConcurrency[10 + k] - (1000 + 100 * (k + 1)))).toBeLessThanOrEqual(2);
    }
    // After 40 s the function has all the environments the load needs (5,000 requests/s x 1 s).
    expect(maxConcurrency[60]).toBeGreaterThan(4800);
    expect(sum(sim, 'Fn', 'Throttles:ScalingRateLimitExceeded')).toBe(sum(sim, 'Fn', 'Throttles'));
    expect(sum(sim, 'Fn', 'Throttles:ScalingRateLimitExceeded')).toBeGreaterThan(50_000);
    expect(maxConcurrency.slice(0, 10).every((c) => c === 0)).toBe(true);
  });

  it('the legacy rule gives the account burst at once, then 500 per minute', () => {
    const sim = spike({ lambdaScaling: 'legacy', lambdaLegacyBurst: 500 });
    const maxConcurrency = series(sim, 'Fn', 'ConcurrentExecutions', 'Maximum');
    for (const k of [0, 11, 29, 59]) expect(Math.abs(maxConcurrency[10 + k] - (500 + (500 / 60) * (k + 1)))).toBeLessThanOrEqual(2);
  });
});

describe('Lambda environments', () => {
  it('cold-starts only new environments and reuses warm ones', () => {
    // 10 requests/s of 50 ms; the first four arrive while the earlier ones are still in a 300 ms Init.
    const sim = scenario({ durationSeconds: 60 })
      .node('Users', 'Client', constant(10))
      .node('Fn', FN, {}, { duration: 50, coldStartMs: 300 })
      .edge('Users', 'Fn')
      .run();
    expect(sum(sim, 'Fn', 'ColdStarts')).toBe(4);
    expect(total(sim, 'Fn', 'InitDuration').SampleCount).toBe(4);
    expect(total(sim, 'Fn', 'Duration').Maximum).toBe(50); // Duration excludes Init
    expect(total(sim, 'Users', 'Latency').Maximum).toBe(350); // the caller waits for Init
    expect(total(sim, 'Users', 'Latency').Minimum).toBe(50);
  });

  it('reclaims environments idle longer than the idle lifetime', () => {
    const run = (lambdaIdleLifetimeSeconds: number) =>
      scenario({ durationSeconds: 200, settings: { lambdaIdleLifetimeSeconds } })
        .node('Morning', 'Client', constant(10, { stopSeconds: 10 }))
        .node('Evening', 'Client', constant(10, { startSeconds: 100, stopSeconds: 110 }))
        .node('Fn', FN, {}, { duration: 50, coldStartMs: 300 })
        .edge('Morning', 'Fn')
        .edge('Evening', 'Fn')
        .run();
    expect(sum(run(600), 'Fn', 'ColdStarts')).toBe(4);
    expect(sum(run(60), 'Fn', 'ColdStarts')).toBe(8);
    const sim = run(60);
    expect((sim.model('Fn') as LambdaModel).idleEnvironments).toBe(0); // reaped by the end
  });

  it('spills traffic above provisioned concurrency to on-demand environments', () => {
    const sim = scenario({ durationSeconds: 60 })
      .node('Users', 'Client', constant(20))
      .node('Fn', FN, { ReservedConcurrentExecutions: 30, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 10 } }, { duration: 1000, coldStartMs: 500 })
      .edge('Users', 'Fn')
      .run();
    // The first 10 requests of each second find a provisioned environment (no Init); the other 10 spill.
    expect(sum(sim, 'Fn', 'ProvisionedConcurrencySpilloverInvocations')).toBeGreaterThanOrEqual(600);
    expect(sum(sim, 'Fn', 'ColdStarts')).toBeLessThanOrEqual(20);
    expect(sum(sim, 'Fn', 'ColdStarts')).toBeGreaterThanOrEqual(10);
    expect(sum(sim, 'Fn', 'Throttles')).toBe(0);
    expect(total(sim, 'Users', 'Latency').Minimum).toBe(1000);
  });

  it('counts exactly the spill-over beyond provisioned concurrency', () => {
    const sim = scenario({ durationSeconds: 60 })
      .node('Users', 'Client', constant(20))
      .node('Fn', FN, { ReservedConcurrentExecutions: 30, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 10 } }, { duration: 1000, coldStartMs: 0 })
      .edge('Users', 'Fn')
      .run();
    expect(sum(sim, 'Fn', 'ProvisionedConcurrencySpilloverInvocations')).toBe(600);
    expect(sum(sim, 'Fn', 'ColdStarts')).toBe(10);
  });

  it('clamps provisioned concurrency to reserved with a warning', () => {
    const sim = scenario({ durationSeconds: 1 })
      .node('Fn', FN, { ReservedConcurrentExecutions: 5, ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 8 } })
      .run();
    expect((sim.model('Fn') as LambdaModel).provisionedConcurrency).toBe(5);
    expect(sim.warnings.join()).toContain('lowered to 5');
  });
});

describe('Lambda invocations', () => {
  it('ends an invocation at Timeout with FunctionTimeout, billed for the Timeout', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', constant(1))
      .node('Fn', FN, { Timeout: 1, MemorySize: 1024 }, { duration: 1500, coldStartMs: 0 })
      .edge('Users', 'Fn')
      .run();
    // The request sent at 9 s times out exactly at the end of the run and is not counted.
    expect(sum(sim, 'Fn', 'Invocations')).toBe(9);
    expect(sum(sim, 'Fn', 'Errors')).toBe(9);
    expect(total(sim, 'Fn', 'Duration').Maximum).toBe(1000);
    expect(total(sim, 'Users', 'Latency').Maximum).toBe(1000);
    expect(sum(sim, 'Users', 'Failed')).toBe(9);
    expect(sum(sim, 'Fn', 'Cost')).toBeCloseTo(9 * lambdaInvocationCost(1000, 1024, 'x86_64'), 6);
  });

  it('fails the stated fraction of invocations and every poison message', () => {
    const sim = scenario({ durationSeconds: 600 })
      .node('Users', 'Client', constant(20), { poisonRate: 0.1 })
      .node('Fn', FN, {}, { duration: 10, errorRate: 0.25 })
      .edge('Users', 'Fn')
      .run();
    const n = sum(sim, 'Fn', 'Invocations');
    // 1 - 0.75 x 0.9 = 0.325 of invocations fail; 3 sigma over 12,000 is 0.013.
    expect(Math.abs(sum(sim, 'Fn', 'Errors') / n - 0.325)).toBeLessThan(0.013);
    expect(sum(sim, 'Users', 'Failed')).toBe(sum(sim, 'Fn', 'Errors'));
  });

  it('bills requests and GB-seconds of Init plus Duration per 1 ms, by architecture', () => {
    const run = (arch: string) =>
      scenario({ durationSeconds: 100 })
        .node('Users', 'Client', constant(10))
        .node('Fn', FN, { MemorySize: 1024, Architectures: [arch] }, { duration: 100.2, coldStartMs: 0 })
        .edge('Users', 'Fn')
        .run();
    const x86 = run('x86_64');
    const n = sum(x86, 'Fn', 'Invocations');
    expect(n).toBe(999);
    // 101 ms billed (rounded up), 1 GB: $0.20/1M + 0.101 GB-s x $0.0000166667
    expect(sum(x86, 'Fn', 'Cost')).toBeCloseTo(Number((n * (0.2e-6 + 0.101 * 0.0000166667)).toFixed(6)), 6);
    expect(sum(run('arm64'), 'Fn', 'Cost')).toBeCloseTo(Number((n * (0.2e-6 + 0.101 * 0.0000133334)).toFixed(6)), 6);
  });

  it('scales the CPU-bound part of the duration with vCPU (1,769 MB = 1 vCPU)', () => {
    const b = lambdaBehaviour.parse({ cpuBoundFraction: 1, measuredAtMemoryMB: 128 });
    expect(durationScale(b, 1769)).toBeCloseTo(128 / 1769, 12);
    expect(durationScale(b, 3538)).toBeCloseTo(128 / 1769, 12); // one thread cannot use the second vCPU
    const twoThreads = lambdaBehaviour.parse({ cpuBoundFraction: 1, measuredAtMemoryMB: 1769, threads: 2 });
    expect(durationScale(twoThreads, 3538)).toBeCloseTo(0.5, 12);
    const half = lambdaBehaviour.parse({ cpuBoundFraction: 0.5, measuredAtMemoryMB: 128 });
    expect(durationScale(half, 256)).toBeCloseTo(0.75, 12);
    expect(durationScale(lambdaBehaviour.parse({}), 10_240)).toBe(1); // I/O bound by default
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', constant(1))
      .node('Fn', FN, { MemorySize: 256 }, { duration: 400, cpuBoundFraction: 0.5, coldStartMs: 0 })
      .edge('Users', 'Fn')
      .run();
    expect(total(sim, 'Fn', 'Duration').Maximum).toBe(300);
  });

  it('applies a lowered reserved concurrency from the next event of a live run', () => {
    const build = scenario({ durationSeconds: 60 })
      .node('Users', 'Client', constant(10))
      .node('Fn', FN, { ReservedConcurrentExecutions: 10 }, { duration: 1000, coldStartMs: 0 })
      .edge('Users', 'Fn')
      .build();
    const sim = new Simulation(build, loadedModels());
    sim.advanceTo(30_000);
    const fn = build.nodes[1];
    sim.updateNode({ ...fn, properties: { ...fn.properties, ReservedConcurrentExecutions: 2 } });
    sim.run();
    const maxConcurrency = series(sim, 'Fn', 'ConcurrentExecutions', 'Maximum');
    expect(maxConcurrency[29]).toBe(10);
    expect(maxConcurrency.slice(31).every((c) => c === 2)).toBe(true);
    expect((sim.model('Fn') as LambdaModel).concurrencyLimit).toBe(2);
    expect(sum(sim, 'Fn', 'Throttles:ReservedFunctionConcurrentInvocationLimitExceeded')).toBe(30 * 8); // 8 of the 10 requests of every second after the change
  });

  it('runs a batch as one invocation and reports failed records with ReportBatchItemFailures', () => {
    const build = scenario({ durationSeconds: 10 })
      .node('Fn', FN, {}, { duration: 100, perRecordMs: 10, coldStartMs: 0 })
      .build();
    const sim = new Simulation(build, loadedModels());
    const fn = sim.model('Fn') as LambdaModel;
    const record = (id: number, poison: boolean): Message => ({ id, createdAt: 0, sizeKB: 1, attributes: null, records: null, key: -1, poison, trace: null });
    const batch = (): Message => ({ id: 100, createdAt: 0, sizeKB: 3, attributes: null, records: [record(1, false), record(2, true), record(3, false)], key: -1, poison: false, trace: null });
    const edge = (types: string[]): Edge => ({ index: 0, from: fn, to: fn, role: 'eventSource', properties: { FunctionResponseTypes: types }, async: false });
    const answers: [number, number, number[] | undefined][] = [];
    fn.receive(batch(), edge(['ReportBatchItemFailures']), answerTo((o, at, info) => answers.push([o, at, info?.failedRecords?.map((r) => r.id)])), 0);
    fn.receive(batch(), edge([]), answerTo((o, at, info) => answers.push([o, at, info?.failedRecords?.map((r) => r.id)])), 1);
    sim.run();
    expect(answers).toEqual([
      [Outcome.Ok, 130, [2]],
      [Outcome.FunctionError, 130, undefined],
    ]);
    expect(sum(sim, 'Fn', 'Invocations')).toBe(2);
    expect(sum(sim, 'Fn', 'Errors')).toBe(1);
  });

  it('an Event invocation is accepted at once (202) and runs without a reply', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', constant(10))
      .node('Fn', FN, {}, { duration: 5000, errorRate: 1 })
      .edge('Users', 'Fn', { properties: { invocationType: 'Event' } })
      .run();
    expect(sum(sim, 'Users', 'Succeeded')).toBe(100);
    expect(total(sim, 'Users', 'Latency').Maximum).toBe(0);
    expect(sum(sim, 'Fn', 'Invocations')).toBeGreaterThan(0);
    expect(sum(sim, 'Fn', 'Errors')).toBe(sum(sim, 'Fn', 'Invocations'));
  });
});
