import { describe, expect, it } from 'vitest';
import { scenario } from '../../testing.ts';

const WAIT = { StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 2, Next: 'Done' }, Done: { Type: 'Succeed' } } };

describe('journeys through a state machine', () => {
  it('a request enters with StartExecution and leaves when its execution ends', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1, stopSeconds: 1 })
      .node('Flow', 'AWS::StepFunctions::StateMachine', { Definition: WAIT })
      .edge('Users', 'Flow')
      .run();
    const [j] = sim.journeys();
    const flow = j.hops.filter((h) => h.nodeId === 'Flow');
    expect(flow).toHaveLength(1);
    expect(flow[0]).toMatchObject({ kind: 'work', startMs: 0, endMs: 2000, detail: 'SUCCEEDED' });
  });
});
