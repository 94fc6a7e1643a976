import { newScenario, type ScenarioDoc, type ScenarioEdge, type ScenarioNode } from '../scenario/index.ts';

/**
 * The scenario document as the editor holds it (docs/scenario-format.md): only values that differ from
 * AWS's defaults are stored; the inspector shows defaults as placeholders.
 */
export type Doc = ScenarioDoc;
export type DocNode = ScenarioNode;
export type DocEdge = ScenarioEdge;

export type Section = 'properties' | 'behaviour';

export function emptyDoc(name = 'Untitled architecture'): Doc {
  return newScenario(name);
}

export function positionOf(n: DocNode): { x: number; y: number } {
  return n.position ?? { x: 0, y: 0 };
}
