import type { SimNode, SimSettings } from '../sim/core/model.ts';
import type { SimScenario } from '../sim/engine.ts';
import { settingsSchema } from '../sim/settings.ts';
import { accountProblems } from './accountChecks.ts';
import { defaultCatalog, type Catalog } from './catalog.ts';
import { migrate } from './migrate.ts';
import { describe, isError, isPlainObject } from './paths.ts';
import { sanitize } from './sanitize.ts';
import { DEFAULT_DURATION_SECONDS, DEFAULT_SEED, LIMITS, type Problem, type ScenarioDoc } from './types.ts';
import { checkEdges, type NodeRef } from './validateEdges.ts';
import { checkNode, parseSection } from './validateNode.ts';

export type ValidationResult =
  | { ok: true; doc: ScenarioDoc; sim: SimScenario; warnings: Problem[]; changes: string[] }
  | { ok: false; problems: Problem[] };

const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * Validates a scenario document from any source (file, URL, paste, editor): migrates it, then collects every
 * problem with its JSON path. On success `doc` is the document as given (unknown keys kept) and `sim` is what
 * the engine runs, with AWS's defaults filled and edge roles inferred. Never throws.
 */
export function validateScenario(input: unknown, catalog: Catalog = defaultCatalog()): ValidationResult {
  try {
    return validate(input, catalog);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `could not be checked: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function validate(input: unknown, catalog: Catalog): ValidationResult {
  const clean = sanitize(input);
  const problems: Problem[] = clean.problems;
  if (!isPlainObject(clean.value)) {
    problems.push({ path: '', message: `a scenario must be a JSON object {"format", "version", "name", "nodes", "edges"}, not ${describe(clean.value)}` });
    return { ok: false, problems };
  }
  const migrated = migrate(clean.value);
  problems.push(...migrated.problems);
  if (migrated.problems.length) return { ok: false, problems };
  const doc = migrated.doc as Record<string, unknown>;

  const name = doc.name === undefined ? 'Untitled scenario' : doc.name;
  if (typeof name !== 'string' || name.length > 200) problems.push({ path: 'name', message: `must be text of at most 200 characters, not ${describe(name)}` });
  const seed = doc.seed ?? DEFAULT_SEED;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    problems.push({ path: 'seed', message: `must be a whole number 0..${MAX_SEED} (2^53-1), not ${describe(seed)}` });
  const duration = doc.durationSeconds ?? DEFAULT_DURATION_SECONDS;
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 1 || duration > LIMITS.durationSeconds)
    problems.push({ path: 'durationSeconds', message: `must be 1..${LIMITS.durationSeconds.toLocaleString('en-US')} (s; 30 days), not ${describe(duration)}` });
  const settings = parseSection(doc.settings, settingsSchema, 'settings', problems, 'account settings') as SimSettings | undefined;

  const nodes = listOf(doc.nodes, 'nodes', LIMITS.nodes, problems, true);
  const edges = listOf(doc.edges, 'edges', LIMITS.edges, problems, false);

  const refs = new Map<string, NodeRef>();
  const simNodes: { index: number; sim: SimNode }[] = [];
  nodes.forEach((node, index) => {
    const checked = checkNode(nodes, index, catalog);
    problems.push(...checked.problems);
    if (isPlainObject(node) && typeof node.id === 'string' && !refs.has(node.id)) refs.set(node.id, { index, type: checked.kind?.type, sim: checked.sim });
    if (checked.sim) simNodes.push({ index, sim: checked.sim });
  });
  const checkedEdges = checkEdges(edges, refs, catalog);
  problems.push(...checkedEdges.problems);
  if (settings) problems.push(...accountProblems(simNodes, settings));

  if (problems.some(isError)) return { ok: false, problems };
  return {
    ok: true,
    doc: doc as ScenarioDoc,
    sim: {
      name: name as string,
      seed: seed as number,
      durationSeconds: duration as number,
      settings: settings as SimSettings,
      nodes: simNodes.map((n) => n.sim),
      edges: checkedEdges.sim,
    },
    warnings: problems,
    changes: migrated.changes,
  };
}

function listOf(value: unknown, path: string, max: number, problems: Problem[], required: boolean): unknown[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) {
    problems.push({ path, message: value === undefined ? 'is required: a list (possibly empty)' : `must be a list, not ${describe(value)}` });
    return [];
  }
  if (value.length > max) {
    problems.push({ path, message: `has ${value.length.toLocaleString('en-US')} entries; at most ${max.toLocaleString('en-US')} allowed (only the first ${max.toLocaleString('en-US')} were checked)` });
    return value.slice(0, max);
  }
  return value;
}
