import type { ScenarioDoc } from '../scenario/index.ts';

/** One setting of a node that design B changed: its dotted path under `properties` or `behaviour`, A's value and B's. */
export interface DesignChange {
  node: string;
  section: 'properties' | 'behaviour';
  path: string;
  /** undefined: not set (the default applies). */
  a: unknown;
  b: unknown;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Leaf differences of two JSON values, as dotted paths (arrays compare whole). */
function diff(a: unknown, b: unknown, path: string, out: { path: string; a: unknown; b: unknown }[]): void {
  if (isObject(a) || isObject(b)) {
    // A distribution that changed its kind (constant to lognormal) reads better whole than field by field.
    if (isObject(a) && isObject(b) && 'distribution' in a && a.distribution !== b.distribution) {
      out.push({ path, a, b });
      return;
    }
    const ao = isObject(a) ? a : {};
    const bo = isObject(b) ? b : {};
    for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) diff(ao[key], bo[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, a, b });
}

/** What B changed in the settings of A's nodes (B has A's nodes, in A's order: compare edits only settings). */
export function designChanges(a: ScenarioDoc, b: ScenarioDoc): DesignChange[] {
  const out: DesignChange[] = [];
  for (const nodeB of b.nodes) {
    const nodeA = a.nodes.find((n) => n.id === nodeB.id);
    if (!nodeA) continue;
    for (const section of ['properties', 'behaviour'] as const) {
      const leaves: { path: string; a: unknown; b: unknown }[] = [];
      diff(nodeA[section], nodeB[section], '', leaves);
      for (const l of leaves) out.push({ node: nodeB.id, section, ...l });
    }
  }
  return out;
}

/** A value as the list of changes shows it: "default" when not set, JSON otherwise. */
export function changeValueText(v: unknown): string {
  if (v === undefined) return 'default';
  if (isObject(v) && typeof v.distribution === 'string') {
    const rest = Object.entries(v).filter(([k]) => k !== 'distribution').map(([k, x]) => `${k} ${String(x)}`);
    return `${v.distribution}${rest.length ? ` (${rest.join(', ')})` : ''}`;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `doc` with the settings of every node B changed taken from B: what "Use B on the canvas" applies. */
export function withSettingsOf(doc: ScenarioDoc, b: ScenarioDoc, changes: readonly DesignChange[]): ScenarioDoc {
  const changed = new Set(changes.map((c) => c.node));
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      const nodeB = changed.has(n.id) ? b.nodes.find((x) => x.id === n.id) : undefined;
      if (!nodeB) return n;
      const next = { ...n, properties: nodeB.properties, behaviour: nodeB.behaviour };
      if (next.properties === undefined) delete next.properties;
      if (next.behaviour === undefined) delete next.behaviour;
      return next;
    }),
  };
}
