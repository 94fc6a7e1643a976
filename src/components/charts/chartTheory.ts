import { validateScenario, type ScenarioDoc } from '../../scenario/index.ts';
import type { SimScenario } from '../../sim/engine.ts';
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

const overlays = new WeakMap<SimScenario, Map<string, TheoryOverlay | null>>();

/** A node's overlay, worked out once for all its charts (about ten for a function). */
function overlayOf(sim: SimScenario, node: string, theories: Theories): TheoryOverlay | null {
  let byNode = overlays.get(sim);
  if (!byNode) overlays.set(sim, (byNode = new Map<string, TheoryOverlay | null>()));
  let overlay = byNode.get(node);
  if (overlay === undefined) byNode.set(node, (overlay = theoryOverlayOf(sim, node, theories)));
  return overlay;
}

/** Validates the document ahead of the charts (called when the page is idle): their first render then only reads it. */
export function prepareChartTheory(doc: ScenarioDoc): void {
  validated(doc);
}

/**
 * The theory of a chart from the document: null when the chart's node has no overlay, none of its lines sits on
 * this chart, or the document has an error (the overlay comes back with the fix).
 */
export function chartTheoryOf(doc: ScenarioDoc, spec: ChartSpec, theories: Theories): ChartTheory | null {
  if (!spec.theory) return null;
  const r = validated(doc);
  if (!r.ok) return null;
  const overlay = overlayOf(r.sim, spec.theory.node, theories);
  if (!overlay) return null;
  const metrics = new Set(spec.theory.metrics);
  const lines = overlay.lines.filter((l) => metrics.has(l.metric));
  return lines.length > 0 ? { node: spec.theory.node, overlay, lines } : null;
}
