/**
 * The definition as a graph for the live state view (core/workflowView.ts): a box per state, Parallel and Map
 * states drawn as groups (the state's own box, a frame per branch or for the iteration, and a join where the
 * branches meet), arrows for Next, Choice rules, Default and Catch. It reads the definition leniently, so a
 * definition with problems still draws as far as it can be read; the problems are listed elsewhere.
 */
import type { SimNode } from '../../core/model.ts';
import { MARK, type WorkflowGraph, type WorkflowLink } from '../../core/workflowView.ts';
import type { Json, JsonObject } from './asl/errors.ts';

const START = `${MARK}start`;
const END = `${MARK}end`;
const joinOf = (state: string) => `${MARK}join:${state}`;
const groupOf = (state: string) => `${MARK}group:${state}`;

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The node's Definition (an object or its JSON text) as a graph, or why it cannot be drawn. */
export function stateGraph(node: SimNode): WorkflowGraph | { problem: string } {
  let definition = node.properties.Definition as Json | undefined;
  if (typeof definition === 'string') {
    try {
      definition = JSON.parse(definition) as Json;
    } catch (e) {
      return { problem: `The definition is not JSON: ${(e as Error).message}` };
    }
  }
  if (!isObject(definition) || !isObject(definition.States)) return { problem: 'The definition has no States object' };
  const graph: WorkflowGraph = { steps: [], groups: [], links: [] };
  graph.steps.push({ id: START, label: 'Start', type: 'Start', role: 'start', group: null });
  graph.steps.push({ id: END, label: 'End', type: 'End', role: 'end', group: null });
  addMachine(graph, definition, null, START, END);
  return graph;
}

/** Adds one machine's states (the top level, a branch or an iteration) between `from` and `to`. */
function addMachine(graph: WorkflowGraph, machine: JsonObject, group: string | null, from: string, to: string): void {
  const states = machine.States as JsonObject;
  const names = Object.keys(states);
  const exit = (name: string) => (isComposite(states[name]) ? joinOf(name) : name);
  const link = (fromId: string, target: Json | undefined, kind: WorkflowLink['kind'], label?: string) => {
    if (typeof target === 'string' && target in states) graph.links.push({ from: fromId, to: target, kind, ...(label ? { label } : {}) });
  };
  link(from, machine.StartAt, 'next');
  for (const name of names) {
    const state = states[name];
    const type = isObject(state) && typeof state.Type === 'string' ? state.Type : 'Unknown';
    graph.steps.push({ id: name, label: name, type, role: 'step', group: isComposite(state) ? groupOf(name) : group });
    if (!isObject(state)) continue;
    if (isComposite(state)) addComposite(graph, name, state, group);
    const out = exit(name);
    if (type === 'Choice' && Array.isArray(state.Choices)) {
      state.Choices.forEach((rule, i) => isObject(rule) && link(out, rule.Next, 'choice', ruleLabel(rule, i)));
      link(out, state.Default, 'default', 'Default');
    }
    link(out, state.Next, 'next');
    if (Array.isArray(state.Catch)) {
      for (const catcher of state.Catch) if (isObject(catcher)) link(out, catcher.Next, 'catch', errorsLabel(catcher.ErrorEquals));
    }
    if (state.End === true || type === 'Succeed' || type === 'Fail') graph.links.push({ from: out, to, kind: 'next' });
  }
}

function isComposite(state: Json | undefined): state is JsonObject {
  return isObject(state) && (state.Type === 'Parallel' || state.Type === 'Map');
}

/** A Parallel's branches or a Map's iteration, framed inside the state's own group, ending at its join. */
function addComposite(graph: WorkflowGraph, name: string, state: JsonObject, parent: string | null): void {
  const group = groupOf(name);
  graph.groups.push({ id: group, label: `${name} (${state.Type === 'Map' ? 'Map' : 'Parallel'})`, parent });
  graph.steps.push({ id: joinOf(name), label: state.Type === 'Map' ? 'Iterations end' : 'Branches join', type: 'Join', role: 'join', group });
  const machines: [string, Json | undefined][] =
    state.Type === 'Parallel'
      ? (Array.isArray(state.Branches) ? state.Branches : []).map((b, i) => [`Branch ${i + 1}`, b])
      : [['Iteration', state.ItemProcessor ?? state.Iterator]];
  machines.forEach(([label, machine], i) => {
    if (!isObject(machine) || !isObject(machine.States)) return;
    const branch = `${MARK}branch:${name}:${i}`;
    graph.groups.push({ id: branch, label, parent: group });
    addMachine(graph, machine, branch, name, joinOf(name));
  });
}

function ruleLabel(rule: JsonObject, i: number): string {
  if (typeof rule.Comment === 'string') return rule.Comment;
  if (typeof rule.Condition === 'string') return rule.Condition;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : undefined;
  const op = Object.keys(rule).find((k) => k !== 'Variable' && k !== 'Next' && k !== 'Assign' && k !== 'Output');
  if (variable && op) return `${variable} ${op} ${JSON.stringify(rule[op])}`;
  return `Rule ${i + 1}`;
}

function errorsLabel(errors: Json | undefined): string {
  return Array.isArray(errors) ? `Catch ${errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join(', ')}` : 'Catch';
}
