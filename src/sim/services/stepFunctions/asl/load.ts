/**
 * Loads a definition: parses it (JSON text or an object), applies DefinitionSubstitutions, checks it with
 * asl-validator and then with checks.ts. asl-validator (with ajv) is imported on first use, so only the
 * worker or runner that loads a definition downloads it, never the app's initial bundle.
 */
import { checkDefinition, checkShape, type DefinitionProblem, type JsonataCompiler } from './checks.ts';
import type { Json, JsonObject } from './errors.ts';
import { substitute } from './targets.ts';
import type { AslMachine, ExecutionType } from './types.ts';

export type { DefinitionProblem } from './checks.ts';

/** AWS's limit on a state machine definition (1 MB); larger input is refused before parsing. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

export interface LoadOptions {
  substitutions?: Record<string, string>;
  type?: ExecutionType;
  /** Compiles JSONata expressions (jsonataEval.ts); loadDefinition imports it, loadDefinitionSync takes it here. */
  compileJsonata?: JsonataCompiler;
}

export type LoadResult = { ok: true; machine: AslMachine } | { ok: false; problems: DefinitionProblem[] };

interface ValidatorError {
  'Error code': string;
  Message: string;
  schemaError?: { instancePath?: string };
}
export type Validator = (definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }) => { isValid: boolean; errors: ValidatorError[] };

let validatorPromise: Promise<Validator> | null = null;

function loadValidator(): Promise<Validator> {
  validatorPromise ??= import('asl-validator').then((m) => ((m as { default?: Validator }).default ?? (m as unknown as Validator)));
  return validatorPromise;
}

export async function loadDefinition(source: string | Json, options: LoadOptions = {}): Promise<LoadResult> {
  const parsed = prepare(source, options);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems };
  const [validator, { compileJsonata }] = await Promise.all([loadValidator(), import('./jsonataEval.ts')]);
  return finish(parsed.definition, validator, { ...options, compileJsonata });
}

/**
 * The same as loadDefinition, synchronously, for a caller that has asl-validator already (the engine's model
 * imports it statically: its chunk is lazy anyway). Without a validator it makes only this folder's checks
 * (checks.ts): what the app's scenario loader runs on every node, since it cannot wait for a library.
 */
export function loadDefinitionSync(source: string | Json, options: LoadOptions = {}, validator?: Validator): LoadResult {
  const parsed = prepare(source, options);
  if ('problems' in parsed) return { ok: false, problems: parsed.problems };
  return finish(parsed.definition, validator, options);
}

function prepare(source: string | Json, options: LoadOptions): { definition: JsonObject } | { problems: DefinitionProblem[] } {
  const parsed = parse(source);
  if ('problems' in parsed) return parsed;
  const definition = substitute(parsed.definition, options.substitutions ?? {});
  const shape = checkShape(definition);
  return shape.length > 0 ? { problems: shape } : { definition };
}

/**
 * The same definition is checked again at every run, reset and edit, so asl-validator's answers are kept for the
 * last few definitions (its compiled schemas are kept too: patches/asl-validator+4.0.0.patch).
 */
const validatorAnswers = new Map<string, DefinitionProblem[]>();
const KEPT_ANSWERS = 32;

function libraryProblems(definition: JsonObject, validator: Validator): DefinitionProblem[] {
  const key = JSON.stringify(definition);
  const kept = validatorAnswers.get(key);
  if (kept) return kept;
  let problems: DefinitionProblem[];
  try {
    // asl-validator writes default QueryLanguage fields into what it checks, so it gets a copy.
    problems = fromValidator(validator(structuredClone(definition), { checkPaths: true, checkArn: false }).errors, definition);
  } catch (e) {
    problems = [{ path: 'definition', message: `could not be checked by asl-validator: ${(e as Error).message}` }];
  }
  if (validatorAnswers.size >= KEPT_ANSWERS) validatorAnswers.delete(validatorAnswers.keys().next().value as string);
  validatorAnswers.set(key, problems);
  return problems;
}

function finish(definition: JsonObject, validator: Validator | undefined, options: LoadOptions): LoadResult {
  const fromLibrary = validator ? libraryProblems(definition, validator) : [];
  const problems = [...fromLibrary, ...checkDefinition(definition, options.type, options.compileJsonata)];
  const unique = dedupe(problems);
  if (unique.length > 0) return { ok: false, problems: unique };
  return { ok: true, machine: definition as unknown as AslMachine };
}

function parse(source: string | Json): { definition: JsonObject } | { problems: DefinitionProblem[] } {
  let value: Json = source;
  if (typeof source === 'string') {
    if (source.length > MAX_DEFINITION_BYTES) {
      return { problems: [{ path: 'definition', message: `is ${source.length} characters, over AWS's 1 MB limit` }] };
    }
    try {
      value = JSON.parse(source) as Json;
    } catch (e) {
      return { problems: [{ path: 'definition', message: `is not valid JSON: ${(e as Error).message}` }] };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [{ path: 'definition', message: 'must be a JSON object with StartAt and States' }] };
  }
  if (typeof source !== 'string') {
    // An object from YAML or the app may hold undefined fields or shared references: keep its JSON meaning only.
    let text: string;
    try {
      text = JSON.stringify(value);
    } catch (e) {
      return { problems: [{ path: 'definition', message: `cannot be written as JSON: ${(e as Error).message}` }] };
    }
    if (text.length > MAX_DEFINITION_BYTES) {
      return { problems: [{ path: 'definition', message: `is ${text.length} characters as JSON, over AWS's 1 MB limit` }] };
    }
    value = JSON.parse(text) as JsonObject;
  }
  const depth = nestingDepth(value, MAX_NESTING);
  if (depth > MAX_NESTING) {
    return { problems: [{ path: 'definition', message: `nests objects and arrays more than ${MAX_NESTING} levels deep` }] };
  }
  return { definition: value };
}

/** Deeper than any real definition; the checks below recurse, so hostile nesting is refused first. */
const MAX_NESTING = 200;

/** The nesting depth of a value, walked without recursion and given up once past `limit`. */
function nestingDepth(root: Json, limit: number): number {
  let deepest = 0;
  const stack: [Json, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** `/States/A/Retry/0/BackoffRate` -> `States.A.Retry[0].BackoffRate`. */
function pointerToPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  return out || 'definition';
}

function fromValidator(errors: ValidatorError[], definition: JsonObject): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const pointers = new Set(errors.map((e) => e.schemaError?.instancePath).filter((p): p is string => !!p));
  for (const error of errors) {
    // transitions.ts names the field of a missing target and the state that cannot be reached, at their paths.
    if (error['Error code'] === 'MISSING_TRANSITION_TARGET') continue;
    const pointer = error.schemaError?.instancePath;
    if (pointer !== undefined) {
      // A state that fails one rule also fails the Type enum of every other state kind: keep the real rule.
      const owner = pointer.replace(/\/Type$/, '');
      if (pointer.endsWith('/Type') && [...pointers].some((p) => p !== pointer && p.startsWith(`${owner}/`))) continue;
      const message = error.Message.replace(/^\S+ is invalid\. /, '');
      problems.push({ path: pointerToPath(pointer), message });
      continue;
    }
    const state = /State "?([^"\s]+(?: [^"\s]+)*)"? /.exec(error.Message)?.[1];
    problems.push({ path: state && findState(definition, state) ? findState(definition, state)! : 'definition', message: error.Message });
  }
  return problems;
}

function findState(machine: Json, name: string, path = 'States'): string | undefined {
  if (machine === null || typeof machine !== 'object' || Array.isArray(machine)) return undefined;
  const states = machine.States;
  if (states === null || typeof states !== 'object' || Array.isArray(states)) return undefined;
  if (name in states) return `${path}.${name}`;
  for (const [stateName, state] of Object.entries(states)) {
    if (state === null || typeof state !== 'object' || Array.isArray(state)) continue;
    const nested = [...(Array.isArray(state.Branches) ? state.Branches.map((b, i) => [b, `Branches[${i}]`] as const) : []),
      [state.ItemProcessor, 'ItemProcessor'] as const, [state.Iterator, 'Iterator'] as const];
    for (const [child, field] of nested) {
      const found = child === undefined ? undefined : findState(child, name, `${path}.${stateName}.${field}.States`);
      if (found) return found;
    }
  }
  return undefined;
}

function dedupe(problems: DefinitionProblem[]): DefinitionProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
