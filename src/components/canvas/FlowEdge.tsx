import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, Position, type EdgeProps } from '@xyflow/react';
import { memo, useId } from 'react';
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

/**
 * The arrowhead, xyflow's closed arrow at the size the canvas used (18, in stroke widths), drawn by the edge
 * itself so that it takes the edge's colour (index.css, `flow-edge-arrow--*`): grey, orange from a failure
 * handle, sky blue while messages move, the selection colour when selected.
 */
const ARROW_SIZE = 18;
/**
 * Half of how far the arrowhead reaches back from the edge's end, in canvas px: 5 of its 20 viewBox units, at
 * ARROW_SIZE stroke widths, so it grows with the stroke (3 px in presenter mode, 2 elsewhere).
 */
const HALF_ARROW = `calc(var(--xy-edge-stroke-width, 2) * ${(ARROW_SIZE * 5) / 20 / 2}px)`;

function Arrowhead({ id, state }: { id: string; state: string }) {
  return (
    <defs>
      <marker id={id} className={`flow-edge-arrow ${state}`} markerWidth={ARROW_SIZE} markerHeight={ARROW_SIZE} viewBox="-10 -10 20 20" markerUnits="strokeWidth" orient="auto-start-reverse" refX="0" refY="0">
        <polyline strokeLinecap="round" strokeLinejoin="round" strokeWidth={1} points="-5,-4 0,0 -5,4 -5,-4" />
      </marker>
    </defs>
  );
}

/** An edge that animates with the live message rate and shows its role when AWS has several. */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<ServiceFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data } = props;
  const rate = useEdgeRate(data?.index ?? -1);
  const markerId = `flow-arrow-${useId().replace(/[^\w-]/g, '')}`;
  const geometry = { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition };
  const [path, midX, labelY] = edgeGeometry(geometry);
  // A straight run into the target's left side: centre the label on the line the arrowhead leaves, not on the
  // whole edge, so on a short edge it does not sit against the arrowhead.
  const offArrow = targetPosition === Position.Left && !wraps(geometry) && targetX > sourceX;
  const failure = !!data?.role && FAILURE_ROLES.includes(data.role);
  const period = dashPeriod(rate);
  // The arrowhead's colour follows the line's, with the same precedence as index.css gives the line's classes.
  const arrow = selected ? 'flow-edge-arrow--selected' : period ? 'flow-edge-arrow--moving' : failure ? 'flow-edge-arrow--failure' : '';
  const label = [data?.severalRoles && data.role ? data.role : '', rate > 0 ? `${formatFigure(rate)}/s` : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <Arrowhead id={markerId} state={arrow} />
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#${markerId})`}
        className={['flow-edge', selected ? 'flow-edge--selected' : '', failure ? 'flow-edge--failure' : '', period ? 'flow-edge--moving' : ''].join(' ')}
        style={period ? { animationDuration: `${period}s` } : undefined}
        interactionWidth={18}
      />
      {label && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-none absolute rounded-full border border-slate-300 bg-white px-1.5 py-0.5 text-xs font-medium text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
            style={{ transform: `translate(-50%, -50%) translate(${midX}px, ${labelY}px)${offArrow ? ` translateX(calc(-1 * ${HALF_ARROW}))` : ''}` }}
            data-testid={`edge-label-${data?.index}`}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
