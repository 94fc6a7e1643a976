import { describe, expect, it } from 'vitest';
import { Model, Outcome, type Edge, type Message, type ReplyTo, type SimContext, type Timer } from '../../core/model.ts';
import { Driver, TestBench, simNode } from '../../testBench.ts';
import { ApiGatewayModel } from './model.ts';

/** Answers its n-th call after delays[n] ms. */
class SlowBackend extends Model {
  private calls = 0;
  private readonly answer: Timer<{ replyTo: ReplyTo; slot: number }>;

  constructor(
    ctx: SimContext,
    private readonly delays: number[],
  ) {
    super(ctx, simNode('Backend', 'AWS::Lambda::Function'));
    this.answer = ctx.timer(({ replyTo, slot }) => replyTo.reply(slot, Outcome.Ok, this.ctx.now));
  }

  override receive(_msg: Message, _edge: Edge, replyTo: ReplyTo | null, slot: number): void {
    if (replyTo !== null) this.answer.at(this.ctx.now + this.delays[this.calls++], { replyTo, slot });
  }
}

describe('API Gateway integration slots (docs/aws-behaviour.md, API Gateway "responses": integration timeout 504)', () => {
  it("a backend's answer after the 504 never answers a newer request", () => {
    const bench = new TestBench(60);
    const api = bench.add(new ApiGatewayModel(bench, simNode('Api', 'AWS::ApiGateway::RestApi', { TimeoutInMillis: 1000 }, { overheadMs: 0 })));
    const driver = bench.add(new Driver(bench));
    // Request 1 times out at 1 s and its backend answers at 5 s; request 2 (sent at 2 s) is answered at 2.9 s, in time.
    bench.add(new SlowBackend(bench, [5000, 900]));
    bench.connect(driver, api, 'invoke');
    bench.connect(api, bench.models[2], 'invoke');
    driver.at(0).at(2000);
    bench.start();
    bench.run();
    expect(driver.results.map((r) => [r.sentAt, r.outcome, r.doneAt])).toEqual([
      [0, Outcome.GatewayTimeout, 1000],
      [2000, Outcome.Ok, 2900],
    ]);
    expect(api.pendingIntegrations).toBe(0);
  });

  it('a request sent while an older backend is still busy past its 504 is answered by its own backend call', () => {
    const bench = new TestBench(60);
    const api = bench.add(new ApiGatewayModel(bench, simNode('Api', 'AWS::ApiGateway::RestApi', { TimeoutInMillis: 1000 }, { overheadMs: 0 })));
    const driver = bench.add(new Driver(bench));
    // Request 2 waits 800 ms; request 1's late answer (at 2.5 s) comes while request 2 (sent at 2 s) still waits.
    bench.add(new SlowBackend(bench, [2500, 800]));
    bench.connect(driver, api, 'invoke');
    bench.connect(api, bench.models[2], 'invoke');
    driver.at(0).at(2000);
    bench.start();
    bench.run();
    expect(driver.results.map((r) => [r.sentAt, r.outcome, r.doneAt])).toEqual([
      [0, Outcome.GatewayTimeout, 1000],
      [2000, Outcome.Ok, 2800],
    ]);
  });
});
