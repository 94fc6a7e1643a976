/**
 * Workflow variables (aws-behaviour.md, Step Functions, "data" row): a Parallel branch or Map iteration reads
 * its enclosing scope's variables and keeps its own assignments. A definition with no Assign anywhere can
 * never hold a variable, so all its frames share one frozen empty object instead of a chain of them.
 */
import type { Json } from './errors.ts';
import type { AslMachine } from './types.ts';

export const NO_VARIABLES: Record<string, Json> = Object.freeze({});

const assigning = new WeakMap<AslMachine, boolean>();

/** Does any state, Choice rule or Catch in the definition (branches and item processors included) have Assign? */
export function assignsVariables(machine: AslMachine): boolean {
  let known = assigning.get(machine);
  if (known === undefined) {
    known = hasAssign(machine);
    assigning.set(machine, known);
  }
  return known;
}

function hasAssign(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasAssign);
  for (const key of Object.keys(value)) {
    if (key === 'Assign' || hasAssign((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** The variables of the top level of an execution. */
export function rootVariables(machine: AslMachine): Record<string, Json> {
  return assignsVariables(machine) ? {} : NO_VARIABLES;
}

/** The variables of a frame inside one whose variables are `outer`: it reads them, and its writes stay its own. */
export function innerVariables(outer: Record<string, Json>): Record<string, Json> {
  return outer === NO_VARIABLES ? NO_VARIABLES : (Object.create(outer) as Record<string, Json>);
}
