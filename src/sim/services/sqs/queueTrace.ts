import { formatMs } from '../../core/journey.ts';
import type { MessageStore } from './messageStore.ts';

/**
 * The hops a queue records for a sampled request's message (core/journey.ts). Called only for slots the store
 * marks traced, so other messages pay one flag test per receive, delete or return.
 */

/** ReceiveMessage: the wait since it last became visible, then the receive with its count (SQS "visibility timeout", "redrive"). */
export function traceReceive(queueId: string, store: MessageStore, slot: number, receipt: number, maxReceiveCount: number, now: number): void {
  const trace = store.trace(slot);
  if (trace === null) return;
  traceWait(queueId, store, slot, now);
  const limit = Number.isFinite(maxReceiveCount) ? ` of maxReceiveCount ${maxReceiveCount}` : '';
  trace.hop(queueId, 'event', `receive ${receipt}`, now, now, `ApproximateReceiveCount ${receipt}${limit}`);
}

/** The wait in the visible list since the send, the delay's end or the last visibility timeout's end. */
function traceWait(queueId: string, store: MessageStore, slot: number, now: number): void {
  const since = Math.max(store.sentAt(slot), store.until(slot));
  if (now > since) store.trace(slot)?.hop(queueId, 'wait', 'waits in the queue', since, now);
}

/** aws-behaviour SQS "redrive": received maxReceiveCount times, moved to the DLQ at the next receive. */
export function traceMovedToDlq(queueId: string, dlqId: string, store: MessageStore, slot: number, maxReceiveCount: number, now: number): void {
  const trace = store.trace(slot);
  if (trace === null) return;
  traceWait(queueId, store, slot, now);
  trace.hop(queueId, 'deadLetter', `moved to ${dlqId}`, now, now, `received ${store.receives(slot)} times, maxReceiveCount ${maxReceiveCount}`);
  trace.fail(`moved to the dead-letter queue ${dlqId}`);
}

export function traceExpired(queueId: string, store: MessageStore, slot: number, retentionMs: number, now: number): void {
  const trace = store.trace(slot);
  if (trace === null) return;
  trace.hop(queueId, 'deadLetter', 'deleted by retention', now, now, `older than MessageRetentionPeriod ${formatMs(retentionMs)}`);
  trace.fail(`expired in ${queueId}`);
}

/** The visibility timeout passed without a delete: the message was hidden from its receive until now. */
export function traceReturned(queueId: string, store: MessageStore, slot: number, visibilityMs: number): void {
  const until = store.until(slot);
  store.trace(slot)?.hop(queueId, 'retry', 'hidden until the visibility timeout', until - visibilityMs, until, `VisibilityTimeout ${formatMs(visibilityMs)}, then visible again`);
}

export function traceDeleted(queueId: string, store: MessageStore, slot: number, stale: boolean, now: number): void {
  const trace = store.trace(slot);
  if (trace === null) return;
  if (stale) trace.hop(queueId, 'event', 'DeleteMessage refused', now, now, 'an older receipt: it was received again meanwhile');
  else trace.hop(queueId, 'event', 'DeleteMessage', now, now);
}
