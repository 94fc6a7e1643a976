import type { ServiceKind } from '../../core/serviceKind.ts';
import { COST_METRIC } from '../../result.ts';
import { busBehaviour, busProperties, deadLetterSchema, putEventsSchema, ruleTargetSchema } from './spec.ts';

const NOT_CW = 'Not a CloudWatch metric:';

export const eventBridgeKind: ServiceKind = {
  type: 'AWS::Events::EventBus',
  label: 'EventBridge bus',
  shortName: 'Bus',
  category: 'Messaging',
  description:
    'An event bus: PutEvents up to 10,000 events/s per account; each edge to a target is a rule (an event pattern or a schedule) whose failed deliveries retry for up to 24 h, then go to the target\'s DLQ.',
  properties: busProperties,
  behaviour: busBehaviour,
  // A rule with one target per `target` edge (docs/architecture.md: rules on edges); a target's DeadLetterConfig
  // is an SQS queue.
  emits: [
    { role: 'target', properties: ruleTargetSchema },
    { role: 'deadLetter', properties: deadLetterSchema, to: ['AWS::SQS::Queue'] },
  ],
  // PutEvents answers the caller (it retries on a throttle); another bus's rule or a schedule may target a bus;
  // Lambda destinations (OnSuccess / OnFailure) put invocation records.
  accepts: [
    { role: 'call', properties: putEventsSchema, delivery: 'sync' },
    { role: 'target', delivery: 'sync' },
    { role: 'onFailure', delivery: 'sync' },
    { role: 'onSuccess', delivery: 'sync' },
  ],
  metrics: [
    { name: 'PutEventsApproximateCallCount', kind: 'counter', unit: 'Count', help: 'PutEvents entries received (throttled ones included).' },
    { name: 'PutEventsApproximateThrottledCount', kind: 'counter', unit: 'Count', help: 'PutEvents entries refused with ThrottlingException: the account\'s quota for the second (settings) was used up.' },
    { name: 'PutEventsFailedEntries', kind: 'counter', unit: 'Count', help: `${NOT_CW} entries refused because they are larger than 256 KB.` },
    { name: 'MatchedEvents', kind: 'counter', unit: 'Count', help: 'Events that matched at least one rule.' },
    { name: 'TriggeredRules', kind: 'counter', unit: 'Count', help: 'Rules that matched an event, or scheduled rules that fired (AWS publishes it per rule; here summed over the bus\'s rules).' },
    { name: 'Invocations', kind: 'counter', unit: 'Count', help: 'Target invocations that ended: delivered, or failed for good (retries are not counted until they end).' },
    { name: 'InvocationAttempts', kind: 'counter', unit: 'Count', help: 'Every attempt to invoke a target, retries included.' },
    { name: 'RetryInvocationAttempts', kind: 'counter', unit: 'Count', help: 'Attempts that were retries.' },
    { name: 'SuccessfulInvocationAttempts', kind: 'counter', unit: 'Count', help: 'Attempts the target accepted (an asynchronous Lambda target accepts at once).' },
    { name: 'FailedInvocations', kind: 'counter', unit: 'Count', help: 'Events whose delivery failed for good: retries used up, too old, or a non-retriable error (then the DLQ, if the target has one).' },
    { name: 'ThrottledRules', kind: 'counter', unit: 'Count', help: 'Attempts delayed because the account\'s target-invocation quota for the second was used up (delayed, not dropped).' },
    { name: 'DeadLetterInvocations', kind: 'counter', unit: 'Count', help: 'Events the target\'s dead-letter queue accepted.' },
    { name: 'InvocationsFailedToBeSentToDlq', kind: 'counter', unit: 'Count', help: 'Events the dead-letter queue refused (lost).' },
    { name: 'IngestionToInvocationStartLatency', kind: 'distribution', unit: 'Milliseconds', help: 'Time from an event reaching the bus to its first target invocation starting.' },
    { name: COST_METRIC, kind: 'counter', unit: 'USD', help: '$1.00 per million custom events published (each 64 KB chunk counts); events from other buses, schedules and Lambda destinations are not charged here.' },
  ],
  figures: ['MatchedEvents', 'Invocations', 'FailedInvocations'],
  compare: { throttles: ['PutEventsApproximateThrottledCount'], errors: ['FailedInvocations'] },
  charts: [
    ['PutEventsApproximateCallCount', 'MatchedEvents', 'PutEventsApproximateThrottledCount'],
    ['Invocations', 'InvocationAttempts', 'RetryInvocationAttempts', 'FailedInvocations'],
    ['DeadLetterInvocations', 'ThrottledRules'],
    ['IngestionToInvocationStartLatency'],
  ],
  icon: {
    color: '#E7157B',
    // A bus: a bar with events dropping onto it and leaving by three routes.
    path: 'M2 10h20v4H2zM5 4h3v5H5zm11 0h3v5h-3zM4 15h3v5H4zm6.5 0h3v5h-3zm6.5 0h3v5h-3z',
  },
  checkConnection(_from, to, role) {
    if (role === 'deadLetter' && to.properties.FifoQueue === true)
      return [['', `a rule target's dead-letter queue must be a standard SQS queue ("${to.id}" is FIFO)`]];
    return [];
  },
};
