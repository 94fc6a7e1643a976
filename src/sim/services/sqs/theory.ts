import { arrivalsOver, edgesInto } from '../../theory/arrivals.ts';
import type { KindTheory } from '../../theory/overlay.ts';
import type { EventSourceMapping, SqsProperties } from './spec.ts';

/**
 * A queue drained by a fixed number of consumers is a delay system (docs/aws-behaviour.md, "Queueing facts"):
 * with Poisson arrivals, exponential service and one message per invocation, Erlang C gives the probability of
 * waiting and the mean wait Wq, and Little's law the mean number waiting (Lq = lambda x Wq, the visible messages)
 * and in flight (lambda x W). The consumers are fixed by the mapping's ScalingConfig.MaximumConcurrency (SQS
 * "ceiling"); without it the pollers scale with the backlog (SQS "pollers") and the formula does not apply.
 */
export const sqsTheory: KindTheory = {
  overlay(node, scene) {
    const mappings = scene.edges.filter((e) => e.from === node.id && e.role === 'eventSource');
    if (mappings.length === 0) return null;
    const broken: string[] = [];
    if (mappings.length > 1) broken.push(`${mappings.length} event source mappings read ${node.id}, so its consumers are not one fixed pool`);
    if ((node.properties as SqsProperties).FifoQueue) broken.push(`${node.id} is a FIFO queue: one batch per message group at a time`);
    const edge = mappings[0];
    const m = edge.properties as EventSourceMapping;
    if (m.Enabled === false) broken.push(`the mapping to ${edge.to} is disabled`);
    if (m.BatchSize !== 1) broken.push(`BatchSize ${m.BatchSize}: a consumer takes several messages at once, and Erlang C serves one per consumer (set BatchSize 1 to compare)`);
    if (m.MaximumBatchingWindowInSeconds > 0) broken.push(`a batching window of ${m.MaximumBatchingWindowInSeconds} s holds messages back`);
    const c = m.ScalingConfig?.MaximumConcurrency;
    if (c === undefined) broken.push('no MaximumConcurrency on the mapping: its pollers scale with the backlog, so the consumers are not a fixed number (set ScalingConfig.MaximumConcurrency)');
    const target = scene.nodes.find((n) => n.id === edge.to);
    const facts = target ? scene.theoryOf(target.type)?.service?.(target, scene) : undefined;
    if (!facts) broken.push(`${edge.to}'s service time is not known`);
    else {
      broken.push(...facts.broken);
      if (!facts.exponential) broken.push(`${edge.to}'s duration is ${facts.shape}, and Erlang C assumes exponential service times`);
      if (c !== undefined && facts.servers < c) broken.push(`${edge.to} may run only ${facts.servers} at once (${facts.serversWhy}), below MaximumConcurrency ${c}: throttled polls return messages to the queue`);
      if (facts.failureRate > 0) broken.push(`${edge.to} fails ${+(facts.failureRate * 100).toFixed(1)}% of invocations, and failed messages come back after the visibility timeout`);
    }
    const arrivals = arrivalsOver(edgesInto(node, scene), scene);
    broken.push(...arrivals.broken);
    return {
      formula: 'erlangC',
      arrivals: ['NumberOfMessagesSent'],
      servers: c ?? 0,
      serversWhy: c === undefined ? 'not fixed' : `MaximumConcurrency ${c}`,
      meanServiceMs: facts?.meanMs ?? 0,
      serviceShape: facts?.shape ?? 'unknown',
      broken: [...new Set(broken)],
      assumptions: [
        ...arrivals.assumptions,
        ...(facts?.assumptions ?? []),
        `the mapping has scaled up to its ${c ?? 'maximum'} pollers (it starts at 5 and adds up to 300 a minute) and a poller takes a message as soon as it appears`,
      ],
      lines: [
        { metric: 'ApproximateNumberOfMessagesVisible', label: 'Erlang C prediction', perSecond: false, value: (f) => f.waiting },
        { metric: 'ApproximateNumberOfMessagesNotVisible', label: "Little's law prediction", perSecond: false, value: (f) => f.inService },
      ],
    };
  },
};
