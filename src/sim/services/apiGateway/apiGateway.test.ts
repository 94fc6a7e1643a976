import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine.ts';
import { Outcome, type Edge, type Message } from '../../core/model.ts';
import { answerTo, scenario, series, sum, total } from '../../testing.ts';
import { mapIntegrationOutcome } from './model.ts';
import { loadedModels } from '../registry.ts';

const API = 'AWS::ApiGateway::RestApi';
const FN = 'AWS::Lambda::Function';
const constant = (ratePerSecond: number, extra: Record<string, unknown> = {}) => ({ pattern: 'constant', ratePerSecond, ...extra });
const fastFunction = { duration: 1, coldStartMs: 0 };

describe('API Gateway throttling', () => {
  it('lets a burst through, then the steady rate (stage token bucket)', () => {
    const sim = scenario({ durationSeconds: 10, settings: { lambdaAccountConcurrency: 10_000 } })
      .node('Users', 'Client', constant(1000))
      .node('Api', API, { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50 })
      .node('Fn', FN, {}, fastFunction)
      .edge('Users', 'Api')
      .edge('Api', 'Fn')
      .run();
    const count = series(sim, 'Api', 'Count');
    const throttled = series(sim, 'Api', '4XXError');
    const accepted = count.map((c, i) => c - throttled[i]);
    expect(count.every((c) => c === 1000)).toBe(true);
    // Second 0: the 50-request burst plus 100 refilled; then 100 a second.
    expect(Math.abs(accepted[0] - 150)).toBeLessThanOrEqual(1);
    for (let s = 1; s < 10; s++) expect(Math.abs(accepted[s] - 100)).toBeLessThanOrEqual(1);
    expect(sum(sim, 'Users', 'Throttled')).toBe(sum(sim, 'Api', '4XXError'));
    expect(sum(sim, 'Api', '5XXError')).toBe(0);
    const passed = sum(sim, 'Api', 'Count') - sum(sim, 'Api', '4XXError');
    expect(sum(sim, 'Api', 'Cost')).toBeCloseTo(Number((passed * 3.5e-6).toFixed(6)), 6); // throttled requests are free
  });

  it('shares the account bucket between APIs, after each stage bucket', () => {
    const sim = scenario({ durationSeconds: 10, settings: { apiGatewayAccountRateLimit: 100, apiGatewayAccountBurstLimit: 50 } })
      .node('A', 'Client', constant(500))
      .node('B', 'Client', constant(500))
      .node('Closed', 'Client', constant(100))
      .node('Api1', API)
      .node('Api2', API)
      .node('Api3', API, { ThrottlingBurstLimit: 0, ThrottlingRateLimit: 0 })
      .node('Fn', FN, {}, fastFunction)
      .edge('A', 'Api1')
      .edge('B', 'Api2')
      .edge('Closed', 'Api3')
      .edge('Api1', 'Fn')
      .edge('Api2', 'Fn')
      .edge('Api3', 'Fn')
      .run();
    const passed = ['Api1', 'Api2'].map((a) => sum(sim, a, 'Count') - sum(sim, a, '4XXError'));
    // 50 + 100/s x 10 s for both APIs together; the closed stage takes no account tokens.
    expect(Math.abs(passed[0] + passed[1] - 1050)).toBeLessThanOrEqual(1);
    expect(sum(sim, 'Api3', '4XXError')).toBe(1000);
  });

  it('does not favour one API when two constant-rate clients tie at the same millisecond', () => {
    const sim = scenario({ durationSeconds: 60, settings: { apiGatewayAccountRateLimit: 100, apiGatewayAccountBurstLimit: 10 } })
      .node('A', 'Client', constant(100))
      .node('B', 'Client', constant(100))
      .node('Api1', API)
      .node('Api2', API)
      .node('Fn', FN, {}, fastFunction)
      .edge('A', 'Api1')
      .edge('B', 'Api2')
      .edge('Api1', 'Fn')
      .edge('Api2', 'Fn')
      .run();
    const throttled = ['Api1', 'Api2'].map((a) => sum(sim, a, '4XXError'));
    // 12,000 asked, 10 + 100/s x 60 s allowed: about 5,990 refused, split about evenly.
    expect(Math.abs(throttled[0] + throttled[1] - 5990)).toBeLessThanOrEqual(2);
    expect(throttled[0] / (throttled[0] + throttled[1])).toBeGreaterThan(0.4);
    expect(throttled[0] / (throttled[0] + throttled[1])).toBeLessThan(0.6);
  });
});

describe('API Gateway integration', () => {
  it('answers 504 exactly TimeoutInMillis after the integration started, and ignores the late answer', () => {
    const run = (TimeoutInMillis?: number) =>
      scenario({ durationSeconds: 100 })
        .node('Users', 'Client', constant(1, { stopSeconds: 5 }))
        .node('Api', API, TimeoutInMillis ? { TimeoutInMillis } : {})
        .node('Fn', FN, { Timeout: 60 }, { duration: 40_000, coldStartMs: 0 })
        .edge('Users', 'Api')
        .edge('Api', 'Fn')
        .run();
    const sim = run();
    expect(total(sim, 'Users', 'Latency')).toMatchObject({ SampleCount: 5, Minimum: 29_005, Maximum: 29_005 });
    expect(total(sim, 'Api', 'IntegrationLatency')).toMatchObject({ Minimum: 29_000, Maximum: 29_000 });
    expect(sum(sim, 'Api', '5XXError')).toBe(5);
    expect(sum(sim, 'Users', 'Failed')).toBe(5);
    expect(sum(sim, 'Fn', 'Invocations')).toBe(5); // the function ran on regardless
    expect(sum(sim, 'Fn', 'Errors')).toBe(0);
    expect(sim.warnings).toEqual([]); // nobody was answered twice
    expect(total(run(1000), 'Users', 'Latency').Maximum).toBe(1005);
  });

  it('keeps one timer for all pending integrations, not a heap event per request', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', constant(100))
      .node('Api', API)
      .node('Fn', FN, {}, { duration: 10, coldStartMs: 0 })
      .edge('Users', 'Api')
      .edge('Api', 'Fn')
      .run();
    expect(sum(sim, 'Users', 'Succeeded')).toBe(999); // the last answer comes after the end
    // 1,000 arrivals + 1,000 function ends + 10 period ends (+ at most a timer).
    expect(sim.events).toBeLessThanOrEqual(2011);
    expect(total(sim, 'Api', 'Latency').Minimum).toBe(15);
    expect(total(sim, 'Api', 'IntegrationLatency').Maximum).toBe(10);
  });

  it('maps a Lambda error to 502 and a Lambda throttle to 500', () => {
    expect(mapIntegrationOutcome(Outcome.Ok)).toBe(Outcome.Ok);
    expect(mapIntegrationOutcome(Outcome.FunctionError)).toBe(Outcome.BadGateway);
    expect(mapIntegrationOutcome(Outcome.FunctionTimeout)).toBe(Outcome.BadGateway);
    expect(mapIntegrationOutcome(Outcome.Throttled)).toBe(Outcome.ServerError);
    expect(mapIntegrationOutcome(Outcome.Failed)).toBe(Outcome.ServerError);
    const build = scenario({ durationSeconds: 5 })
      .node('Api', API)
      .node('Broken', FN, {}, { errorRate: 1, duration: 20, coldStartMs: 0 })
      .node('Api2', API)
      .node('Closed', FN, { ReservedConcurrentExecutions: 0 })
      .edge('Api', 'Broken')
      .edge('Api2', 'Closed')
      .build();
    const sim = new Simulation(build, loadedModels());
    const answers: [string, number, number, string | undefined][] = [];
    const msg = (): Message => ({ id: 1, createdAt: 0, sizeKB: 1, attributes: null, records: null, key: -1, poison: false, trace: null });
    for (const id of ['Api', 'Api2']) {
      const api = sim.model(id)!;
      const edge: Edge = { index: 0, from: api, to: api, role: 'invoke', properties: {}, async: false };
      api.receive(msg(), edge, answerTo((o, at, info) => answers.push([id, o, at, info?.reason])), 0);
    }
    sim.run();
    expect(answers).toEqual([
      ['Api2', Outcome.ServerError, 5, 'ReservedFunctionConcurrentInvocationLimitExceeded'],
      ['Api', Outcome.BadGateway, 25, undefined],
    ]);
    expect(sum(sim, 'Api', '5XXError')).toBe(1);
    expect(sum(sim, 'Api2', '5XXError')).toBe(1);
  });

  it('routes requests over several integrations by edge weight', () => {
    const sim = scenario({ durationSeconds: 100 })
      .node('Users', 'Client', constant(100))
      .node('Api', API)
      .node('Heavy', FN, {}, fastFunction)
      .node('Light', FN, {}, fastFunction)
      .edge('Users', 'Api')
      .edge('Api', 'Heavy', { properties: { weight: 3 } })
      .edge('Api', 'Light')
      .run();
    const heavy = sum(sim, 'Heavy', 'Invocations');
    const light = sum(sim, 'Light', 'Invocations');
    // 10,000 requests, p = 0.75: 3 sigma is 0.013.
    expect(Math.abs(heavy / (heavy + light) - 0.75)).toBeLessThan(0.013);
  });

  it('answers 500 when the API has no integration, with a warning', () => {
    const sim = scenario({ durationSeconds: 2 }).node('Users', 'Client', constant(5)).node('Api', API).edge('Users', 'Api').run();
    expect(sum(sim, 'Api', '5XXError')).toBe(10);
    expect(sim.warnings.join()).toContain('no integration');
  });
});
