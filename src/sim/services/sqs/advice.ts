import type { AdviceFinding, AdviceRule } from '../../core/advice.ts';

const SQS = 'AWS::SQS::Queue';

/** A queue's VisibilityTimeout should be at least 6 x the Timeout of the function polling it (docs/aws-behaviour.md, SQS "advice to surface"). */
const visibilityTimeout: AdviceRule = (view) => {
  const out: AdviceFinding[] = [];
  for (const e of view.edges) {
    const q = view.node(e.from);
    const fn = view.node(e.to);
    if (!q || !fn || q.type !== SQS || view.roleOf(e) !== 'eventSource') continue;
    const vis = view.value(q, 'properties', 'VisibilityTimeout');
    const timeout = view.value(fn, 'properties', 'Timeout');
    if (vis === undefined || timeout === undefined || vis >= 6 * timeout) continue;
    const target = Math.min(43_200, 6 * timeout);
    out.push({
      id: `visibility-timeout:${q.id}:${fn.id}`,
      rule: 'visibility-timeout',
      severity: 'warning',
      nodeId: q.id,
      message: `${q.id}'s visibility timeout (${vis} s) is below 6 x ${fn.id}'s timeout (${timeout} s): messages being processed can be received twice.`,
      fix: { label: `Set VisibilityTimeout to ${target} s`, set: { node: q.id, section: 'properties', path: 'VisibilityTimeout', value: target } },
    });
  }
  return out;
};

/**
 * RedrivePolicy.maxReceiveCount should be at least 5, so a brief throttle does not send good messages to the
 * DLQ. Without a dead-letter queue connected the setting does nothing, and the advice says so instead.
 */
const maxReceiveCount: AdviceRule = (view) => {
  const out: AdviceFinding[] = [];
  for (const q of view.nodes) {
    if (q.type !== SQS) continue;
    const count = view.written(q.properties, 'RedrivePolicy.maxReceiveCount');
    if (typeof count !== 'number') continue;
    const hasDlq = view.edges.some((e) => e.from === q.id && (e.role ?? 'deadLetter') === 'deadLetter' && view.node(e.to)?.type === SQS);
    if (!hasDlq) {
      out.push({
        id: `max-receive-count:${q.id}`,
        rule: 'max-receive-count',
        severity: 'warning',
        nodeId: q.id,
        message: `${q.id} sets maxReceiveCount (${count}) but has no dead-letter queue: connect another queue from its failure handle, or messages that keep failing are received again until they expire.`,
      });
      continue;
    }
    if (count >= 5) continue;
    out.push({
      id: `max-receive-count:${q.id}`,
      rule: 'max-receive-count',
      severity: 'warning',
      nodeId: q.id,
      message: `${q.id}'s maxReceiveCount is ${count}: AWS recommends at least 5, or throttled receives move good messages to the dead-letter queue.`,
      fix: { label: 'Set maxReceiveCount to 5', set: { node: q.id, section: 'properties', path: 'RedrivePolicy.maxReceiveCount', value: 5 } },
    });
  }
  return out;
};

export const sqsAdvice: readonly AdviceRule[] = [visibilityTimeout, maxReceiveCount];
