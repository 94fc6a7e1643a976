import type { LessonReference } from './lessonFormat.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch: objects merge key by key, null removes a key, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Json = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * The scenario a lesson's reference stands for, given the document the user has now: a full scenario
 * replaces it; a patch merges its settings into the current one, so the user's layout is kept. A patch that
 * names a node or edge the document no longer has is refused with its name.
 */
export function applyReference(doc: Json, reference: LessonReference): { ok: true; doc: Json } | { ok: false; message: string } {
  if ('scenario' in reference) return { ok: true, doc: structuredClone(reference.scenario) };
  const out = structuredClone(doc);
  const { patch } = reference;
  if (patch.settings) out.settings = mergePatch(out.settings, patch.settings);
  const nodes = Array.isArray(out.nodes) ? (out.nodes as Json[]) : [];
  for (const [id, change] of Object.entries(patch.nodes ?? {})) {
    const node = nodes.find((n) => n.id === id);
    if (!node) return { ok: false, message: `the reference changes node "${id}", which this scenario no longer has; reset the lesson first` };
    if (change.properties) node.properties = mergePatch(node.properties, change.properties);
    if (change.behaviour) node.behaviour = mergePatch(node.behaviour, change.behaviour);
  }
  const edges = Array.isArray(out.edges) ? (out.edges as Json[]) : [];
  for (const [key, change] of Object.entries(patch.edges ?? {})) {
    const [from, to] = key.split('->');
    const edge = edges.find((e) => e.from === from && e.to === to);
    if (!edge) return { ok: false, message: `the reference changes the connection ${key}, which this scenario no longer has; reset the lesson first` };
    edge.properties = mergePatch(edge.properties, change.properties);
  }
  return { ok: true, doc: out };
}
