import { describe, expect, it } from 'vitest';
import { emptyDoc } from '../store/doc.ts';
import { nodeAccountProblems } from './accountChecks.ts';
import { validateScenario } from './validate.ts';

const fn = (id: string, reserved?: number) => ({
  id,
  type: 'AWS::Lambda::Function',
  position: { x: 0, y: 0 },
  ...(reserved === undefined ? {} : { properties: { ReservedConcurrentExecutions: reserved } }),
});
function problemsOf(doc: unknown) {
  const r = validateScenario(doc);
  return r.ok ? [] : r.problems;
}

const client = { id: 'Users', type: 'Client', position: { x: 0, y: 0 } };

describe('reservations over the account (Lambda "account concurrency")', () => {
  it('refuses at the field exactly what Run refuses, in plain words naming every reservation', () => {
    const over = { ...emptyDoc('x'), nodes: [client, fn('A', 600), fn('B', 400), fn('C')], edges: [] };
    const run = problemsOf(over);
    const message =
      "Functions reserve 1,000 concurrent executions in all (A 600, B 400), but this account allows only 900 to be reserved: AWS keeps 100 of its 1,000 concurrent executions for functions without a reservation. Lower the reservation, or raise the account concurrency in the scenario's settings (click the empty canvas).";
    expect(run.filter((p) => p.message === message).map((p) => p.path)).toEqual([
      'nodes[1].properties.ReservedConcurrentExecutions',
      'nodes[2].properties.ReservedConcurrentExecutions',
    ]);
    expect(nodeAccountProblems(over, 1)).toEqual([{ path: 'properties.ReservedConcurrentExecutions', message }]);
    expect(nodeAccountProblems(over, 3)).toEqual([]); // C reserves nothing
    expect(nodeAccountProblems(over, 0)).toEqual([]); // a Client has no account rule
  });

  it('allows up to the account concurrency less the part AWS keeps unreserved, and follows the settings', () => {
    const within = { ...emptyDoc('x'), nodes: [client, fn('A', 500), fn('B', 400)], edges: [] };
    expect(validateScenario(within).ok).toBe(true);
    expect(nodeAccountProblems(within, 1)).toEqual([]);
    const one = { ...within, nodes: [client, fn('A', 901)] };
    expect(nodeAccountProblems(one, 1)[0].message).toMatch(/^This function reserves 901 concurrent executions, but this account allows only 900/);
    const raised = { ...one, settings: { lambdaAccountConcurrency: 2000 } };
    expect(validateScenario(raised).ok).toBe(true);
    expect(nodeAccountProblems(raised, 1)).toEqual([]);
    const keepsAll = { ...within, settings: { lambdaMinimumUnreserved: 1000 } };
    expect(problemsOf(keepsAll).map((p) => p.path)).toContain('nodes[1].properties.ReservedConcurrentExecutions');
  });

  it('says when the settings contradict each other, at the setting', () => {
    const bad = { ...emptyDoc('x'), nodes: [client, fn('A', 10)], edges: [], settings: { lambdaMinimumUnreserved: 2000 } };
    expect(problemsOf(bad)).toContainEqual({
      path: 'settings.lambdaMinimumUnreserved',
      message: 'must not exceed the account concurrency (lambdaAccountConcurrency, 1,000)',
    });
  });
});
