/** The scenario format v1 (docs/scenario-format.md): what the UI, the CLI and the tests import. */
export type { Problem, ScenarioDoc, ScenarioEdge, ScenarioNode } from './types.ts';
export { CURRENT_VERSION, DEFAULT_DURATION_SECONDS, DEFAULT_SEED, LIMITS, SCENARIO_FORMAT } from './types.ts';
export { validateScenario, type ValidationResult } from './validate.ts';
export { migrate, type MigrateResult } from './migrate.ts';
export { formatProblem, isError, nodePath } from './paths.ts';
export { checkForRun, problemWhere, type ReadyToRun } from './checkForRun.ts';
export { connectionRule, EDGE_ROLES, type ConnectionResult } from './connections.ts';
export { nodeProblems } from './validateNode.ts';
export { docAccountProblems, nodeAccountProblems } from './accountChecks.ts';
export { defaultsFor, newScenario } from './defaults.ts';
export { loadScenarioText, megabytes, parseScenarioText } from './parseText.ts';
export { Catalog, defaultCatalog } from './catalog.ts';
export { referenceMarkdown } from './reference.ts';
export { EDGE_ID_PATTERN, isEdgeIdChange, newEdgeId, repair, restoreScenario, type RestoreOptions, type RestoreSource, type Restored } from './restore.ts';
export { decodeShare, encodeShare, fragmentParams, openShareValue, SHARE_PARAM, type OpenedLink, type SharePayload } from './shareLink.ts';
