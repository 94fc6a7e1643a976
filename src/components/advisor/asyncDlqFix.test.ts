import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../scenario/index.ts';
import { Simulation } from '../../sim/engine.ts';
import { createAppStore } from '../../store/index.ts';
import { emptyDoc, type Doc } from '../../store/doc.ts';
import { adviseOn } from './rules.ts';
import { loadedModels } from '../../sim/services/registry.ts';

const LAMBDA = 'AWS::Lambda::Function';
const SQS = 'AWS::SQS::Queue';

/** An SNS topic invoking a function asynchronously; the function always fails. */
function asyncDoc(): Doc {
  return {
    ...emptyDoc('Async'),
    durationSeconds: 30,
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { pattern: 'constant', ratePerSecond: 10 } },
      { id: 'Topic', type: 'AWS::SNS::Topic', position: { x: 300, y: 0 } },
      { id: 'Fn', type: LAMBDA, position: { x: 600, y: 0 }, properties: { MaximumRetryAttempts: 0 }, behaviour: { errorRate: 1 } },
    ],
    edges: [
      { from: 'Users', to: 'Topic' },
      { from: 'Topic', to: 'Fn' },
    ],
  };
}

describe('advisor: async Lambda without a DLQ or destination, with the real service registry', () => {
  it('offers the fix, and the fixed architecture is valid, warning-free and keeps the failed events', () => {
    const d = asyncDoc();
    const advice = adviseOn(d); // the registry's own connection rules, not a stub
    expect(advice.map((a) => a.id)).toEqual(['async-dlq:Fn']);
    expect(advice[0].fixLabel).toBe('Add an SQS on-failure queue');
    const fixed = advice[0].fix!(d);
    expect(fixed.nodes.map((n) => [n.id, n.type])).toContainEqual(['FnFailures', SQS]);
    expect(fixed.edges.map(({ from, to, role }) => ({ from, to, role }))).toContainEqual({ from: 'Fn', to: 'FnFailures', role: 'onFailure' });
    expect(typeof fixed.edges.find((e) => e.role === 'onFailure')?.id).toBe('string');
    expect(adviseOn(fixed)).toEqual([]);

    const r = validateScenario(fixed);
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    const sim = new Simulation(r.sim, loadedModels());
    sim.run();
    const res = sim.result();
    const sent = res.nodes.FnFailures.totals.NumberOfMessagesSent?.Sum ?? 0;
    // every event fails (errorRate 1, no retries) and goes to the on-failure queue instead of being lost
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBe(res.nodes.Fn.totals.Invocations.Sum);
  });

  it('the one-click fix through the store is one undo step', () => {
    const store = createAppStore();
    store.getState().loadDoc(asyncDoc(), { resetHistory: true });
    const [a] = adviseOn(store.getState().doc);
    store.getState().edit(a.fix!);
    expect(store.getState().doc.edges).toHaveLength(3);
    store.getState().undo();
    expect(store.getState().doc.edges).toHaveLength(2);
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['Users', 'Topic', 'Fn']);
  });
});
