import type { EdgeRole } from '../../sim/core/model.ts';
import { connectionsFrom } from '../../sim/services/registry.ts';
import { connectionRule } from '../../scenario/index.ts';
import type { Doc } from '../../store/doc.ts';
import { plainRefusal } from '../../scenario/connections.ts';

/** Roles drawn from a node's bottom "failure" handle; every other role leaves from its right "out" handle. */
export const FAILURE_ROLES: readonly EdgeRole[] = ['onFailure', 'deadLetter'];
export type SourceHandle = 'out' | 'failure';

export function handleForRole(role: EdgeRole | undefined): SourceHandle {
  return role && FAILURE_ROLES.includes(role) ? 'failure' : 'out';
}

export function hasFailureHandle(type: string): boolean {
  return connectionsFrom(type).some((r) => r.roles.some((role) => FAILURE_ROLES.includes(role)));
}

export function hasOutHandle(type: string): boolean {
  return connectionsFrom(type).some((r) => r.roles.some((role) => !FAILURE_ROLES.includes(role)));
}

export function hasInHandle(type: string, allTypes: readonly string[]): boolean {
  return allTypes.some((t) => connectionsFrom(t).some((r) => r.to === type));
}

export type CheckResult = { ok: true; role: EdgeRole } | { ok: false; reason: string };

/**
 * Whether AWS allows an edge from `source` to `target` drawn from `handle`, and its role: the pair's
 * first allowed role for that handle (docs/scenario-format.md: the first role is the default).
 */
export function checkConnection(doc: Doc, source: string, target: string, handle: SourceHandle = 'out'): CheckResult {
  const a = doc.nodes.find((n) => n.id === source);
  const b = doc.nodes.find((n) => n.id === target);
  if (!a || !b) return { ok: false, reason: 'Both ends must be nodes on the canvas.' };
  if (source === target) return { ok: false, reason: 'A node cannot connect to itself.' };
  const r = connectionRule(a.type, b.type);
  const roles: readonly EdgeRole[] = r.ok ? r.rule.roles : (r.roles ?? []);
  if (roles.length === 0) return { ok: false, reason: plainRefusal(a.type, b.type) ?? (r.ok ? 'Not allowed.' : r.reason) };
  const forHandle = roles.filter((role) => handleForRole(role) === handle);
  if (forHandle.length === 0) {
    const other = handle === 'failure' ? 'right-hand (output)' : 'bottom (failure)';
    return {
      ok: false,
      reason: `${source} can reach ${target} only as ${roles.join(' or ')}: drag from its ${other} handle.`,
    };
  }
  const role = forHandle[0];
  if (doc.edges.some((e) => e.from === source && e.to === target && (e.role ?? roles[0]) === role))
    return { ok: false, reason: `${source} is already connected to ${target}.` };
  return { ok: true, role };
}
