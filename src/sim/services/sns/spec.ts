import { z } from 'zod';
import { bool, choice, duration, fieldMeta, num } from '../../core/fields.ts';
import type { SimNode } from '../../core/model.ts';
import { compileFilterPolicy, FilterPolicyError } from './filterPolicy.ts';

/**
 * The schemas of an AWS::SNS::Topic node and of its edges. Rules: docs/aws-behaviour.md "SNS".
 *
 * Subscriptions are `subscription` edges from the topic to an SQS queue or a Lambda function; the edge holds
 * what CloudFormation keeps on AWS::SNS::Subscription (FilterPolicy, FilterPolicyScope, RawMessageDelivery).
 * A subscription's dead-letter queue (its RedrivePolicy in AWS) is drawn as a `deadLetter` edge from the topic
 * to an SQS queue; the edge's `subscription` property names the subscriber node it serves. A deadLetter edge
 * without `subscription` serves every subscription that has no DLQ edge of its own.
 */

/** USD per publish request; each 64 KB chunk of a payload is one request. Deliveries to SQS and Lambda are free. */
export const SNS_PUBLISH_PRICE = 0.5 / 1e6;
export const SNS_CHUNK_KB = 64;

export const snsProperties = z.looseObject({
  FifoTopic: bool(false, {
    label: 'FIFO topic',
    help: 'Ordered per message group; only SQS FIFO queues may subscribe.',
    group: 'Settings',
    rule: 'SNS: FIFO topics',
  }),
  ContentBasedDeduplication: bool(false, {
    label: 'Content-based deduplication',
    help: 'FIFO only. Every simulated message is distinct, so this changes nothing in the simulation.',
    group: 'Advanced',
  }),
});

export const snsBehaviour = z.looseObject({
  publishLatency: duration({ distribution: 'lognormal', medianMs: 15, p99Ms: 60 }, {
    label: 'Publish latency',
    help: 'How long a Publish call takes as the publisher sees it (AWS publishes no figure).',
    group: 'Behaviour',
    assumption: true,
  }),
  deliveryLatency: duration({ distribution: 'lognormal', medianMs: 30, p99Ms: 150 }, {
    label: 'Delivery latency',
    help: 'Time from Publish to each delivery attempt reaching a subscriber (AWS publishes no figure).',
    group: 'Behaviour',
    assumption: true,
  }),
});

const filterPolicy = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' }).optional();
fieldMeta.set(filterPolicy, {
  label: 'Filter policy',
  help: 'Only messages whose attributes (or body) match are delivered: exact, prefix, suffix, numeric, anything-but, exists, $or.',
  group: 'Settings',
  kind: 'json',
  rule: 'SNS: fan-out',
});

/** The subscription's settings, on the topic -> subscriber edge (AWS::SNS::Subscription). */
export const snsSubscriptionSchema = z
  .looseObject({
    FilterPolicy: filterPolicy,
    FilterPolicyScope: choice(['MessageAttributes', 'MessageBody'] as const, 'MessageAttributes', {
      label: 'Filter policy scope',
      help: 'MessageAttributes, or MessageBody: the JSON body, whose fields a simulated message carries as attributes (nested ones by dotted name, e.g. order.status).',
      group: 'Settings',
      rule: 'SNS: fan-out',
    }),
    RawMessageDelivery: bool(false, {
      label: 'Raw message delivery',
      help: 'Deliver the payload without the SNS JSON envelope (changes nothing in the simulation).',
      group: 'Advanced',
    }),
  })
  .superRefine((edge, ctx) => {
    if (edge.FilterPolicy === undefined) return;
    try {
      compileFilterPolicy(edge.FilterPolicy, edge.FilterPolicyScope);
    } catch (e) {
      if (!(e instanceof FilterPolicyError)) throw e;
      const where = e.path.replace(/^FilterPolicy\.?/, '');
      ctx.addIssue({ code: 'custom', path: ['FilterPolicy'], message: where ? `at ${where}: ${e.message.slice(e.path.length + 2)}` : e.message.slice(e.path.length + 2) });
    }
  });

const subscriptionRef = z.string({ error: 'must be the id of the subscriber node' }).min(1).optional();
fieldMeta.set(subscriptionRef, {
  label: 'Subscription',
  help: "The subscriber node whose undeliverable messages come here; unset: every subscription without a DLQ of its own.",
  group: 'Settings',
  kind: 'text',
  rule: 'SNS: retries to SQS / Lambda',
});

/** A subscription dead-letter queue: a deadLetter edge from the topic to an SQS queue. */
export const snsDeadLetterSchema = z.looseObject({ subscription: subscriptionRef });

export type SnsProperties = z.output<typeof snsProperties>;
export type SnsBehaviour = z.output<typeof snsBehaviour>;
export type SnsSubscription = z.output<typeof snsSubscriptionSchema>;

/**
 * The cross-node rule of docs/aws-behaviour.md "SNS: FIFO topics": a FIFO topic's subscribers must be SQS FIFO
 * queues, and a standard topic cannot deliver to a FIFO queue. Returns problems as [edge property path, message].
 */
export function checkSnsConnection(from: SimNode, to: SimNode, role: string): [string, string][] {
  if (role !== 'subscription' && role !== 'deadLetter') return [];
  const fifoTopic = from.properties.FifoTopic === true;
  const fifoQueue = to.type === 'AWS::SQS::Queue' && to.properties.FifoQueue === true;
  if (role === 'deadLetter') {
    return fifoTopic === fifoQueue || to.type !== 'AWS::SQS::Queue'
      ? []
      : [['', `the dead-letter queue of a ${fifoTopic ? 'FIFO' : 'standard'} topic must be a ${fifoTopic ? 'FIFO' : 'standard'} SQS queue ("${to.id}" is not)`]];
  }
  if (fifoTopic && !fifoQueue)
    return [['', `FIFO topic "${from.id}" can only deliver to SQS FIFO queues; "${to.id}" is ${to.type === 'AWS::SQS::Queue' ? 'a standard queue' : `a ${to.type}`}`]];
  if (!fifoTopic && fifoQueue)
    return [['', `standard topic "${from.id}" cannot deliver to FIFO queue "${to.id}"; make the topic FIFO (FifoTopic: true)`]];
  return [];
}

/** Publish from code (an SDK call of a function or a state machine): what each call publishes. */
export const snsCallSchema = z.looseObject({
  operation: choice(['Publish'] as const, 'Publish', {
    label: 'Operation',
    help: 'The SNS API called.',
    group: 'Settings',
  }),
  messageSizeKB: num(1, { min: 0.001, max: 256 }, {
    label: 'Message size',
    help: 'Size of each message published (up to 256 KB; every 64 KB is billed as one publish).',
    group: 'Settings',
    unit: 'KB',
  }),
});
