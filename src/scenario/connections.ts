import type { EdgeRole } from '../sim/core/model.ts';
import type { ConnectionRule } from '../sim/core/serviceKind.ts';
import { capitalize, defaultCatalog, withArticle, type Catalog } from './catalog.ts';

export const EDGE_ROLES: readonly EdgeRole[] = ['invoke', 'eventSource', 'subscription', 'target', 'deadLetter', 'onFailure', 'onSuccess', 'call'];

const VERB: Record<string, string> = {
  invoke: 'invoke',
  eventSource: 'be an event source for',
  subscription: 'subscribe',
  target: 'target',
  deadLetter: 'use as a dead-letter queue',
  onFailure: 'send failures to',
  onSuccess: 'send successes to',
  call: 'call',
};

export type ConnectionResult =
  | { ok: true; role: EdgeRole; rule: ConnectionRule }
  | { ok: false; reason: string; roles?: readonly EdgeRole[] };

/**
 * Whether AWS lets a node of `fromType` send to one of `toType`, and in which role. The role is inferred when
 * the pair allows exactly one, or exactly one besides deadLetter; otherwise it must be given (the failure then
 * lists the choices in `roles`).
 */
export function connectionRule(fromType: string, toType: string, role?: EdgeRole | string, catalog: Catalog = defaultCatalog()): ConnectionResult {
  const from = catalog.find(fromType);
  const to = catalog.find(toType);
  if (!from) return { ok: false, reason: `${JSON.stringify(fromType)} is not a known node type.` };
  if (!to) return { ok: false, reason: `${JSON.stringify(toType)} is not a known node type.` };
  const outgoing = catalog.connectionsFrom(from.type);
  const rule = outgoing.find((r) => r.to === toType);
  if (!rule || rule.roles.length === 0) {
    const verb = (role && VERB[role]) || 'connect to';
    const allowed = outgoing.map((r) => `${r.to} (${r.roles.join(', ')})`);
    return {
      ok: false,
      reason:
        `${capitalize(withArticle(from.label))} cannot ${verb} ${withArticle(to.label)}. ` +
        (allowed.length ? `From ${from.type} you can connect to: ${allowed.join(', ')}.` : `${from.type} has no outgoing connections.`),
    };
  }
  if (role === undefined) {
    // A dead-letter link is an attachment of the main connection (an SNS subscription's DLQ), so a pair whose
    // only other role is one (SNS -> SQS: subscription) infers that role; the DLQ must be stated.
    const main = rule.roles.length === 1 ? rule.roles : rule.roles.filter((r) => r !== 'deadLetter');
    if (main.length === 1) return { ok: true, role: main[0], rule };
    return {
      ok: false,
      roles: rule.roles,
      reason: `From ${from.type} to ${to.type} the role must be stated: one of ${rule.roles.join(', ')}.`,
    };
  }
  if (!(rule.roles as readonly string[]).includes(role)) {
    return {
      ok: false,
      roles: rule.roles,
      reason: `${JSON.stringify(role)} is not a role AWS allows from ${from.type} to ${to.type}; allowed: ${rule.roles.join(', ')}.`,
    };
  }
  return { ok: true, role: role, rule };
}
