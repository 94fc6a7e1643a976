import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { NODE_HEIGHT, NODE_WIDTH } from '../../theme/sizes.ts';
import { hintOffset, offscreen, SIDES, type Side } from './offscreen.ts';

const ARROW: Record<Side, string> = { left: '←', right: '→', top: '↑', bottom: '↓' };
const PLACE: Record<Side, string> = {
  left: 'left-2 -translate-y-1/2',
  right: 'right-2 -translate-y-1/2',
  top: 'top-2 -translate-x-1/2',
  bottom: 'bottom-2 -translate-x-1/2',
};

const viewOf = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height, nodes: s.nodes });

/**
 * Where services lie beyond the canvas's edges (the readable fit leaves a wide diagram to be panned, a projector
 * or a phone shows part of it): a hint at that edge says how many, and a click pans the nearest into view.
 */
export function OffscreenHints() {
  const flow = useReactFlow();
  const { x, y, zoom, width, height, nodes } = useStore(useShallow(viewOf));
  const rects = nodes.map((n) => ({ ...n.position, width: n.measured?.width ?? NODE_WIDTH, height: n.measured?.height ?? NODE_HEIGHT }));
  const view = { x, y, zoom };
  const hidden = offscreen(rects, view, { width, height });
  return (
    <>
      {SIDES.filter((side) => hidden[side].count > 0).map((side) => {
        const { count, pan } = hidden[side];
        const horizontal = side === 'left' || side === 'right';
        const label = `${count} more`;
        // Along its edge where it covers no node in view (a row of nodes across the middle keeps its figures).
        const at = hintOffset(side, rects, view, { width, height });
        return (
          <button
            key={side}
            type="button"
            data-testid={`offscreen-${side}`}
            aria-label={`Pan to show ${count === 1 ? 'the service' : `${count} services`} past the ${side} edge`}
            title={`Pan to show what lies past the ${side} edge`}
            onClick={() => void flow.setViewport({ x: horizontal ? x + pan : x, y: horizontal ? y : y + pan, zoom }, { duration: 300 })}
            style={horizontal ? { top: at } : { left: at }}
            className={`absolute z-10 ${PLACE[side]} flex items-center gap-1 rounded-full border border-slate-300 bg-white/90 px-2.5 py-1 text-sm font-semibold text-slate-700 shadow-md hover:bg-white dark:border-slate-600 dark:bg-slate-800/90 dark:text-slate-100 dark:hover:bg-slate-800`}
          >
            {side === 'left' || side === 'top' ? `${ARROW[side]} ${label}` : `${label} ${ARROW[side]}`}
          </button>
        );
      })}
    </>
  );
}
