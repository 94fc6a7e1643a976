/**
 * The definition check the scenario loader runs on every state machine node (kind.check). It must be
 * synchronous and the app's bundle must not grow by a library, so it makes the interpreter's own checks
 * (asl/checks.ts) without asl-validator or jsonata; the engine's model loads the definition again with both
 * (model.ts, a lazy chunk), before time starts, and refuses to run a definition they find fault with.
 */
import type { SimNode } from '../../core/model.ts';
import type { UnconnectedStep } from '../../core/serviceKind.ts';
import type { Json } from './asl/errors.ts';
import type { JsonataCompiler } from './asl/checks.ts';
import { loadDefinitionSync, type LoadResult, type Validator } from './asl/load.ts';
import { listTaskTargets, visitMachine } from './asl/targets.ts';
import { substitutionStrings } from './spec.ts';

const JSONATA_REFUSAL = 'JSONata states are not simulated yet (JSONata 2 evaluates asynchronously and the engine runs synchronously); write this state in JSONPath';

/** Loads a node's definition: problems as [path within the node, message], each naming the state and field. */
export function loadNodeDefinition(node: SimNode, validator?: Validator, compileJsonata?: JsonataCompiler): LoadResult {
  const type = (node.properties.StateMachineType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD');
  const loaded = loadDefinitionSync(node.properties.Definition as Json, { substitutions: substitutionStrings(node.properties), type, compileJsonata }, validator);
  if (!loaded.ok) return loaded;
  // Missing transition targets and unreachable states are asl/transitions.ts's, within loadDefinitionSync.
  const problems = jsonataStates(loaded.machine as unknown as Json).map((path) => ({ path, message: JSONATA_REFUSAL }));
  return problems.length > 0 ? { ok: false, problems } : loaded;
}

/** Paths of the QueryLanguage fields that make a state JSONata (the top-level one covers every state). */
function jsonataStates(machine: Json): string[] {
  if (machine === null || typeof machine !== 'object' || Array.isArray(machine)) return [];
  if (machine.QueryLanguage === 'JSONata') return ['QueryLanguage'];
  const out: string[] = [];
  visitMachine(machine, (_name, state, path) => {
    if (state.QueryLanguage === 'JSONata') out.push(`${path}.QueryLanguage`);
  });
  return out;
}

export function definitionProblems(node: SimNode): [string, string][] {
  return asNodeProblems(loadNodeDefinition(node));
}

/** A load's problems as [path within the node, message]: 'properties.Definition.States.X.Field'. */
export function asNodeProblems(loaded: LoadResult): [string, string][] {
  if (loaded.ok) return [];
  return loaded.problems.map((p) => [p.path === 'definition' ? 'properties.Definition' : `properties.Definition.${p.path}`, p.message]);
}

/**
 * A call edge does what its `operation` says (the target's model reads it), so a Task that calls the edge's
 * target should call that API: an edge set to GetItem under PutItem Tasks only is a problem. When Tasks call
 * several APIs of one target, the edge's operation stands for them all (the model warns at start).
 */
export function checkCallEdge(from: SimNode, to: SimNode, role: string, properties: Record<string, unknown>): [string, string][] {
  if (role !== 'call' || typeof properties.operation !== 'string') return [];
  const actions = callActions(from, to.id);
  const operation = properties.operation;
  if (actions.length === 0 || actions.some((a) => sameApi(a.action, operation))) return [];
  const { stateName, action } = actions[0];
  return [['properties.operation', `is ${operation}, but Task ${stateName} calls ${action} on ${to.id}: set the edge's operation to ${action.charAt(0).toUpperCase()}${action.slice(1)}`]];
}

export const sameApi = (action: string, operation: string) => action.toLowerCase() === operation.toLowerCase();

/**
 * Tasks whose target is not reached by an edge from this state machine (aws-behaviour.md, Step Functions
 * "integration patterns"): the model fails each such call with ResourceNotFoundException; the canvas marks the
 * node so the Task is not silently unconnected. Read from the definition as written, problems or not.
 */
export function unconnectedTasks(node: SimNode, targets: ReadonlySet<string>, nodes: ReadonlySet<string>): UnconnectedStep[] {
  let definition = node.properties.Definition as Json | undefined;
  if (typeof definition === 'string') {
    try {
      definition = JSON.parse(definition) as Json;
    } catch {
      return [];
    }
  }
  if (definition === undefined) return [];
  return listTaskTargets(definition, substitutionStrings(node.properties))
    .filter((t) => !t.dynamic && t.name !== undefined && !targets.has(t.name))
    .map((t) => ({ step: t.stateName, target: t.name!, missing: !nodes.has(t.name!) }));
}

/** The Tasks of a node's definition that call `targetId`, with the API each calls. */
export function callActions(node: SimNode, targetId: string): { stateName: string; action: string }[] {
  const loaded = loadNodeDefinition(node);
  if (!loaded.ok) return [];
  return listTaskTargets(loaded.machine as unknown as Json)
    .filter((t) => t.name === targetId)
    .map((t) => ({ stateName: t.stateName, action: t.integration.action }));
}
