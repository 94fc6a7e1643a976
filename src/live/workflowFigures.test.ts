import { describe, expect, it } from 'vitest';
import { loadedModels } from '../sim/services/registry.ts';
import { stepFunctionsKind } from '../sim/services/stepFunctions/kind.ts';
import { scenario, sum } from '../sim/testing.ts';
import { EngineRunner } from '../worker/engineRunner.ts';
import { LiveData } from './liveData.ts';
import { workflowFigures } from './workflowFigures.ts';

const view = stepFunctionsKind.workflow!;

/** Charge retries throttles (reserved concurrency 1, 1 s work) and catches what is left into Refund. */
const DEFINITION = {
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'Pay', 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 1, MaxAttempts: 1 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Refund' }],
      End: true,
    },
    Refund: { Type: 'Pass', End: true },
  },
};

function runner(durationSeconds: number) {
  const sim = scenario({ durationSeconds })
    .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 4 })
    .node('Flow', 'AWS::StepFunctions::StateMachine', { Definition: DEFINITION })
    .node('Pay', 'AWS::Lambda::Function', { ReservedConcurrentExecutions: 1 }, { duration: { distribution: 'constant', valueMs: 1000 } })
    .edge('Users', 'Flow')
    .edge('Flow', 'Pay')
    .build();
  const r = new EngineRunner(loadedModels(), () => 0);
  const live = new LiveData();
  live.setIndex(r.load(sim));
  return { r, live };
}

function advance(r: EngineRunner, live: LiveData, seconds: number) {
  r.step(seconds);
  while (r.tick() >= 0);
  const f = r.takeFrame();
  if (f) live.apply(f);
}

describe('workflowFigures: per-state counts from the live frames', () => {
  it('totals each state counter as the engine counted it, and colours the failing and the idle states', () => {
    const { r, live } = runner(30);
    advance(r, live, 30);
    const sim = r.simulation!;
    const figures = workflowFigures(live, 'Flow', view, ['Charge', 'Refund']);
    const charge = figures.get('Charge')!;
    expect(view.counters.map((c) => c.key)).toEqual(['entered', 'succeeded', 'failed', 'retried', 'caught']);
    // Running sums (what the engine counted up to now, the open period included).
    const running = (metric: string) => sim.metrics.runningSum(sim.metrics.defs.findIndex((d) => d.node === 'Flow' && d.name === metric));
    expect(charge.counts).toEqual(['Entered', 'Succeeded', 'Failed', 'Retried', 'Caught'].map((w) => running(`State:Charge:${w}`)));
    expect(charge.counts[0]).toBeGreaterThanOrEqual(sum(sim, 'Flow', 'State:Charge:Entered'));
    expect(charge.counts[3]).toBeGreaterThan(0);
    expect(charge.counts[4]).toBeGreaterThan(0);
    // Caught throttles in the last period: Charge is failing, Refund (a Pass) only active.
    expect(charge.tone).toBe('failing');
    expect(figures.get('Refund')!.tone).toBe('active');
    expect(figures.get('Refund')!.counts[0]).toBe(running('State:Refund:Entered'));
    // Charge's p99 duration: 1 s of work, or the 1 s retry delay plus work.
    expect(charge.p99).toBeGreaterThanOrEqual(1000);
  });

  it('before anything ran every state is idle with zero counts; a state the run does not know counts NaN', () => {
    const { live } = runner(10);
    const figures = workflowFigures(live, 'Flow', view, ['Charge', 'Ghost']);
    expect(figures.get('Charge')).toEqual({ counts: [0, 0, 0, 0, 0], p99: NaN, tone: 'idle' });
    expect(figures.get('Ghost')!.counts.every(Number.isNaN)).toBe(true);
  });

  it('while a run plays, a state that retried in the last 5 simulated seconds is retrying', () => {
    const { r, live } = runner(60);
    advance(r, live, 3);
    const tone = workflowFigures(live, 'Flow', view, ['Charge']).get('Charge')!.tone;
    expect(['retrying', 'failing']).toContain(tone);
    expect(workflowFigures(live, 'Flow', view, ['Charge']).get('Charge')!.counts[3]).toBeGreaterThan(0);
  });
});
