import { getBezierPath, getSmoothStepPath, Position, type EdgeProps } from '@xyflow/react';
import { NODE_HEIGHT } from '../../theme/sizes.ts';

/** Where an edge starts and ends on the canvas, and on which side of each node. */
export type EdgeEnds = Pick<EdgeProps, 'sourceX' | 'sourceY' | 'targetX' | 'targetY' | 'sourcePosition' | 'targetPosition'>;

/** How far below its node an edge from the failure handle runs sideways (its label sits on that run). */
const FAILURE_RUN = 24;

/** How far a wrapped edge runs out of its source and into its target before it turns. */
const WRAP_RUN = 20;

/**
 * Whether an edge goes back to a target on another row (a diagram laid out in rows, like lines of text): a
 * curve would loop back over its own source node, so it is drawn square instead.
 */
export function wraps(p: EdgeEnds): boolean {
  return p.sourcePosition === Position.Right && p.targetPosition === Position.Left && p.targetX < p.sourceX && Math.abs(p.targetY - p.sourceY) >= NODE_HEIGHT;
}

/**
 * The edge's path and where its label goes. An edge from the bottom (failure) handle is drawn square, down
 * then across, with its label on the run under its node: a curve's midpoint would fall on the source node
 * or on a DLQ placed under it. An edge back to an earlier column on another row is drawn square too: out of
 * its source, along the gap between the rows (its label there), and into its target.
 */
export function edgeGeometry(p: EdgeEnds): [string, number, number] {
  if (wraps(p)) {
    const [path, x, y] = getSmoothStepPath({ ...p, offset: WRAP_RUN, borderRadius: 10 });
    return [path, x, y];
  }
  if (p.sourcePosition !== Position.Bottom) {
    const [path, x, y] = getBezierPath(p);
    return [path, x, y];
  }
  const [path] = getSmoothStepPath({ ...p, offset: FAILURE_RUN, borderRadius: 10 });
  return [path, (p.sourceX + p.targetX) / 2, p.sourceY + FAILURE_RUN];
}
