import { connectionRule, docAccountProblems, nodePath } from '../../scenario/index.ts';
import type { AdviceFinding, AdviceFix, AdviceRule, AdviceView } from '../../sim/core/advice.ts';
import type { EdgeRole } from '../../sim/core/model.ts';
import { isAsyncEdge, loadedAdvice } from '../../sim/services/registry.ts';
import { addEdge, addNode, getPath, setNodeField } from '../../store/docOps.ts';
import { positionOf, type Doc } from '../../store/doc.ts';
import { fieldDefault } from '../common/kindInfo.ts';

/**
 * The design advisor: warnings AWS itself gives (docs/aws-behaviour.md "advice to surface" and the
 * Lambda/API Gateway limits), each with a one-click fix. The rules live with their service kinds
 * (ServiceKind.advice, core/advice.ts; loadAdvice() loads them); this file gives them a view of the document,
 * adds the account-wide checks Run applies, and turns each fix into a change of the document.
 */
/** A finding as the panel shows it: a kind's (or the account check's), its fix ready to apply to the document. */
export interface Advice extends Omit<AdviceFinding, 'fix'> {
  /** Absent when the fix needs something the registered service kinds do not allow yet. */
  fixLabel?: string;
  fix?: (doc: Doc) => Doc;
}

export interface AdvisorOptions {
  /** Whether the registry allows an edge; the async-DLQ fix needs Lambda -> SQS onFailure. */
  canConnect(fromType: string, toType: string, role: EdgeRole): boolean;
}

const registryRules: AdvisorOptions = {
  canConnect: (from, to, role) => connectionRule(from, to, role).ok,
};

function viewOf(doc: Doc, options: AdvisorOptions): AdviceView {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const roleOf = (e: { from: string; to: string; role?: EdgeRole }): EdgeRole | undefined => {
    if (e.role) return e.role;
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to) return undefined;
    const r = connectionRule(from.type, to.type);
    return r.ok ? r.role : undefined;
  };
  return {
    nodes: doc.nodes,
    edges: doc.edges,
    node: (id) => byId.get(id),
    value(node, section, path) {
      const v = getPath(node[section], path);
      if (typeof v === 'number') return v;
      // An unset value is AWS's default, from the kind's own schema.
      const d = fieldDefault(node.type, section, path);
      return typeof d === 'number' ? d : undefined;
    },
    written: (at, path) => getPath(at, path),
    roleOf,
    isAsync(e) {
      const from = byId.get(e.from);
      const to = byId.get(e.to);
      const role = roleOf(e);
      return !!from && !!to && !!role && isAsyncEdge(from.type, to.type, role, e.properties ?? {});
    },
    canConnect: (from, to, role) => options.canConnect(from, to, role),
  };
}

/** A fix described as data (core/advice.ts) as a change of the document. */
function applyFix(fix: AdviceFix): (doc: Doc) => Doc {
  if ('set' in fix) return (d) => setNodeField(d, fix.set.node, fix.set.section, fix.set.path, fix.set.value);
  if ('connect' in fix) return (d) => addEdge(d, { ...fix.connect }).doc;
  return (d) => {
    const near = d.nodes.find((n) => n.id === fix.add.near);
    const at = near ? positionOf(near) : { x: 0, y: 0 };
    const added = addNode(d, fix.add.type, fix.add.id, { x: at.x + fix.add.dx, y: at.y + fix.add.dy });
    const { from, to, role } = fix.connectAdded;
    return addEdge(added.doc, { from: from ?? added.id, to: to ?? added.id, ...(role ? { role } : {}) }).doc;
  };
}

function toAdvice(f: AdviceFinding): Advice {
  const { fix, ...rest } = f;
  return fix ? { ...rest, fixLabel: fix.label, fix: applyFix(fix) } : rest;
}

/** Rules over all nodes of one account (ServiceKind.checkAccount, e.g. reservations above the account's concurrency), as Run applies them. */
function accountLimits(doc: Doc): Advice[] {
  return docAccountProblems(doc).flatMap((p) => {
    const at = nodePath(p.path);
    const node = at ? doc.nodes[at.index] : undefined;
    if (!at || !node) return []; // a settings problem is the scenario inspector's
    return [{ id: `account:${node.id}:${at.rest}`, rule: 'account', severity: 'error' as const, nodeId: node.id, message: `${node.id}: ${p.message}` }];
  });
}

/**
 * Every finding on the document, errors first (each group in the registry's order of kinds and rules). The kinds'
 * rules must have been loaded (loadAdvice); `rules` replaces them in tests.
 */
export function adviseOn(doc: Doc, options: AdvisorOptions = registryRules, rules: readonly AdviceRule[] = loadedAdvice()): Advice[] {
  const view = viewOf(doc, options);
  const found = [...accountLimits(doc), ...rules.flatMap((rule) => rule(view)).map(toAdvice)];
  return [...found.filter((a) => a.severity === 'error'), ...found.filter((a) => a.severity !== 'error')];
}
