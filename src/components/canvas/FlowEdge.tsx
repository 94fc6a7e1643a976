import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, Position, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEdgeRate } from '../../live/useEdgeRate.ts';
import { formatFigure } from '../nodes/figureFormat.ts';
import type { ServiceFlowEdge } from './flowElements.ts';
import { FAILURE_ROLES } from './connectionCheck.ts';
import { NODE_HEIGHT } from '../../theme/sizes.ts';

/** Seconds per dash cycle: faster flow, faster dashes (log scale so 1/s and 10k/s both read). */
function dashPeriod(rate: number): number {
  if (rate <= 0) return 0;
  return Math.max(0.25, 2.4 - 0.5 * Math.log10(1 + rate));
}

/** How far below its node an edge from the failure handle runs sideways (its label sits on that run). */
const FAILURE_RUN = 24;

/** How far a wrapped edge runs out of its source and into its target before it turns. */
const WRAP_RUN = 20;

/**
 * Whether an edge goes back to a target on another row (a diagram laid out in rows, like lines of text): a
 * curve would loop back over its own source node, so it is drawn square instead.
 */
function wraps(p: Pick<EdgeProps, 'sourceX' | 'sourceY' | 'targetX' | 'targetY' | 'sourcePosition' | 'targetPosition'>): boolean {
  return p.sourcePosition === Position.Right && p.targetPosition === Position.Left && p.targetX < p.sourceX && Math.abs(p.targetY - p.sourceY) >= NODE_HEIGHT;
}

/**
 * The edge's path and where its label goes. An edge from the bottom (failure) handle is drawn square, down
 * then across, with its label on the run under its node: a curve's midpoint would fall on the source node
 * or on a DLQ placed under it. An edge back to an earlier column on another row is drawn square too: out of
 * its source, along the gap between the rows (its label there), and into its target.
 */
function edgeGeometry(p: Pick<EdgeProps, 'sourceX' | 'sourceY' | 'targetX' | 'targetY' | 'sourcePosition' | 'targetPosition'>): [string, number, number] {
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

/** An edge that animates with the live message rate and shows its role when AWS has several. */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<ServiceFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data, markerEnd } = props;
  const rate = useEdgeRate(data?.index ?? -1);
  const [path, labelX, labelY] = edgeGeometry({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const failure = !!data?.role && FAILURE_ROLES.includes(data.role);
  const period = dashPeriod(rate);
  const label = [data?.severalRoles && data.role ? data.role : '', rate > 0 ? `${formatFigure(rate)}/s` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={['flow-edge', selected ? 'flow-edge--selected' : '', failure ? 'flow-edge--failure' : '', period ? 'flow-edge--moving' : ''].join(' ')}
        style={period ? { animationDuration: `${period}s` } : undefined}
        interactionWidth={18}
      />
      {label && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-none absolute rounded-full border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${data?.index}`}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
