import type { SimNode, SimSettings } from '../../core/model.ts';
import type { AccountProblem } from '../../core/serviceKind.ts';

const count = (v: number) => v.toLocaleString('en-US');

/**
 * Reservations are carved out of the account's concurrency and may not take the unreserved part below
 * settings.lambdaMinimumUnreserved (docs/aws-behaviour.md, Lambda "account concurrency": AWS keeps 100).
 * Each reserving function is told at its field, in plain words, with every reservation that adds up.
 */
export function checkLambdaAccount(functions: readonly SimNode[], settings: SimSettings): AccountProblem[] {
  const { lambdaAccountConcurrency: account, lambdaMinimumUnreserved: keep } = settings;
  if (keep > account)
    return [{ path: 'lambdaMinimumUnreserved', message: `must not exceed the account concurrency (lambdaAccountConcurrency, ${count(account)})` }];
  const reserving = functions.flatMap((node, index) => {
    const reserved = node.properties.ReservedConcurrentExecutions;
    return typeof reserved === 'number' ? [{ index, id: node.id, reserved }] : [];
  });
  const total = reserving.reduce((sum, r) => sum + r.reserved, 0);
  const allowed = account - keep;
  if (total <= allowed) return [];
  const who =
    reserving.length > 1
      ? `Functions reserve ${count(total)} concurrent executions in all (${reserving.map((r) => `${r.id} ${count(r.reserved)}`).join(', ')})`
      : `This function reserves ${count(total)} concurrent executions`;
  const message =
    `${who}, but this account allows only ${count(allowed)} to be reserved: AWS keeps ${count(keep)} of its ${count(account)} ` +
    `concurrent executions for functions without a reservation. Lower the reservation, or raise the account concurrency ` +
    `in the scenario's settings (click the empty canvas).`;
  return reserving.map((r) => ({ node: r.index, path: 'properties.ReservedConcurrentExecutions', message }));
}
