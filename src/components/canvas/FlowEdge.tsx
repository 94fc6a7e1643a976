import { BaseEdge, EdgeLabelRenderer, Position, type EdgeProps } from '@xyflow/react';
import { memo, useId } from 'react';
import { useEdgeRate } from '../../live/useEdgeRate.ts';
import { formatFigure } from '../nodes/figureFormat.ts';
import type { ServiceFlowEdge } from './flowElements.ts';
import { FAILURE_ROLES } from './connectionCheck.ts';
import { edgeGeometry, wraps } from './edgeGeometry.ts';

/** Seconds per dash cycle: faster flow, faster dashes (log scale so 1/s and 10k/s both read). */
function dashPeriod(rate: number): number {
  if (rate <= 0) return 0;
  return Math.max(0.25, 2.4 - 0.5 * Math.log10(1 + rate));
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
