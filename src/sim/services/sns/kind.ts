import type { ServiceKind } from '../../core/serviceKind.ts';
import { COST_METRIC } from '../../core/costMetric.ts';
import { checkSnsConnection, snsBehaviour, snsCallSchema, snsDeadLetterSchema, snsProperties, snsSubscriptionSchema } from './spec.ts';

export const snsKind: ServiceKind = {
  type: 'AWS::SNS::Topic',
  label: 'SNS topic',
  shortName: 'Topic',
  category: 'Messaging',
  description:
    'A pub/sub topic: every subscription gets a copy unless its filter policy drops it; SQS deliveries retry for days, then go to the subscription DLQ.',
  properties: snsProperties,
  behaviour: snsBehaviour,
  // A subscription to whatever accepts one (queues, functions); a subscription's DLQ must be an SQS queue.
  emits: [
    { role: 'subscription', properties: snsSubscriptionSchema },
    { role: 'deadLetter', properties: snsDeadLetterSchema, to: ['AWS::SQS::Queue'] },
  ],
  // A queue or a topic answers every send (the sender retries on failure): all synchronous.
  accepts: [
    { role: 'call', sdkProperties: snsCallSchema, delivery: 'sync' },
    { role: 'target', delivery: 'sync' },
    { role: 'deadLetter', delivery: 'sync' },
    { role: 'onFailure', delivery: 'sync' },
    { role: 'onSuccess', delivery: 'sync' },
  ],
  refusals: {
    'AWS::DynamoDB::Table': 'A topic delivers only to its subscribers (SQS queues, Lambda functions). Subscribe a Lambda function that writes to the table.',
    'AWS::SNS::Topic': 'A topic delivers only to its subscribers (SQS queues, Lambda functions); a topic cannot subscribe to a topic.',
    'AWS::ApiGateway::RestApi': 'A topic delivers only to its subscribers (SQS queues, Lambda functions); HTTP subscriptions are not simulated.',
  },
  metrics: [
    { name: 'NumberOfMessagesPublished', kind: 'counter', unit: 'Count', help: 'Messages published to the topic.' },
    { name: 'NumberOfNotificationsDelivered', kind: 'counter', unit: 'Count', help: 'Copies delivered to subscribers (handed to Lambda, or accepted by SQS).' },
    { name: 'NumberOfNotificationsFailed', kind: 'counter', unit: 'Count', help: 'Copies SNS gave up on after its delivery retries.' },
    { name: 'NumberOfNotificationsFilteredOut', kind: 'counter', unit: 'Count', help: "Copies not sent because a subscription's filter policy did not match." },
    { name: 'NumberOfNotificationsRedrivenToDlq', kind: 'counter', unit: 'Count', help: "Failed copies moved to the subscription's dead-letter queue." },
    { name: 'NumberOfNotificationsFailedToRedriveToDlq', kind: 'counter', unit: 'Count', help: 'Failed copies the dead-letter queue did not accept (lost).' },
    { name: COST_METRIC, kind: 'counter', unit: 'USD', help: '$0.50 per million publishes (each 64 KB chunk counts); deliveries to SQS and Lambda are free.' },
  ],
  figures: ['NumberOfMessagesPublished', 'NumberOfNotificationsDelivered', 'NumberOfNotificationsFilteredOut', 'NumberOfNotificationsFailed'],
  compare: { errors: ['NumberOfNotificationsFailed'] },
  charts: [['NumberOfMessagesPublished', 'NumberOfNotificationsDelivered', 'NumberOfNotificationsFailed', 'NumberOfNotificationsFilteredOut']],
  icon: {
    color: '#E7157B',
    // A broadcast: one point fanning out to three.
    path: 'M4 10h4v4H4zm12-6h4v4h-4zm0 6h4v4h-4zm0 6h4v4h-4zM8 11.5l8-6v1.6l-7 5.2zm0 .5h8v1H8zm0 .5 8 6v-1.6l-7-5.2z',
  },
  check(node) {
    if (node.properties.FifoTopic !== true && node.properties.ContentBasedDeduplication === true)
      return [['properties.ContentBasedDeduplication', 'applies only to FIFO topics (FifoTopic: true)']];
    return [];
  },
  checkConnection: (from, to, role) => checkSnsConnection(from, to, role),
};
