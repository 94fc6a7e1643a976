import type { ScenarioDoc } from '../scenario/index.ts';
import type { ResultDocument } from '../sim/result.ts';
import { connectionRule } from '../scenario/connections.ts';
import { findServiceKind } from '../sim/services/registry.ts';

/** Edge roles whose target collects what could not be handled: a redrive DLQ, an on-failure destination. */
const FAILURE_ROLES: ReadonlySet<string> = new Set(['deadLetter', 'onFailure']);

function typeOf(doc: ScenarioDoc, id: string): string | undefined {
  return doc.nodes.find((n) => n.id === id)?.type;
}

/** An edge's role as the validator infers it for the engine (undefined when the edge would be refused). */
function roleOf(doc: ScenarioDoc, edge: ScenarioDoc['edges'][number]): string | undefined {
  const from = typeOf(doc, edge.from);
  const to = typeOf(doc, edge.to);
  if (!from || !to) return undefined;
  const rule = connectionRule(from, to, edge.role);
  return rule.ok ? rule.role : undefined;
}

/** Ids of the nodes that are some edge's deadLetter or onFailure target, in document order. */
export function deadLetterTargets(doc: ScenarioDoc): string[] {
  const targets = new Set(doc.edges.filter((e) => FAILURE_ROLES.has(roleOf(doc, e) ?? '')).map((e) => e.to));
  return doc.nodes.filter((n) => targets.has(n.id)).map((n) => n.id);
}

function sumOf(result: ResultDocument, node: string, metric: string): number {
  return result.nodes[node]?.totals[metric]?.Sum ?? 0;
}

/**
 * Messages that reached a dead-letter target over the run: what its kind counts as arrivals, plus what each
 * source moved to it over a deadLetter edge without a send (an SQS redrive is not a send to the DLQ).
 */
export function deadLetterArrivals(doc: ScenarioDoc, result: ResultDocument, target: string): number {
  const kind = findServiceKind(typeOf(doc, target) ?? '');
  let total = (kind?.compare?.arrivals ?? []).reduce((sum, metric) => sum + sumOf(result, target, metric), 0);
  for (const edge of doc.edges) {
    if (edge.to !== target || roleOf(doc, edge) !== 'deadLetter') continue;
    const moved = findServiceKind(typeOf(doc, edge.from) ?? '')?.compare?.movedToDeadLetter;
    if (moved) total += sumOf(result, edge.from, moved);
  }
  return total;
}
