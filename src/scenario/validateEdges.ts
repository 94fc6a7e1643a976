import type { EdgeRole, SimNode } from '../sim/core/model.ts';
import type { Catalog } from './catalog.ts';
import { connectionRule, EDGE_ROLES } from './connections.ts';
import { append, describe, Hints, isPlainObject, joinPath, pathOf } from './paths.ts';
import type { Problem } from './types.ts';
import { parseSection } from './validateNode.ts';

export interface SimEdge {
  from: string;
  to: string;
  role: EdgeRole;
  properties: Record<string, unknown>;
}

/** A node as the edge checks see it: its id, and its type when that type is registered. */
export interface NodeRef {
  index: number;
  type?: string;
  /** The node with defaults filled, when it has no errors (for the kinds' checkConnection). */
  sim?: SimNode;
}

/**
 * Checks every edge: both ends name nodes, no self edges, the pair and role are allowed by the source kind's
 * connections, the role is inferred where only one makes sense, edge properties fit the role's schema, no
 * duplicates, and no directed cycle. Returns the edges ready for the engine (only meaningful without errors).
 * An edge naming a node in `unchecked` (past the node limit, reported there) is skipped without a problem.
 */
export function checkEdges(
  edges: readonly unknown[],
  nodes: ReadonlyMap<string, NodeRef>,
  catalog: Catalog,
  hints: Hints = new Hints(),
  unchecked: ReadonlySet<string> = new Set(),
): { problems: Problem[]; sim: SimEdge[] } {
  const problems: Problem[] = [];
  const sim: SimEdge[] = [];
  const seen = new Map<string, number>();
  const graphEdges: { from: string; to: string; index: number }[] = [];

  edges.forEach((edge, i) => {
    const base = `edges[${i}]`;
    if (!isPlainObject(edge)) {
      problems.push({ path: base, message: `must be an object {"from": id, "to": id}, not ${describe(edge)}` });
      return;
    }
    if (unchecked.has(edge.from as string) || unchecked.has(edge.to as string)) return;
    const from = endpoint(edge.from, `${base}.from`, nodes, problems, hints);
    const to = endpoint(edge.to, `${base}.to`, nodes, problems, hints);
    const role = edge.role;
    if (role !== undefined && (typeof role !== 'string' || !(EDGE_ROLES as readonly string[]).includes(role))) {
      problems.push({ path: `${base}.role`, message: `must be one of ${EDGE_ROLES.join(', ')}, not ${describe(role)}` });
      return;
    }
    if (from === undefined || to === undefined) return;
    if (edge.from === edge.to) {
      problems.push({ path: `${base}.to`, message: `a node cannot connect to itself ("${from.id}" -> "${to.id}")` });
      return;
    }
    if (from.ref.type === undefined || to.ref.type === undefined) return; // the node's type problem is reported already
    const rule = connectionRule(from.ref.type, to.ref.type, role, catalog);
    if (!rule.ok) {
      problems.push({ path: role === undefined && !rule.roles ? base : `${base}.role`, message: rule.reason });
      return;
    }
    const key = `${from.id}\u0000${to.id}\u0000${rule.role}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      problems.push({ path: base, message: `repeats edges[${dup}] ("${from.id}" -> "${to.id}", ${rule.role}); remove one` });
      return;
    }
    seen.set(key, i);
    graphEdges.push({ from: from.id, to: to.id, index: i });
    const schema = rule.rule.properties?.[rule.role];
    const properties = schema
      ? parseSection(edge.properties, schema, `${base}.properties`, problems, `${rule.role} edge properties`, hints)
      : unsimulated(edge.properties, `${base}.properties`, problems, `${rule.role} edges from ${from.ref.type} to ${to.ref.type}`);
    if (!properties) return;
    sim.push({ from: from.id, to: to.id, role: rule.role, properties });
    const kind = catalog.find(from.ref.type);
    if (kind?.checkConnection && from.ref.sim && to.ref.sim) {
      let found: [string, string][];
      try {
        found = kind.checkConnection(from.ref.sim, to.ref.sim, rule.role, properties);
      } catch (e) {
        found = [['', `the ${from.ref.type} connection check failed: ${e instanceof Error ? e.message : String(e)}`]];
      }
      for (const [path, message] of found) problems.push({ path: pathOf(base, path.split('.').filter(Boolean)), message });
    }
  });
  append(problems, cycleProblems(graphEdges));
  return { problems, sim };
}

function endpoint(
  value: unknown,
  path: string,
  nodes: ReadonlyMap<string, NodeRef>,
  problems: Problem[],
  hints: Hints,
): { id: string; ref: NodeRef } | undefined {
  if (value === undefined) {
    problems.push({ path, message: 'is required: the id of a node' });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({ path, message: `must be a node id (text), not ${describe(value)}` });
    return undefined;
  }
  const ref = nodes.get(value);
  if (ref) return { id: value, ref };
  const hint = hints.closest(value, nodes.keys());
  problems.push({ path, message: `no node ${JSON.stringify(value)}${hint ? `; did you mean "${hint}"?` : ''}` });
  return undefined;
}

/** Properties on an edge whose role has none: each key is a warning, kept in the document; the engine gets none. */
function unsimulated(value: unknown, path: string, problems: Problem[], what: string): Record<string, unknown> | undefined {
  if (value === undefined) return {};
  if (!isPlainObject(value)) {
    problems.push({ path, message: `must be an object, not ${describe(value)}` });
    return undefined;
  }
  for (const key of Object.keys(value))
    problems.push({ path: joinPath(path, key), message: `not simulated: ${what} have no properties; kept but ignored`, severity: 'warning' });
  return {};
}

/**
 * Every message-forwarding edge can carry a message on, so any directed cycle can circulate messages without
 * bound. AWS's recursive loop detection stops some Lambda/SQS/SNS loops after about 16 rounds, but not every
 * loop and not before it has cost money, so a cycle is an error here. One cycle is named per strongly
 * connected group of nodes (Tarjan's algorithm, iterative so a long chain cannot overflow the stack).
 */
export function cycleProblems(edges: readonly { from: string; to: string; index: number }[]): Problem[] {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    if (!adj.has(e.from)) adj.set(e.from, []);
    adj.get(e.from)!.push(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const start of adj.keys()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const next = adj.get(v) ?? [];
      if (i < next.length) {
        frame[1]++;
        const w = next[i];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const group: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          group.push(w);
        } while (w !== v);
        if (group.length > 1) groups.push(group);
      }
    }
  }
  return groups.map((group) => {
    const cycle = findCycle(group, adj);
    return {
      path: 'edges',
      message:
        `cycle ${cycle.join(' -> ')} would circulate messages without bound ` +
        `(AWS's recursive loop detection stops only some such loops); remove or redirect one of its edges`,
    };
  });
}

/** A simple cycle through the group's first node (by scenario order of discovery), staying inside the group. */
function findCycle(group: string[], adj: ReadonlyMap<string, string[]>): string[] {
  const members = new Set(group);
  const start = group[group.length - 1];
  const prev = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of adj.get(v) ?? []) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0])!);
        return [...path, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
