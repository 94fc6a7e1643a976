import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { isThrottleMetric } from '../../live/figures.ts';
import { useLiveFigures } from '../../live/useLiveFigures.ts';
import { findServiceKind, SERVICE_KINDS } from '../../sim/services/registry.ts';
import { ServiceIcon } from '../common/ServiceIcon.tsx';
import { hasFailureHandle, hasInHandle, hasOutHandle } from '../canvas/connectionCheck.ts';
import type { ServiceFlowNode } from '../canvas/flowElements.ts';
import { useAppStore } from '../../store/index.ts';
import { figureLabel, formatFigure, formatLimit } from './figureFormat.ts';
import { describeUnconnected, unconnectedSteps } from './unconnectedSteps.ts';

const ALL_TYPES = SERVICE_KINDS.map((k) => k.type);

/** A service on the canvas: icon, name, up to three live figures, and a status colour. */
export const ServiceNode = memo(function ServiceNode({ id, data, selected }: NodeProps<ServiceFlowNode>) {
  const kind = findServiceKind(data.type);
  const live = useLiveFigures(id);
  const figures = (kind?.figures ?? []).slice(0, 3);
  const throttling = !!live?.throttling;
  const coldStarts = live?.coldStarts ?? 0;
  const status = !live ? 'idle' : throttling ? 'throttling' : 'active';
  const unconnected = useAppStore((s) => unconnectedSteps(s.doc, id));

  return (
    <div
      data-testid={`node-${id}`}
      data-status={status}
      className={[
        'service-node group relative flex h-full w-full flex-col rounded-xl border-2 bg-white px-3 py-2.5 dark:bg-slate-900',
        selected ? 'ring-4 ring-sky-400/60 dark:ring-sky-400/50' : '',
        throttling ? 'service-node--throttling border-red-500' : 'border-slate-200 dark:border-slate-700',
      ].join(' ')}
      style={!throttling && status === 'active' ? { borderColor: kind?.icon.color } : undefined}
      title={kind?.description}
    >
      {hasInHandle(data.type, ALL_TYPES) && (
        <Handle type="target" position={Position.Left} id="in" data-testid={`handle-${id}-in`} className="service-handle" />
      )}
      <div className="flex min-w-0 items-center gap-2.5">
        <ServiceIcon type={data.type} size={36} />
        <div className="min-w-0">
          <div className="service-node__name truncate text-[15px] leading-tight font-semibold text-slate-900 dark:text-slate-50">{id}</div>
          <div className="service-node__kind truncate text-xs text-slate-500 dark:text-slate-400">{kind?.label ?? data.type}</div>
        </div>
        {coldStarts > 0 && (
          <span className="ml-auto shrink-0 rounded-full bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-900 dark:text-sky-100" title="Cold starts in the last second">
            ❄ {formatFigure(coldStarts)}
          </span>
        )}
        {unconnected.length > 0 && (
          <span
            className="absolute -top-3 right-2 rounded-full border border-amber-300 bg-amber-100 px-1.5 py-0.5 text-xs leading-none font-semibold text-amber-900 dark:border-amber-700 dark:bg-amber-900 dark:text-amber-100"
            title={describeUnconnected(unconnected)}
            data-testid={`unconnected-${id}`}
          >
            ⚠ {unconnected.length} unconnected
          </span>
        )}
      </div>
      {/* Columns as wide as their text, spread across the node: a long caption takes room a short one leaves. */}
      <div className="service-node__figures mt-auto grid grid-cols-[repeat(3,minmax(0,auto))] justify-between gap-x-1 pt-2">
        {figures.map((name) => {
          const metric = kind?.metrics.find((m) => m.name === name);
          const v = live?.[name];
          const limit = name === 'ConcurrentExecutions' && live?.limit ? `/${formatLimit(live.limit)}` : '';
          return (
            // data-alert: a throttle figure above 0, which presenter mode shows even beyond a node's first two figures.
            <div key={name} className="min-w-0" title={metric?.help ?? name} data-alert={isThrottleMetric(name) && v !== undefined && v > 0 ? '' : undefined}>
              <div className="service-node__figure truncate text-[15px] leading-tight font-semibold tabular-nums text-slate-800 dark:text-slate-100" data-testid={`figure-${id}-${name}`}>
                {v === undefined ? '—' : formatFigure(v, metric?.unit)}
                {v !== undefined && limit && <span className="service-node__limit text-[0.8em] font-normal text-slate-500 dark:text-slate-400">{limit}</span>}
              </div>
              <div className="service-node__label truncate text-xs leading-tight text-slate-500 dark:text-slate-400">{figureLabel(kind, name)}</div>
            </div>
          );
        })}
      </div>
      {hasOutHandle(data.type) && (
        <Handle type="source" position={Position.Right} id="out" data-testid={`handle-${id}-out`} className="service-handle" />
      )}
      {hasFailureHandle(data.type) && (
        <Handle
          type="source"
          position={Position.Bottom}
          id="failure"
          data-testid={`handle-${id}-failure`}
          className="service-handle service-handle--failure"
          title="Failures: dead-letter queue or on-failure destination"
        />
      )}
    </div>
  );
});
