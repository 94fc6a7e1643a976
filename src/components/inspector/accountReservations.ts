import type { Problem } from '../../scenario/index.ts';
import { settingsSchema } from '../../sim/settings.ts';
import type { Doc } from '../../store/doc.ts';

const LAMBDA = 'AWS::Lambda::Function';

/**
 * The account rule the runner applies at Run (src/scenario/accountChecks.ts, "Lambda: account concurrency"),
 * in plain words at the reservation field of every reserving function, so it is refused where it is typed.
 */
export function reservationProblem(doc: Doc, nodeId: string): Problem | null {
  const node = doc.nodes.find((n) => n.id === nodeId);
  if (!node || node.type !== LAMBDA || typeof node.properties?.ReservedConcurrentExecutions !== 'number') return null;
  const parsed = settingsSchema.safeParse(doc.settings ?? {});
  if (!parsed.success) return null;
  const { lambdaAccountConcurrency: account, lambdaMinimumUnreserved: keep } = parsed.data;
  const reserving = doc.nodes.filter((n) => n.type === LAMBDA && typeof n.properties?.ReservedConcurrentExecutions === 'number');
  const total = reserving.reduce((sum, n) => sum + (n.properties!.ReservedConcurrentExecutions as number), 0);
  const allowed = account - keep;
  if (total <= allowed) return null;
  const n = (v: number) => v.toLocaleString('en-US');
  const others = reserving.length > 1 ? `All ${reserving.length} functions together reserve ${n(total)}` : `This function reserves ${n(total)}`;
  return {
    path: 'properties.ReservedConcurrentExecutions',
    message:
      `${others}, but this account allows only ${n(allowed)} to be reserved: AWS keeps ${n(keep)} of its ${n(account)} concurrent ` +
      `executions for functions without a reservation. Lower the reservation, or raise the account concurrency in the scenario's settings ` +
      `(click the empty canvas).`,
  };
}
