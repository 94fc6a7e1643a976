import type { Edge, SimContext } from '../../core/model.ts';

/** Used when a deadLetter edge exists but RedrivePolicy.maxReceiveCount is not set (the console's default). */
export const DEFAULT_MAX_RECEIVE_COUNT = 10;

/**
 * The redrive settings of a queue from its deadLetter edges and RedrivePolicy (docs/aws-behaviour.md
 * "redrive", "advice to surface"), with a warning for each way they disagree with what AWS requires or advises.
 */
export function redriveOf(
  ctx: SimContext,
  queue: { id: string; fifo: boolean; out: readonly Edge[] },
  configured: number | undefined,
  isFifoQueue: (edge: Edge) => boolean | undefined,
): { dlq: Edge | null; maxReceiveCount: number } {
  const dlqs = queue.out.filter((e) => e.role === 'deadLetter');
  if (dlqs.length > 1) ctx.warn(queue.id, `has ${dlqs.length} dead-letter queues; AWS allows one, the first is used`);
  const dlq = dlqs[0] ?? null;
  if (dlq === null) {
    if (configured !== undefined) ctx.warn(queue.id, 'has RedrivePolicy.maxReceiveCount but no dead-letter queue edge: messages are never moved');
    return { dlq, maxReceiveCount: Infinity };
  }
  if (configured === undefined) {
    ctx.warn(queue.id, `has a dead-letter queue but no RedrivePolicy.maxReceiveCount (AWS requires one): using ${DEFAULT_MAX_RECEIVE_COUNT}`);
  } else if (configured < 5) {
    ctx.warn(queue.id, `RedrivePolicy.maxReceiveCount ${configured} is below 5: AWS advises at least 5 so throttled or briefly failing batches do not reach the DLQ`);
  }
  const fifo = isFifoQueue(dlq);
  if (fifo !== undefined && fifo !== queue.fifo) {
    const kind = queue.fifo ? 'FIFO' : 'standard';
    ctx.warn(queue.id, `a ${kind} queue needs a ${kind} dead-letter queue (${dlq.to.id} is not)`);
  }
  return { dlq, maxReceiveCount: configured ?? DEFAULT_MAX_RECEIVE_COUNT };
}
