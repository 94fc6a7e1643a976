import { defaultCatalog, type Catalog } from './catalog.ts';
import { migrate } from './migrate.ts';
import { parseScenarioText } from './parseText.ts';
import { describe, formatProblem, isError, isPlainObject } from './paths.ts';
import { sanitize } from './sanitize.ts';
import type { Problem, ScenarioDoc, ScenarioEdge, ScenarioNode } from './types.ts';
import { validateScenario } from './validate.ts';

/** Where a document comes from; named in every message so the user knows which one was refused. */
export type RestoreSource = 'file' | 'link' | 'autosave' | 'example';

export interface RestoreOptions {
  catalog?: Catalog;
  /**
   * Keep a document that has validation errors when it is still editable (nodes and edges in the right shape):
   * the autosave holds work in progress, which the editor shows with its problems instead of discarding it.
   */
  keepInvalid?: boolean;
}

export type Restored =
  | {
      ok: true;
      doc: ScenarioDoc;
      /** What migrating and repairing changed, in words ("gave the 3 connections ids e1..e3"). */
      changes: string[];
      /** Warnings, and with keepInvalid the errors the editor will show. */
      problems: Problem[];
    }
  | { ok: false; message: string; problems: Problem[] };

/** Edge ids: short, so share links stay short; the node id alphabet, so they read in paths and messages. */
export const EDGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const MAX_LISTED = 3;

/**
 * The one way a scenario gets into the editor, whatever its source (a file, a share link, the autosave, an
 * example): parse, sanitize and migrate, validate, then repair what the editor needs and the format leaves
 * optional (edge ids, positions). Never throws; a refusal names what was wrong and where.
 */
export function restoreScenario(input: { text: string } | { value: unknown }, options: RestoreOptions = {}): Restored {
  try {
    return restore(input, options);
  } catch (e) {
    const message = `could not be read: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, message, problems: [{ path: '', message }] };
  }
}

function restore(input: { text: string } | { value: unknown }, options: RestoreOptions): Restored {
  let value: unknown;
  if ('text' in input) {
    const parsed = parseScenarioText(input.text);
    if (!parsed.ok) return refuse([{ path: '', message: parsed.message }]);
    value = parsed.value;
  } else value = input.value;

  const checked = validateScenario(value, options.catalog ?? defaultCatalog());
  if (checked.ok) {
    const repaired = repair(checked.doc);
    return { ok: true, doc: repaired.doc, changes: [...checked.changes, ...repaired.changes], problems: checked.warnings };
  }
  if (!options.keepInvalid) return refuse(checked.problems);

  // Work in progress: keep it when the editor can show it, with the validator's problems listed.
  const clean = sanitize(value);
  const migrated = migrate(clean.value);
  const shapeProblems = [...migrated.problems, ...editableShapeProblems(migrated.doc)];
  if (shapeProblems.length) return refuse(shapeProblems);
  const repaired = repair(migrated.doc as ScenarioDoc);
  return { ok: true, doc: repaired.doc, changes: [...migrated.changes, ...repaired.changes], problems: checked.problems };
}

function refuse(problems: Problem[]): Restored {
  const errors = problems.filter(isError);
  const listed = (errors.length ? errors : problems).slice(0, MAX_LISTED).map((p) => (p.path ? formatProblem(p) : p.message)).join('; ');
  const more = errors.length > MAX_LISTED ? ` (and ${errors.length - MAX_LISTED} more)` : '';
  return { ok: false, message: `${listed || 'it is not a scenario document'}${more}`, problems };
}

/** What the editor needs to draw a document at all; everything else it shows as problems at the fields. */
function editableShapeProblems(doc: unknown): Problem[] {
  if (!isPlainObject(doc)) return [{ path: '', message: `a scenario must be a JSON object, not ${describe(doc)}` }];
  const problems: Problem[] = [];
  if (!Array.isArray(doc.nodes)) problems.push({ path: 'nodes', message: `must be a list, not ${describe(doc.nodes)}` });
  else
    doc.nodes.forEach((n, i) => {
      if (!isPlainObject(n) || typeof n.id !== 'string' || typeof n.type !== 'string')
        problems.push({ path: `nodes[${i}]`, message: 'must be an object with a text "id" and "type"' });
    });
  if (doc.edges !== undefined && !Array.isArray(doc.edges)) problems.push({ path: 'edges', message: `must be a list, not ${describe(doc.edges)}` });
  else
    (doc.edges ?? []).forEach((e: unknown, i: number) => {
      if (!isPlainObject(e) || typeof e.from !== 'string' || typeof e.to !== 'string')
        problems.push({ path: `edges[${i}]`, message: 'must be an object with text "from" and "to"' });
    });
  return problems.slice(0, 20);
}

/**
 * Fills what the format leaves optional but the editor relies on: a name, a position for every node (a row
 * below the others), and a unique id for every edge (older documents identified edges by their index).
 */
export function repair(input: ScenarioDoc): { doc: ScenarioDoc; changes: string[] } {
  const changes: string[] = [];
  let doc: ScenarioDoc = { ...input, edges: input.edges ?? [] };
  if (typeof doc.name !== 'string') {
    doc = { ...doc, name: 'Untitled scenario' };
    changes.push('named the scenario "Untitled scenario" (it had no name)');
  }
  const placed = placeNodes(doc.nodes);
  if (placed.moved.length) {
    doc = { ...doc, nodes: placed.nodes };
    changes.push(`placed ${listNames(placed.moved)} (no position was given)`);
  }
  const ids = identifyEdges(doc.edges);
  if (ids.changed.length) {
    doc = { ...doc, edges: ids.edges };
    changes.push(
      ids.changed.length === doc.edges.length
        ? `gave the ${doc.edges.length === 1 ? 'connection an id' : `${doc.edges.length} connections ids`}`
        : `gave new ids to ${ids.changed.map((i) => `edges[${i}]`).join(', ')} (missing, malformed or repeated)`,
    );
  }
  return { doc, changes };
}

function isPosition(p: unknown): p is { x: number; y: number } {
  return isPlainObject(p) && Number.isFinite(p.x) && Number.isFinite(p.y);
}

function placeNodes(nodes: readonly ScenarioNode[]): { nodes: ScenarioNode[]; moved: string[] } {
  const moved: string[] = [];
  const bottom = nodes.reduce((y, n) => (isPosition(n.position) ? Math.max(y, n.position.y) : y), -Infinity);
  const rowY = Number.isFinite(bottom) ? bottom + 200 : 0;
  const out = nodes.map((n) => {
    if (isPosition(n.position)) return n;
    const position = { x: moved.length * 240, y: rowY };
    moved.push(n.id);
    return { ...n, position };
  });
  return { nodes: out, moved };
}

function identifyEdges(edges: readonly ScenarioEdge[]): { edges: ScenarioEdge[]; changed: number[] } {
  const taken = new Set<string>();
  const keep = edges.map((e) => {
    const ok = typeof e.id === 'string' && EDGE_ID_PATTERN.test(e.id) && !taken.has(e.id);
    if (ok) taken.add(e.id as string);
    return ok;
  });
  const changed: number[] = [];
  let next = 1;
  const out = edges.map((e, i) => {
    if (keep[i]) return e;
    while (taken.has(`e${next}`)) next++;
    const id = `e${next}`;
    taken.add(id);
    changed.push(i);
    return { ...e, id };
  });
  return { edges: out, changed };
}

/** Whether a change only gave edges ids (older documents all get it; not worth a notice on its own). */
export function isEdgeIdChange(change: string): boolean {
  return /^gave (the connection an id$|the \d+ connections ids$|new ids to )/.test(change);
}

/** A fresh edge id not used in `edges`. */
export function newEdgeId(edges: readonly ScenarioEdge[]): string {
  const taken = new Set(edges.map((e) => e.id));
  let n = edges.length + 1;
  while (taken.has(`e${n}`)) n++;
  return `e${n}`;
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}
