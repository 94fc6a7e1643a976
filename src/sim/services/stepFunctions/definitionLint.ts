/**
 * The definition checked as the engine checks it before a run (asl-validator, JSONata compiled, then this
 * service's own checks), for the inspector's editor. A module of its own, imported lazily, so asl-validator
 * and jsonata reach the app only when a state machine is inspected.
 */
import aslValidator from 'asl-validator';
import type { SimNode } from '../../core/model.ts';
import { compileJsonata } from './asl/jsonataEval.ts';
import type { Validator } from './asl/load.ts';
import { asNodeProblems, loadNodeDefinition } from './definition.ts';

/** Problems as [property path, message], e.g. ['properties.Definition.States.Charge.Retry[0].BackoffRate', 'must be >= 1']. */
export function lintDefinition(node: SimNode): [string, string][] {
  return asNodeProblems(loadNodeDefinition(node, aslValidator as Validator, compileJsonata));
}
