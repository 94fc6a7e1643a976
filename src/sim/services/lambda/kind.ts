import type { ServiceKind } from '../../core/serviceKind.ts';
import { checkLambdaConnection, lambdaAccepts, lambdaEmits } from './callSpec.ts';
import { lambdaBehaviour, lambdaProperties } from './spec.ts';
import { THROTTLE_REASONS, throttleMetricName } from './throttleReasons.ts';
import { checkLambdaAccount } from './accountRule.ts';

export const lambdaKind: ServiceKind = {
  type: 'AWS::Lambda::Function',
  label: 'Lambda function',
  shortName: 'Function',
  category: 'Compute',
  description:
    'Runs code per request in execution environments: cold starts on new ones, reserved, provisioned and account concurrency, scaling rate, 429 throttles; async invocations with retries, DLQ and destinations; SDK calls to other services.',
  properties: lambdaProperties,
  behaviour: lambdaBehaviour,
  emits: lambdaEmits,
  accepts: lambdaAccepts,
  refusals: {
    'AWS::ApiGateway::RestApi': 'A function calling an API through API Gateway is not simulated; connect the function to the service behind the API.',
  },
  checkConnection: checkLambdaConnection,
  checkAccount: checkLambdaAccount,
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
    { name: 'AsyncEventsReceived', kind: 'counter', unit: 'Count', help: 'Events queued by asynchronous (Event) invocations.' },
    { name: 'AsyncEventAge', kind: 'distribution', unit: 'Milliseconds', help: 'Time from queueing an async event to each attempt to invoke it (retries included).' },
    { name: 'AsyncEventsDropped', kind: 'counter', unit: 'Count', help: 'Async events given up: retries exhausted, older than MaximumEventAgeInSeconds, or reserved concurrency 0 (sent to the DLQ / on-failure destination first, if any).' },
    { name: 'DeadLetterErrors', kind: 'counter', unit: 'Count', help: 'Failed events the dead-letter queue or topic did not accept.' },
    { name: 'DestinationDeliveryFailures', kind: 'counter', unit: 'Count', help: 'Invocation records an SQS or SNS destination did not accept.' },
    { name: 'AsyncEventsQueued', kind: 'level', unit: 'Count', help: 'Not a CloudWatch metric: async events Lambda holds, waiting for concurrency or for a retry.' },
    { name: 'SdkCallRetries', kind: 'counter', unit: 'Count', help: 'Not a CloudWatch metric: SDK calls retried after a throttle or 5xx (JS SDK v3 standard mode).' },
    { name: 'SdkCallFailures', kind: 'counter', unit: 'Count', help: 'Not a CloudWatch metric: invocations that failed because a call failed after its retries.' },
    { name: 'Cost', kind: 'counter', unit: 'USD', help: '$0.20 per 1M requests + GB-seconds of Init and Duration billed per 1 ms (us-east-1, no free tier).' },
  ],
  figures: ['Invocations', 'ConcurrentExecutions', 'Throttles'],
  compare: { throttles: ['Throttles'], errors: ['Errors'] },
  theory: () => import('./theory.ts').then((m) => m.lambdaTheory),
  advice: () => import('./advice.ts').then((m) => m.lambdaAdvice),
  charts: [
    ['ConcurrentExecutions'],
    ['Invocations', 'Errors', 'Throttles'],
    ['Throttles:*'],
    ['Duration', 'InitDuration'],
    ['ColdStarts', 'ProvisionedConcurrencySpilloverInvocations'],
    ['AsyncEventAge'],
    ['AsyncEventsDropped', 'DeadLetterErrors'],
  ],
  icon: {
    color: '#ED7100',
    // The lambda symbol.
    path: 'M5 21l5.6-10.2L8.2 5H5V3h4.5l7.3 15.5H19V21h-3.5l-4-8.7L7.3 21z',
  },
};
