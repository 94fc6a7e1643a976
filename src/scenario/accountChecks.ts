import type { SimNode, SimSettings } from '../sim/core/model.ts';
import type { Problem } from './types.ts';

const LAMBDA = 'AWS::Lambda::Function';

/**
 * Rules that span nodes of one account. Lambda (docs/aws-behaviour.md, "account concurrency"): reservations
 * may not take the account below settings.lambdaMinimumUnreserved unreserved executions (AWS: 100).
 */
export function accountProblems(nodes: readonly { index: number; sim: SimNode }[], settings: SimSettings): Problem[] {
  if (settings.lambdaMinimumUnreserved > settings.lambdaAccountConcurrency)
    return [{
      path: 'settings.lambdaMinimumUnreserved',
      message: `must not exceed settings.lambdaAccountConcurrency (${settings.lambdaAccountConcurrency.toLocaleString('en-US')})`,
    }];
  const reserving = nodes.filter(({ sim }) => sim.type === LAMBDA && typeof sim.properties.ReservedConcurrentExecutions === 'number');
  const reserved = reserving.reduce((sum, { sim }) => sum + (sim.properties.ReservedConcurrentExecutions as number), 0);
  const allowed = settings.lambdaAccountConcurrency - settings.lambdaMinimumUnreserved;
  if (reserved <= allowed) return [];
  const n = (v: number) => v.toLocaleString('en-US');
  const parts = reserving.map(({ index, sim }) => `nodes[${index}] ${n(sim.properties.ReservedConcurrentExecutions as number)}`).join(', ');
  const message =
    `functions reserve ${n(reserved)} concurrent executions in all (${parts}), but only ${n(allowed)} may be reserved: ` +
    `AWS keeps ${n(settings.lambdaMinimumUnreserved)} of the account's ${n(settings.lambdaAccountConcurrency)} unreserved ` +
    `(settings.lambdaMinimumUnreserved); lower the reservations or raise settings.lambdaAccountConcurrency`;
  return reserving.map(({ index }) => ({ path: `nodes[${index}].properties.ReservedConcurrentExecutions`, message }));
}
