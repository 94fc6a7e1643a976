import type { EdgeRole } from '../sim/core/model.ts';
import type { ConnectionRule, ServiceKind } from '../sim/core/serviceKind.ts';
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
    return { ok: false, reason: `${capitalize(withArticle(from.label))} cannot ${verb} ${withArticle(to.label)}. ${refusalAdvice(from, to, catalog)}` };
  }
  if (role === undefined) {
    // A dead-letter link is an attachment of the main connection (an SNS subscription's DLQ), so a pair whose
    // only other role is one (SNS -> SQS: subscription) infers that role; the DLQ must be stated.
    const main = rule.roles.length === 1 ? rule.roles : rule.roles.filter((r) => r !== 'deadLetter');
    if (main.length === 1) return { ok: true, role: main[0], rule };
    return {
      ok: false,
      roles: rule.roles,
      reason: `From ${withArticle(from.label)} to ${withArticle(to.label)} the role must be stated: one of ${rule.roles.join(', ')}.`,
    };
  }
  if (!(rule.roles as readonly string[]).includes(role)) {
    return {
      ok: false,
      roles: rule.roles,
      reason: `${JSON.stringify(role)} is not a role AWS allows from ${withArticle(from.label)} to ${withArticle(to.label)}; allowed: ${rule.roles.join(', ')}.`,
    };
  }
  return { ok: true, role: role, rule };
}

/**
 * What to do instead when AWS refuses a pair, in words a student can act on: the source kind's own advice
 * (ServiceKind.refusals), the target's (refusedAsTarget), or the kinds the source can connect to.
 */
export function refusalAdvice(from: ServiceKind, to: ServiceKind, catalog: Catalog = defaultCatalog()): string {
  const advice = from.refusals?.[to.type] ?? from.refusals?.['*'] ?? to.refusedAsTarget;
  if (advice) return advice;
  const labels = [...new Set(catalog.connectionsFrom(from.type).map((r) => catalog.find(r.to)?.label).filter((l) => l !== undefined))];
  if (labels.length === 0) return `Nothing can be connected from ${withArticle(from.label)}.`;
  const words = labels.map(withArticle);
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  return `From ${withArticle(from.label)} you can connect to ${list}.`;
}

/** Why `fromType` cannot send to `toType`, as the canvas says it when a drag is refused; null when AWS allows the pair. */
export function plainRefusal(fromType: string, toType: string, catalog: Catalog = defaultCatalog()): string | null {
  const from = catalog.find(fromType);
  const to = catalog.find(toType);
  if (!from || !to) return `${from?.label ?? fromType} or ${to?.label ?? toType} is not a service this playground knows.`;
  if (catalog.connectionsFrom(from.type).some((r) => r.to === toType && r.roles.length > 0)) return null;
  return `${capitalize(withArticle(from.label))} can't send to ${withArticle(to.label)}. ${refusalAdvice(from, to, catalog)}`;
}
