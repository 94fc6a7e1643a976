import { formatMs, joinTrace, type Trace } from '../journey.ts';
import type { NumberDeque } from '../deque.ts';
import { OUTCOME_NAMES, type Outcome } from '../model.ts';
import type { ShardLog } from './shardLog.ts';

/**
 * The hops a stream's event source mapping records for a sampled request's record (core/journey.ts). The shard
 * log keeps the trace by sequence number (shardLog.ts); the mapping calls these only when its shard log holds a
 * trace (one test per batch), so untraced records pay nothing. The rules are aws-behaviour "Kinesis Data
 * Streams and DynamoDB Streams, read by Lambda".
 */

export function shardName(shard: number): string {
  return `shardId-${String(shard).padStart(12, '0')}`;
}

/** Where a batch stands when it is sent: a retry after a failure, or a half of a split batch. */
export interface BatchAttempt {
  attempts: number;
  split: boolean;
}

/**
 * A batch of the first `n` records of `pending` goes to the function: each traced record's wait in the shard
 * (since it arrived, or since its failed batch's retry delay ended), the batch it was read in; returns the
 * batch's trace (the traced records' traces, so their journeys go on into the function).
 */
export function traceBatch(
  streamId: string,
  functionId: string,
  shard: number,
  log: ShardLog,
  pending: NumberDeque,
  n: number,
  attempt: BatchAttempt,
  readyAt: Map<number, number> | null,
  now: number,
): Trace | null {
  let batch: Trace | null = null;
  for (let i = 0; i < n; i++) {
    const seq = pending.at(i);
    const trace = log.traceOf(seq);
    if (trace === null) continue;
    const ready = readyAt?.get(seq);
    if (ready !== undefined) {
      readyAt!.delete(seq);
      // "errors": a failing batch blocks its shard (its lane) until it is retried.
      if (now > ready) trace.hop(streamId, 'wait', 'waits in the shard', ready, now, `${shardName(shard)} · behind its lane's retried records`);
    } else {
      const at = log.timeOf(seq);
      // "IteratorAge": the time since the stream received the record, when its batch goes to the function.
      if (now > at) trace.hop(streamId, 'wait', 'waits in the shard', at, now, `${shardName(shard)} · age ${formatMs(now - at)} when read (IteratorAge)`);
    }
    // "batching", "polling": the mapping reads up to BatchSize records of the shard (of the record's lane).
    const which = attempt.attempts > 0 ? `retry ${attempt.attempts} · ` : attempt.split ? 'a half of a split batch · ' : '';
    trace.hop(streamId, 'event', `read in a batch of ${n}`, now, now, `${which}event source mapping to ${functionId}`);
    batch = joinTrace(batch, trace);
  }
  return batch;
}

/** The traced records among the first `n` of `pending`, by their place in the batch: [index, seq, ...]. */
export function tracedInBatch(log: ShardLog, pending: NumberDeque, n: number): number[] {
  const found: number[] = [];
  for (let i = 0; i < n; i++) {
    const seq = pending.at(i);
    if (log.traceOf(seq) !== null) found.push(i, seq);
  }
  return found;
}

/** "errors": the failed batch is retried whole after the delay, blocking its lane. */
export function retryHop(outcome: Outcome, attempts: number, max: number, delayMs: number): [string, string] {
  const of = max >= 0 ? ` of ${max}` : '';
  const forever = max < 0 ? ', MaximumRetryAttempts -1 (until the records expire)' : '';
  return [`batch retry ${attempts}${of} waits`, `${formatMs(delayMs)} after ${OUTCOME_NAMES[outcome]}${forever}; the lane is blocked meanwhile`];
}

/** "bisect": the failed batch's first half goes first; a split is not a retry. */
export function splitHop(outcome: Outcome, half: number, left: number): [string, string] {
  return ['split batch waits', `after ${OUTCOME_NAMES[outcome]}, BisectBatchOnFunctionError: the first ${half} of ${left} records go first (a split is not a retry)`];
}

/**
 * A failed batch's traced records from index `from` on wait for its retry (or its split's): the delay, then
 * they are ready again (`readyAt`, read by traceBatch at their next batch).
 */
export function traceRetry(streamId: string, log: ShardLog, traced: readonly number[], from: number, [label, detail]: [string, string], delayMs: number, readyAt: Map<number, number>, now: number): void {
  for (let k = 0; k < traced.length; k += 2) {
    if (traced[k] < from) continue;
    const seq = traced[k + 1];
    log.traceOf(seq)?.hop(streamId, 'retry', label, now, now + delayMs, detail);
    readyAt.set(seq, now + delayMs);
  }
}

/**
 * Traced records discarded by the mapping ("errors": after MaximumRetryAttempts or MaximumRecordAgeInSeconds):
 * the OnFailure record (batch metadata) or the drop; returns their traces for the OnFailure message.
 */
export function traceDiscard(streamId: string, traces: readonly Trace[], why: string, onFailure: string | null, now: number): Trace | null {
  let group: Trace | null = null;
  for (const trace of traces) {
    if (onFailure !== null) {
      trace.hop(streamId, 'deadLetter', `OnFailure record to ${onFailure}`, now, now, why);
      trace.fail(`discarded by the event source mapping of ${streamId}: its OnFailure record went to ${onFailure}`);
    } else {
      trace.hop(streamId, 'deadLetter', 'discarded', now, now, `${why}; no OnFailure destination`);
      trace.fail(`discarded by the event source mapping of ${streamId}`);
    }
    group = joinTrace(group, trace);
  }
  return group;
}

/** The traces of the traced records (from traceBatch's index list) from index `from` on. */
export function tracesFrom(log: ShardLog, traced: readonly number[], from: number): Trace[] {
  const traces: Trace[] = [];
  for (let k = 0; k < traced.length; k += 2) {
    if (traced[k] < from) continue;
    const trace = log.traceOf(traced[k + 1]);
    if (trace !== null) traces.push(trace);
  }
  return traces;
}

/**
 * "retention": traced records in [from, to) of shard `shard` are trimmed before some mapping read them;
 * `unread(seq)` names the functions whose mappings had not.
 */
export function traceExpired(streamId: string, log: ShardLog, from: number, to: number, retentionMs: number, unread: (seq: number) => string, now: number): void {
  for (const seq of log.tracedIn(from, to)) {
    const trace = log.traceOf(seq);
    if (trace === null) continue;
    trace.hop(streamId, 'deadLetter', 'trimmed by the retention', now, now, `older than the retention period ${hours(retentionMs)}; not read by ${unread(seq)}`);
    trace.fail(`expired in ${streamId}`);
  }
}

/** "24 h" for a retention of whole hours. */
function hours(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : formatMs(ms);
}
