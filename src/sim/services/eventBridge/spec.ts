import { z } from 'zod';
import { choice, duration, fieldMeta, int } from '../../core/fields.ts';
import { PatternError } from '../../core/eventPattern/dialect.ts';
import { compilePattern } from '../../core/eventPattern/pattern.ts';
import { parseSchedule, ScheduleError } from '../../core/schedule/syntax.ts';
import { inputProblem } from './input.ts';

/**
 * The schemas of an AWS::Events::EventBus node and of its edges. Rules: docs/aws-behaviour.md "EventBridge".
 *
 * A rule with one target is the `target` edge from the bus to the target (docs/architecture.md says why): the edge
 * holds the rule's EventPattern or ScheduleExpression and State, and the target's RetryPolicy, Input, InputPath
 * and InputTransformer. The target's DeadLetterConfig is a `deadLetter` edge from the bus to an SQS queue whose
 * `target` property names the target node; without `target` it serves every target that has no DLQ edge of its own.
 */

/** USD per custom event published; each 64 KB chunk of an event counts as one (docs/aws-behaviour.md "EventBridge: price"). */
export const EVENTS_PRICE = 1 / 1e6;
export const EVENT_CHUNK_KB = 64;
/** The largest PutEvents entry (AWS: "The maximum size for a PutEvents event entry is 256 KB"). */
export const MAX_EVENT_KB = 256;

export const busProperties = z.looseObject({});

export const busBehaviour = z.looseObject({
  putEventsLatency: duration({ distribution: 'lognormal', medianMs: 20, p99Ms: 80 }, {
    label: 'PutEvents latency',
    help: 'How long a PutEvents call takes as the caller sees it (AWS publishes no figure).',
    group: 'Behaviour',
    assumption: true,
  }),
  deliveryLatency: duration({ distribution: 'lognormal', medianMs: 150, p99Ms: 600 }, {
    label: 'Delivery latency',
    help: 'Time from ingestion to each target invocation starting (AWS publishes no figure; IngestionToInvocationStartLatency is typically tens to hundreds of ms).',
    group: 'Behaviour',
    assumption: true,
  }),
});

const text = (label: string, help: string, def: string) => {
  const s = z.string({ error: 'must be text' }).min(1, 'must not be empty').max(256, 'at most 256 characters').default(def);
  fieldMeta.set(s, { label, help, group: 'Settings', kind: 'text', default: def });
  return s;
};

/** A PutEvents entry's Source and DetailType, on the caller -> bus edge; the caller's body gives the detail. */
export const putEventsSchema = z.looseObject({
  Source: text('Source', 'The event\'s source (PutEvents Source), unless the body sets "source".', 'app.orders'),
  DetailType: text('Detail type', 'The event\'s detail-type (PutEvents DetailType), unless the body sets "detail-type".', 'OrderPlaced'),
});

const jsonObject = (label: string, help: string, rule: string) => {
  const s = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' }).optional();
  fieldMeta.set(s, { label, help, group: 'Settings', kind: 'json', rule });
  return s;
};
const optionalText = (label: string, help: string, group: 'Settings' | 'Advanced', rule: string) => {
  const s = z.string({ error: 'must be text' }).min(1).max(8192).optional();
  fieldMeta.set(s, { label, help, group, kind: 'text', rule });
  return s;
};

/** The target's retry policy (RetryPolicy of AWS::Events::Rule Targets[] and of AWS::Scheduler::Schedule Target). */
export const retryPolicySchema = z
  .strictObject({
    MaximumEventAgeInSeconds: int(86_400, { min: 60, max: 86_400 }, {
      label: 'Maximum event age',
      help: 'How long EventBridge keeps retrying an event before giving up (60..86,400 s).',
      group: 'Settings',
      unit: 's',
      rule: 'EventBridge: retries',
    }),
    MaximumRetryAttempts: int(185, { min: 0, max: 185 }, {
      label: 'Maximum retry attempts',
      help: 'Retries after the first attempt (0..185); 0 gives one attempt per event.',
      group: 'Settings',
      rule: 'EventBridge: retries',
    }),
  })
  .prefault({});

const inputTransformer = z
  .strictObject({
    InputPathsMap: z.record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'names are letters, digits, _ and -'), z.string()).optional(),
    InputTemplate: z.string({ error: 'must be text' }).max(8192),
  })
  .optional();
fieldMeta.set(inputTransformer, {
  label: 'Input transformer',
  help: '{"InputPathsMap": {"id": "$.detail.orderId"}, "InputTemplate": "{\\"order\\": <id>}"}: what the target receives, built from the event.',
  group: 'Advanced',
  kind: 'json',
  rule: 'EventBridge: rules',
});

/** A rule with one target: the bus -> target edge (AWS::Events::Rule and its Targets[0]). */
export const ruleTargetSchema = z
  .looseObject({
    EventPattern: jsonObject('Event pattern', 'Events that match go to this target: {"source": ["app.orders"], "detail": {"total": [{"numeric": [">", 100]}]}}.', 'EventBridge: event patterns'),
    ScheduleExpression: optionalText('Schedule expression', 'A scheduled rule instead of a pattern: rate(5 minutes) or cron(0 2 * * ? *), in UTC.', 'Settings', 'EventBridge: scheduled rules'),
    State: choice(['ENABLED', 'DISABLED'] as const, 'ENABLED', {
      label: 'State',
      help: 'A disabled rule matches nothing.',
      group: 'Settings',
    }),
    RetryPolicy: retryPolicySchema,
    Input: optionalText('Input', 'Constant JSON sent instead of the event.', 'Advanced', 'EventBridge: rules'),
    InputPath: optionalText('Input path', 'The part of the event sent, e.g. $.detail.', 'Advanced', 'EventBridge: rules'),
    InputTransformer: inputTransformer,
  })
  .superRefine((edge, ctx) => {
    const hasPattern = edge.EventPattern !== undefined;
    const hasSchedule = edge.ScheduleExpression !== undefined;
    if (hasPattern && hasSchedule) ctx.addIssue({ code: 'custom', path: ['ScheduleExpression'], message: 'a rule has an EventPattern or a ScheduleExpression, not both' });
    if (!hasPattern && !hasSchedule) ctx.addIssue({ code: 'custom', path: [], message: 'a rule needs an EventPattern (e.g. {"source": ["app.orders"]}) or a ScheduleExpression (e.g. rate(5 minutes))' });
    if (hasPattern) {
      try {
        compilePattern(edge.EventPattern, undefined, 'EventPattern');
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        ctx.addIssue({ code: 'custom', path: ['EventPattern'], message: e.message });
      }
    }
    if (hasSchedule) {
      try {
        parseSchedule(edge.ScheduleExpression as string, { service: 'rule', startMs: 0 });
      } catch (e) {
        if (!(e instanceof ScheduleError)) throw e;
        ctx.addIssue({ code: 'custom', path: ['ScheduleExpression'], message: e.message });
      }
    }
    const inputs = (['Input', 'InputPath', 'InputTransformer'] as const).filter((k) => edge[k] !== undefined);
    if (inputs.length > 1) ctx.addIssue({ code: 'custom', path: [inputs[1]], message: `set at most one of Input, InputPath and InputTransformer (${inputs.join(' and ')} are set)` });
    const problem = inputProblem(edge);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem[0]], message: problem[1] });
  });

const targetRef = z.string({ error: 'must be the id of the target node' }).min(1).optional();
fieldMeta.set(targetRef, {
  label: 'Target',
  help: 'The target node whose undeliverable events come here; unset: every target without a DLQ of its own.',
  group: 'Settings',
  kind: 'text',
  rule: 'EventBridge: retries',
});

/** A target's DeadLetterConfig: a deadLetter edge to an SQS queue. */
export const deadLetterSchema = z.looseObject({ target: targetRef });

export type RuleTarget = z.output<typeof ruleTargetSchema>;
