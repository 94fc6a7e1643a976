import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing.ts';

describe('journeys through API Gateway', () => {
  it('an accepted request shows the integration until its answer; the client sees it after the overhead', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Api', 'AWS::ApiGateway::RestApi', {}, { overheadMs: 10 })
      .node('Fn', 'AWS::Lambda::Function', {}, { duration: 100, coldStartMs: 0 })
      .edge('Users', 'Api')
      .edge('Api', 'Fn')
      .run();
    const [j] = sim.journeys();
    expect(j.hops.map((h) => [h.nodeId, h.kind, h.label, h.startMs, h.endMs, h.detail])).toEqual([
      ['Users', 'span', 'request, until the answer', 0, 110, 'Ok'],
      ['Api', 'span', 'integration, until its answer', 0, 100, '200'],
      ['Api', 'event', 'accepted', 0, 0, 'integration Fn, timeout 29000 ms'],
      ['Fn', 'work', 'runs', 0, 100, 'Ok · warm environment'],
    ]);
  });

  it('a request over the stage limit is a 429 (aws-behaviour API Gateway "throttle", "responses")', () => {
    const sim = scenario({ durationSeconds: 5 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Api', 'AWS::ApiGateway::RestApi', { ThrottlingRateLimit: 0, ThrottlingBurstLimit: 0 }, { overheadMs: 10 })
      .node('Fn', 'AWS::Lambda::Function')
      .edge('Users', 'Api')
      .edge('Api', 'Fn')
      .run();
    const [j] = sim.journeys();
    expect(j.hops.map((h) => [h.nodeId, h.kind, h.label, h.detail])).toEqual([
      ['Users', 'span', 'request, until the answer', 'Throttled'],
      ['Api', 'throttle', '429 Too Many Requests', 'the stage limit'],
    ]);
    expect(j.failure).toBe('Users got Throttled');
  });

  it('an integration past TimeoutInMillis answers 504 at the deadline', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Api', 'AWS::ApiGateway::RestApi', { TimeoutInMillis: 1000 }, { overheadMs: 0 })
      .node('Fn', 'AWS::Lambda::Function', { Timeout: 5 }, { duration: 2000, coldStartMs: 0 })
      .edge('Users', 'Api')
      .edge('Api', 'Fn')
      .run();
    const [j] = sim.journeys();
    const integration = j.hops.find((h) => h.nodeId === 'Api' && h.kind === 'span');
    expect(integration).toMatchObject({ startMs: 0, endMs: 1000, detail: '504 · integration timeout 1000 ms', error: true });
    expect(j.hops.find((h) => h.nodeId === 'Fn')).toMatchObject({ startMs: 0, endMs: 2000 });
  });
});
