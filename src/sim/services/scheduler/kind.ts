import type { ServiceKind } from '../../core/serviceKind.ts';
import { COST_METRIC } from '../../result.ts';
import { deadLetterSchema } from '../eventBridge/spec.ts';
import { scheduleBehaviour, scheduleProperties, scheduleTargetSchema } from './spec.ts';

const NOT_CW = 'Not a CloudWatch metric:';

export const schedulerKind: ServiceKind = {
  type: 'AWS::Scheduler::Schedule',
  label: 'EventBridge schedule',
  shortName: 'Schedule',
  category: 'Traffic',
  description:
    'An EventBridge Scheduler schedule: rate(), cron() in a time zone, or a one-time at(), optionally spread over a flexible window; it invokes its target with retries and a DLQ (how a nightly batch job starts).',
  properties: scheduleProperties,
  behaviour: scheduleBehaviour,
  // Its Target is the edge it starts; Target.DeadLetterConfig is an SQS queue.
  emits: [
    { role: 'target', properties: scheduleTargetSchema },
    { role: 'deadLetter', properties: deadLetterSchema, to: ['AWS::SQS::Queue'] },
  ],
  accepts: [],
  metrics: [
    { name: 'Invocations', kind: 'counter', unit: 'Count', help: `${NOT_CW} times the schedule fired (each billed as one invocation).` },
    { name: 'InvocationAttemptCount', kind: 'counter', unit: 'Count', help: 'Every attempt to invoke the target, retries included.' },
    { name: 'TargetErrorCount', kind: 'counter', unit: 'Count', help: 'Attempts the target answered with an error.' },
    { name: 'TargetErrorThrottledCount', kind: 'counter', unit: 'Count', help: 'Attempts the target answered with a throttle (retried later, not counted against MaximumRetryAttempts).' },
    { name: 'InvocationThrottleCount', kind: 'counter', unit: 'Count', help: 'Attempts Scheduler delayed for its own quota (not modelled: always 0).' },
    { name: 'InvocationDroppedCount', kind: 'counter', unit: 'Count', help: 'Invocations given up after the retry policy (then the DLQ, if there is one).' },
    { name: 'InvocationsSentToDeadLetterCount', kind: 'counter', unit: 'Count', help: 'Invocations the dead-letter queue accepted.' },
    { name: 'InvocationsFailedToBeSentToDeadLetterCount', kind: 'counter', unit: 'Count', help: 'Invocations the dead-letter queue refused (lost).' },
    { name: COST_METRIC, kind: 'counter', unit: 'USD', help: '$1.00 per million invocations; the first 14 million a month free are not modelled.' },
  ],
  figures: ['Invocations', 'TargetErrorCount', 'InvocationDroppedCount'],
  compare: { errors: ['InvocationDroppedCount'] },
  charts: [['Invocations', 'InvocationAttemptCount', 'TargetErrorCount'], ['InvocationDroppedCount', 'InvocationsSentToDeadLetterCount']],
  icon: {
    color: '#E7157B',
    // A clock face.
    path: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm-1 3v6l5 3 1-1.7-4-2.3V7z',
  },
  // The firing list brings croner, so it loads only when a schedule is inspected.
  inspectorNotes: async (properties, settings) => (await import('./firingList.ts')).firingList(properties, settings),
  checkConnection(_from, to, role) {
    if (role === 'deadLetter' && to.properties.FifoQueue === true)
      return [['', `a schedule's dead-letter queue must be a standard SQS queue ("${to.id}" is FIFO)`]];
    return [];
  },
};
