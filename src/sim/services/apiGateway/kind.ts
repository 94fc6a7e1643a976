import type { ServiceKind } from '../../core/serviceKind.ts';
import { weightedEdge } from '../client/spec.ts';
import { apiGatewayBehaviour, apiGatewayProperties } from './spec.ts';

export const apiGatewayKind: ServiceKind = {
  type: 'AWS::ApiGateway::RestApi',
  label: 'API Gateway (REST)',
  shortName: 'Api',
  category: 'API',
  description:
    'A REST API: stage and account token-bucket throttling (429), an integration timeout (504), Lambda errors as 502 and Lambda throttles as 500.',
  properties: apiGatewayProperties,
  behaviour: apiGatewayBehaviour,
  // The integration is generic: a Lambda proxy integration (invoke) or a service integration (call) to any
  // target that accepts one. Several edges share traffic by weight.
  emits: [
    { role: 'invoke', properties: weightedEdge },
    { role: 'call', properties: weightedEdge },
  ],
  accepts: [{ role: 'invoke', delivery: 'sync', from: ['Client'] }],
  metrics: [
    { name: 'Count', kind: 'counter', unit: 'Count', help: 'Requests received, throttled ones included.' },
    { name: '4XXError', kind: 'counter', unit: 'Count', help: 'Client errors: 429 from the stage or account throttle.' },
    { name: '5XXError', kind: 'counter', unit: 'Count', help: 'Server errors: 500 (Lambda throttled), 502 (Lambda error), 504 (integration timeout).' },
    { name: 'Latency', kind: 'distribution', unit: 'Milliseconds', help: 'From receiving the request to returning the response.' },
    { name: 'IntegrationLatency', kind: 'distribution', unit: 'Milliseconds', help: 'From calling the backend to its answer (or the timeout).' },
    { name: 'Cost', kind: 'counter', unit: 'USD', help: 'REST: $3.50 per 1M requests (us-east-1); throttled requests are not charged (assumption).' },
  ],
  figures: ['Count', '5XXError', 'Latency'],
  // Every 4XX here is a 429 from a throttle (see 4XXError's help).
  compare: { latency: 'Latency', throttles: ['4XXError'], errors: ['5XXError'] },
  theory: () => import('./theory.ts').then((m) => m.apiGatewayTheory),
  advice: () => import('./advice.ts').then((m) => m.apiGatewayAdvice),
  charts: [['Count', '4XXError', '5XXError'], ['Latency', 'IntegrationLatency']],
  icon: {
    color: '#8C4FFF',
    // Angle brackets around a stack of routes, as in AWS's API Gateway icon.
    path: 'M7 5L1.5 12L7 19l1.6-1.2L4 12l4.6-5.8zm10 0l5.5 7l-5.5 7l-1.6-1.2L20 12l-4.6-5.8zM9.2 8h1.4v8H9.2zm2.1 0h1.4v8h-1.4zm2.1 0h1.4v8h-1.4z',
  },
};
