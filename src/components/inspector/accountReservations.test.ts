import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../scenario/index.ts';
import { emptyDoc } from '../../store/doc.ts';
import { reservationProblem } from './accountReservations.ts';

const fn = (id: string, reserved?: number) => ({
  id,
  type: 'AWS::Lambda::Function',
  position: { x: 0, y: 0 },
  ...(reserved === undefined ? {} : { properties: { ReservedConcurrentExecutions: reserved } }),
});
const client = { id: 'Users', type: 'Client', position: { x: 0, y: 0 } };

describe('reservations over the account, at the field', () => {
  it('refuses at the field exactly what Run refuses, in plain words', () => {
    const over = { ...emptyDoc('x'), nodes: [client, fn('A', 600), fn('B', 400), fn('C')], edges: [] };
    expect(validateScenario(over).ok).toBe(false);
    expect(reservationProblem(over, 'A')?.message).toBe(
      "All 2 functions together reserve 1,000, but this account allows only 900 to be reserved: AWS keeps 100 of its 1,000 concurrent executions for functions without a reservation. Lower the reservation, or raise the account concurrency in the scenario's settings (click the empty canvas).",
    );
    expect(reservationProblem(over, 'C')).toBeNull(); // it reserves nothing
    const within = { ...over, nodes: [client, fn('A', 500), fn('B', 400)] };
    expect(validateScenario(within).ok).toBe(true);
    expect(reservationProblem(within, 'A')).toBeNull();
    const raised = { ...over, settings: { lambdaAccountConcurrency: 2000 } };
    expect(validateScenario(raised).ok).toBe(true);
    expect(reservationProblem(raised, 'A')).toBeNull();
  });
});
