import { beforeAll, describe, expect, it } from 'vitest';
import { scenario, sum, total } from '../../testing.ts';
import { predict, type TheoryOverlay } from '../../theory/overlay.ts';
import { loadTheories, theoryOverlayOf, type Theories } from '../theory.ts';

let theories: Theories;
beforeAll(async () => {
  theories = await loadTheories();
});

const FN = 'AWS::Lambda::Function';
const exponential = (meanMs: number) => ({ duration: { distribution: 'exponential', meanMs }, coldStartMs: 0 });

function overlayOf(b: ReturnType<typeof scenario>, node = 'Fn'): TheoryOverlay {
  const o = theoryOverlayOf(b.build(), node, theories);
  if (!o) throw new Error(`no overlay for ${node}`);
  return o;
}

describe('Lambda theory: the inputs of the Erlang B overlay', () => {
  it('a reserved function behind a Poisson client: servers = reserved, W = mean duration, λ from invocations and throttles', () => {
    const o = overlayOf(
      scenario()
        .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 100 })
        .node('Fn', FN, { ReservedConcurrentExecutions: 25, Timeout: 30 }, exponential(200))
        .edge('Users', 'Fn'),
    );
    expect(o).toMatchObject({ formula: 'erlangB', servers: 25, serversWhy: 'reserved concurrency 25', meanServiceMs: 200, broken: [], arrivals: ['Invocations', 'Throttles'] });
    expect(o.rateCap).toEqual({ perSecond: 250, burst: 250, why: 'the request-rate quota of 10 x reserved concurrency' });
    expect(o.lines.map((l) => [l.metric, l.label])).toEqual([['ConcurrentExecutions', "Little's law prediction"], ['Throttles', 'Erlang B prediction']]);
  });

  it("an unreserved function gets the account's share: account less every reservation and others' provisioned", () => {
    const b = scenario({ settings: { lambdaAccountConcurrency: 1000 } })
      .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 100 })
      .node('Fn', FN, { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 20 } }, { duration: { distribution: 'lognormal', medianMs: 50, p99Ms: 200 } })
      .node('Reports', FN, { ReservedConcurrentExecutions: 300 })
      .node('Idle', FN, { ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 50 } })
      .edge('Users', 'Fn');
    const o = overlayOf(b);
    expect(o.servers).toBe(650);
    expect(o.serversWhy).toBe("the account's 1000 less 350 reserved or provisioned elsewhere");
    expect(o.meanServiceMs).toBeCloseTo(50 * Math.exp(((Math.log(4) / 2.3263478740408408) ** 2) / 2), 6);
    expect(o.rateCap?.perSecond).toBe(10_000);
    expect(o.broken).toEqual([]);
    expect(o.assumptions.some((a) => a.startsWith('cold starts (Init mean'))).toBe(true);
  });

  it('memory scales the CPU-bound part of the mean duration', () => {
    const o = overlayOf(
      scenario()
        .node('Users', 'Client')
        .node('Fn', FN, { MemorySize: 1769, ReservedConcurrentExecutions: 5 }, { ...exponential(100), cpuBoundFraction: 1, measuredAtMemoryMB: 442 })
        .edge('Users', 'Fn'),
    );
    expect(o.meanServiceMs).toBeCloseTo((100 * 442) / 1769, 9);
  });

  it('through an API the client is still the source; the API is named as passing requests on', () => {
    const o = overlayOf(
      scenario()
        .node('Users', 'Client', { pattern: 'spike' })
        .node('Api', 'AWS::ApiGateway::RestApi')
        .node('Fn', FN, { ReservedConcurrentExecutions: 10 }, exponential(100))
        .edge('Users', 'Api')
        .edge('Api', 'Fn'),
    );
    expect(o.broken).toEqual([]);
    expect(o.assumptions).toContain("Users's rate changes (spike): Poisson at each moment, so the line follows the smoothed measured rate and lags each change");
    expect(o.assumptions).toContain('Api passes requests on as they come (any it throttles are not in the formula)');
  });

  it('says where it does not hold: even arrivals, async callers, SDK calls, a Timeout that cuts, a shared pool', () => {
    const b = scenario()
      .node('Users', 'Client', { pattern: 'constant' })
      .node('Topic', 'AWS::SNS::Topic')
      .node('Fn', FN, { Timeout: 1 }, exponential(500))
      .node('Other', FN)
      .node('Table', 'AWS::DynamoDB::Table')
      .edge('Users', 'Fn')
      .edge('Users', 'Other')
      .edge('Topic', 'Fn')
      .edge('Fn', 'Table');
    expect(overlayOf(b).broken).toEqual([
      "Fn shares the account's unreserved pool with Other, so its servers are not fixed (reserve concurrency to fix them)",
      "Fn's SDK calls (to Table) add their latency to each invocation, so its mean duration is not known in advance",
      "Fn's Timeout of 1 s cuts 13.5% of invocations short",
      "Topic invokes it asynchronously: events wait in Lambda's own queue rather than being refused",
      'Users sends evenly spaced requests (constant pattern), and the formula assumes Poisson arrivals (random gaps): it would predict too many throttles and waits',
    ]);
  });

  it('has no overlay for a function nothing invokes', () => {
    expect(theoryOverlayOf(scenario().node('Fn', FN).build(), 'Fn', theories)).toBeNull();
  });
});

describe('engine vs the Erlang B overlay (seeded)', () => {
  it("throttle fraction within 4% and mean concurrency within 2% of the overlay's own prediction", () => {
    const b = scenario({ durationSeconds: 3000, seed: 3 })
      .node('Users', 'Client', { pattern: 'poisson', ratePerSecond: 180 })
      .node('Api', 'AWS::ApiGateway::RestApi')
      .node('Fn', FN, { ReservedConcurrentExecutions: 20, Timeout: 30 }, exponential(100))
      .edge('Users', 'Api')
      .edge('Api', 'Fn');
    const o = overlayOf(b);
    const sim = b.run();
    const offered = sum(sim, 'Fn', 'Invocations') + sum(sim, 'Fn', 'Throttles');
    const p = predict(o, offered / 3000);
    if (!p.ok) throw new Error(p.text);
    expect(p.figures.probability).toBeGreaterThan(0.08);
    const throttled = sum(sim, 'Fn', 'Throttles') / offered;
    expect(Math.abs(throttled / p.figures.probability - 1)).toBeLessThan(0.04);
    const concurrency = total(sim, 'Fn', 'ConcurrentExecutions').Average;
    expect(Math.abs(concurrency / o.lines[0].value(p.figures) - 1)).toBeLessThan(0.02);
  });
});
