import type { ServiceKind } from '../../core/serviceKind.ts';
import { LambdaModel } from './model.ts';
import { lambdaBehaviour, lambdaProperties } from './spec.ts';
import { THROTTLE_REASONS, throttleMetricName } from './throttleReasons.ts';

export const lambdaKind: ServiceKind = {
  type: 'AWS::Lambda::Function',
  label: 'Lambda function',
  shortName: 'Function',
  category: 'Compute',
  description:
    'Runs code per request in execution environments: cold starts on new ones, reserved, provisioned and account concurrency, scaling rate, 429 throttles.',
  properties: lambdaProperties,
  behaviour: lambdaBehaviour,
  // Calls the function makes (DynamoDB, SQS, ...) and async destinations are added with those services.
  connections: [],
  metrics: [
    { name: 'Invocations', kind: 'counter', unit: 'Count', help: 'Invocations that ran (counted when they end), errors included, throttles not.' },
    { name: 'Errors', kind: 'counter', unit: 'Count', help: 'Invocations that ended in a function error or a timeout.' },
    { name: 'Throttles', kind: 'counter', unit: 'Count', help: 'Invocation requests refused with 429 TooManyRequestsException.' },
    ...THROTTLE_REASONS.map((r) => ({
      name: throttleMetricName(r),
      kind: 'counter' as const,
      unit: 'Count',
      help: `Throttles with reason ${r}.`,
    })),
    { name: 'Duration', kind: 'distribution', unit: 'Milliseconds', help: 'Handler run time (Init excluded).' },
    { name: 'InitDuration', kind: 'distribution', unit: 'Milliseconds', help: 'Init time of cold starts (billed; part of the latency the caller sees).' },
    { name: 'ConcurrentExecutions', kind: 'level', unit: 'Count', help: 'Environments busy with an invocation (Init included).' },
    { name: 'ColdStarts', kind: 'counter', unit: 'Count', help: 'Invocations that created a new environment (ran Init).' },
    { name: 'ProvisionedConcurrencySpilloverInvocations', kind: 'counter', unit: 'Count', help: 'Invocations that ran on on-demand environments because provisioned ones were all busy.' },
    { name: 'Cost', kind: 'counter', unit: 'USD', help: '$0.20 per 1M requests + GB-seconds of Init and Duration billed per 1 ms (us-east-1, no free tier).' },
  ],
  figures: ['Invocations', 'ConcurrentExecutions', 'Throttles'],
  icon: {
    color: '#ED7100',
    // The lambda symbol.
    path: 'M5 21l5.6-10.2L8.2 5H5V3h4.5l7.3 15.5H19V21h-3.5l-4-8.7L7.3 21z',
  },
  create: (ctx, node) => new LambdaModel(ctx, node),
};
