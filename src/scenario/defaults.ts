import { defaultCatalog, type Catalog } from './catalog.ts';
import { CURRENT_VERSION, DEFAULT_DURATION_SECONDS, DEFAULT_SEED, SCENARIO_FORMAT, type ScenarioDoc } from './types.ts';

/** AWS's defaults for a node kind (for new nodes and the inspector's "default" hints). */
export function defaultsFor(type: string, catalog: Catalog = defaultCatalog()): { properties: Record<string, unknown>; behaviour: Record<string, unknown> } {
  const kind = catalog.find(type);
  if (!kind) throw new Error(`unknown node type ${JSON.stringify(type)}; known types: ${catalog.types.join(', ')}`);
  return {
    properties: kind.properties.parse({}),
    behaviour: kind.behaviour.parse({}),
  };
}

/** An empty scenario with the current format and version. */
export function newScenario(name = 'Untitled scenario'): ScenarioDoc {
  return {
    format: SCENARIO_FORMAT,
    version: CURRENT_VERSION,
    name,
    seed: DEFAULT_SEED,
    durationSeconds: DEFAULT_DURATION_SECONDS,
    nodes: [],
    edges: [],
  };
}
