/**
 * The Amazon States Language interpreter (see README.md in this folder). `targets.ts` alone is safe for the
 * app's bundle; everything else is for the worker and the runner.
 */
export { Execution } from './execution.ts';
export { loadDefinition, loadDefinitionSync, MAX_DEFINITION_BYTES, type Validator, type DefinitionProblem, type LoadOptions, type LoadResult } from './load.ts';
export { listTaskTargets, parseResource, shortName, substitute, type TaskIntegration, type TaskTarget } from './targets.ts';
export { StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
export { retryDelayMs } from './retry.ts';
export type * from './types.ts';
