import type { SimNode, SimSettings } from '../sim/core/model.ts';
import type { SimScenario } from '../sim/engine.ts';
import { settingsSchema } from '../sim/settings.ts';
import { accountProblems } from './accountChecks.ts';
import { defaultCatalog, type Catalog } from './catalog.ts';
import { migrate } from './migrate.ts';
import { append, describe, Hints, isError, isPlainObject } from './paths.ts';
import { sanitize } from './sanitize.ts';
import { DEFAULT_DURATION_SECONDS, DEFAULT_SEED, LIMITS, type Problem, type ScenarioDoc } from './types.ts';
import { checkEdges, type NodeRef } from './validateEdges.ts';
import { checkNode, indexIds, parseSection } from './validateNode.ts';

export type ValidationResult =
  | { ok: true; doc: ScenarioDoc; sim: SimScenario; warnings: Problem[]; changes: string[] }
  | { ok: false; problems: Problem[] };

const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * Validates a scenario document from any source (file, URL, paste, editor): migrates it, then collects every
 * problem with its JSON path. On success `doc` is the document as given (unknown keys kept) and `sim` is what
 * the engine runs, with AWS's defaults filled, edge roles inferred, and keys the kinds do not simulate left
 * out. At most LIMITS.listedProblems problems are listed (errors first); a last one counts the rest. Never
 * throws; time and memory grow linearly with the document.
 */
export function validateScenario(input: unknown, catalog: Catalog = defaultCatalog()): ValidationResult {
  return validateCounted(input, catalog).result;
}

/** validateScenario with the work its "did you mean" hints cost (edit-distance cells), for linearity tests. */
export function validateCounted(input: unknown, catalog: Catalog = defaultCatalog()): { result: ValidationResult; hintCells: number } {
  const hints = new Hints();
  let result: ValidationResult;
  try {
    result = validate(input, catalog, hints);
  } catch (e) {
    result = { ok: false, problems: [{ path: '', message: `could not be checked: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (result.ok) result.warnings = listed(result.warnings);
  else result.problems = listed(result.problems);
  return { result, hintCells: hints.cells };
}

/** The first LIMITS.listedProblems problems, errors before warnings, and one that counts the rest. */
function listed(problems: Problem[]): Problem[] {
  const max = LIMITS.listedProblems;
  if (problems.length <= max) return problems;
  const errors = problems.filter(isError);
  const ordered = errors.length >= max ? errors : [...errors, ...problems.filter((p) => !isError(p)).slice(0, max - errors.length)];
  const shown = ordered.slice(0, max);
  const hiddenErrors = errors.length - shown.filter(isError).length;
  const hiddenWarnings = problems.length - errors.length - shown.filter((p) => !isError(p)).length;
  const n = (v: number, word: string) => `${v.toLocaleString('en-US')} more ${word}${v === 1 ? '' : 's'}`;
  const parts = [hiddenErrors ? n(hiddenErrors, 'error') : '', hiddenWarnings ? n(hiddenWarnings, 'warning') : ''].filter(Boolean);
  const more: Problem = {
    path: '',
    message: `and ${parts.join(' and ')}, not listed (only the first ${max} problems are)`,
  };
  if (!hiddenErrors) more.severity = 'warning';
  shown.push(more);
  return shown;
}

function validate(input: unknown, catalog: Catalog, hints: Hints): ValidationResult {
  const clean = sanitize(input);
  const problems: Problem[] = clean.problems;
  const sanitized = problems.length;
  // Whatever came after the value limit was never read: checking the rest would report nodes as missing.
  if (clean.truncated) return { ok: false, problems };
  if (!isPlainObject(clean.value)) {
    problems.push({ path: '', message: `a scenario must be a JSON object {"format", "version", "name", "nodes", "edges"}, not ${describe(clean.value)}` });
    return { ok: false, problems };
  }
  const migrated = migrate(clean.value);
  append(problems, migrated.problems);
  if (migrated.problems.length) return { ok: false, problems };
  const doc = migrated.doc as Record<string, unknown>;

  const name = doc.name === undefined ? 'Untitled scenario' : doc.name;
  if (typeof name !== 'string' || name.length > LIMITS.nameLength) problems.push({ path: 'name', message: `must be text of at most ${LIMITS.nameLength} characters, not ${describe(name)}` });
  const seed = doc.seed === undefined ? DEFAULT_SEED : doc.seed;
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    problems.push({ path: 'seed', message: `must be a whole number 0..${MAX_SEED} (2^53-1), not ${describe(seed)}` });
  const duration = doc.durationSeconds === undefined ? DEFAULT_DURATION_SECONDS : doc.durationSeconds;
  if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 1 || duration > LIMITS.durationSeconds)
    problems.push({ path: 'durationSeconds', message: `must be 1..${LIMITS.durationSeconds.toLocaleString('en-US')} (s; 30 days), not ${describe(duration)}` });
  const settings = parseSection(doc.settings, settingsSchema, 'settings', problems, 'account settings', hints) as SimSettings | undefined;

  const nodes = listOf(doc.nodes, 'nodes', LIMITS.nodes, problems, true);
  const edges = listOf(doc.edges, 'edges', LIMITS.edges, problems, false);

  const refs = new Map<string, NodeRef>();
  const simNodes: { index: number; sim: SimNode }[] = [];
  const ids = indexIds(nodes);
  nodes.forEach((node, index) => {
    const checked = checkNode(nodes, index, catalog, hints, ids);
    append(problems, checked.problems);
    if (isPlainObject(node) && typeof node.id === 'string' && !refs.has(node.id)) refs.set(node.id, { index, type: checked.kind?.type, sim: checked.sim });
    if (checked.sim) simNodes.push({ index, sim: checked.sim });
  });
  const checkedEdges = checkEdges(edges, refs, catalog, hints, idsPastLimit(doc.nodes, refs));
  append(problems, checkedEdges.problems);
  if (settings) append(problems, accountProblems(simNodes, settings, catalog));

  const unique = withoutRepeats(problems, sanitized);
  if (unique.some(isError)) return { ok: false, problems: unique };
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
    warnings: unique,
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

/** Ids of the nodes past LIMITS.nodes, which were not checked: edges to them are not "no such node". */
function idsPastLimit(nodes: unknown, checked: ReadonlyMap<string, unknown>): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(nodes)) return ids;
  for (let i = LIMITS.nodes; i < nodes.length; i++) {
    const node: unknown = nodes[i];
    if (isPlainObject(node) && typeof node.id === 'string' && !checked.has(node.id)) ids.add(node.id);
  }
  return ids;
}

/**
 * The problems without later ones at a path the first `first` (sanitize's) already explain: a value sanitize
 * left out (Infinity, a function) would otherwise also be reported as missing by the check that needed it.
 */
function withoutRepeats(problems: Problem[], first: number): Problem[] {
  if (first === 0) return problems;
  const explained = new Set(problems.slice(0, first).map((p) => p.path));
  return problems.filter((p, i) => i < first || !explained.has(p.path));
}
