import { validateScenario, type ScenarioDoc } from '../../scenario/index.ts';
import { theoryOverlayOf, type Theories } from '../../sim/services/theory.ts';
import type { TheoryLine, TheoryOverlay } from '../../sim/theory/overlay.ts';
import type { ChartSpec } from './chartLayout.ts';

/** A chart's part of its node's theory overlay: the overlay, and the lines that sit on this chart. */
export interface ChartTheory {
  node: string;
  overlay: TheoryOverlay;
  lines: TheoryLine[];
}

const checked = new WeakMap<ScenarioDoc, ReturnType<typeof validateScenario>>();

/** The document validated once however many charts ask (the overlay reads settings with their defaults). */
function validated(doc: ScenarioDoc): ReturnType<typeof validateScenario> {
  let r = checked.get(doc);
  if (!r) checked.set(doc, (r = validateScenario(doc)));
  return r;
}

/**
 * The theory of a chart from the document: null when the chart's node has no overlay, none of its lines sits on
 * this chart, or the document has an error (the overlay comes back with the fix).
 */
export function chartTheoryOf(doc: ScenarioDoc, spec: ChartSpec, theories: Theories): ChartTheory | null {
  if (!spec.theory) return null;
  const r = validated(doc);
  if (!r.ok) return null;
  const overlay = theoryOverlayOf(r.sim, spec.theory.node, theories);
  if (!overlay) return null;
  const metrics = new Set(spec.theory.metrics);
  const lines = overlay.lines.filter((l) => metrics.has(l.metric));
  return lines.length > 0 ? { node: spec.theory.node, overlay, lines } : null;
}
