import type { ServiceKind } from '../../core/serviceKind.ts';
import { clientBehaviour, clientProperties, weightedEdge } from './spec.ts';

export const clientKind: ServiceKind = {
  type: 'Client',
  label: 'Client',
  shortName: 'Users',
  category: 'Traffic',
  description: 'Sends requests in a load pattern (constant, Poisson, step, ramp, spike, daily sine, replay) and sees each answer end to end.',
  properties: clientProperties,
  behaviour: clientBehaviour,
  // Requests go to whatever accepts an invoke (an API, a function) or a call (a queue, a topic, a table).
  emits: [
    { role: 'invoke', properties: weightedEdge },
    { role: 'call', properties: weightedEdge },
  ],
  accepts: [],
  refusedAsTarget: 'A Client is where traffic starts; nothing sends to it.',
  metrics: [
    { name: 'Requests', kind: 'counter', unit: 'Count', help: 'Requests sent.' },
    { name: 'Succeeded', kind: 'counter', unit: 'Count', help: 'Requests answered with success (202 Accepted counts for an Event invocation).' },
    { name: 'Failed', kind: 'counter', unit: 'Count', help: 'Requests answered with an error (4xx or 5xx), throttles included.' },
    { name: 'Throttled', kind: 'counter', unit: 'Count', help: 'Requests answered 429 Too Many Requests (a subset of Failed).' },
    { name: 'InFlight', kind: 'level', unit: 'Count', help: 'Requests sent and not yet answered.' },
    { name: 'Latency', kind: 'distribution', unit: 'Milliseconds', help: 'End-to-end time from sending to the answer, as the caller sees it.' },
  ],
  figures: ['Requests', 'Failed', 'Latency'],
  compare: { latency: 'Latency', throttles: ['Throttled'], errors: ['Failed'] },
  theory: () => import('./theory.ts').then((m) => m.clientTheory),
  charts: [['Requests', 'Succeeded', 'Failed'], ['Latency']],
  icon: {
    color: '#7D8998',
    // A person: head and shoulders.
    path: 'M12 3a4 4 0 1 1 0 8a4 4 0 0 1 0-8zm0 10c4.4 0 8 2.2 8 5v3H4v-3c0-2.8 3.6-5 8-5z',
  },
  check(node) {
    const problems: [string, string][] = [];
    const p = node.properties;
    if (typeof p.stopSeconds === 'number' && typeof p.startSeconds === 'number' && p.stopSeconds <= p.startSeconds)
      problems.push(['properties.stopSeconds', 'must be after startSeconds']);
    if (p.pattern === 'replay' && (!Array.isArray(p.rates) || p.rates.length === 0))
      problems.push(['properties.rates', 'the replay pattern needs at least one per-second rate']);
    return problems;
  },
};
