import type { ServiceKind } from '../../core/serviceKind.ts';
import { eventSourceMappingSchema, sqsBehaviour, sqsCallSchema, sqsProperties } from './spec.ts';

export const sqsKind: ServiceKind = {
  type: 'AWS::SQS::Queue',
  label: 'SQS queue',
  shortName: 'Queue',
  category: 'Messaging',
  description:
    'A message queue, standard or FIFO: visibility timeout and redelivery, a dead-letter queue after maxReceiveCount, retention, delay; a Lambda reads it through an event source mapping.',
  properties: sqsProperties,
  behaviour: sqsBehaviour,
  // The event source mapping is drawn from the queue to its function; a redrive DLQ is another SQS queue.
  emits: [
    { role: 'eventSource', properties: eventSourceMappingSchema },
    { role: 'deadLetter', to: ['AWS::SQS::Queue'] },
  ],
  // A queue or a topic answers every send (the sender retries on failure): all synchronous.
  accepts: [
    { role: 'call', sdkProperties: sqsCallSchema, delivery: 'sync' },
    { role: 'subscription', delivery: 'sync' },
    { role: 'target', delivery: 'sync' },
    { role: 'deadLetter', delivery: 'sync' },
    { role: 'onFailure', delivery: 'sync' },
    { role: 'onSuccess', delivery: 'sync' },
  ],
  refusals: {
    'AWS::SNS::Topic': 'Consumers poll a queue; it pushes nowhere. Connect the queue to a Lambda function that publishes to the topic.',
    'AWS::DynamoDB::Table': 'Consumers poll a queue; it writes nowhere. Connect the queue to a Lambda function that writes to the table.',
    'AWS::ApiGateway::RestApi': 'Consumers poll a queue; it calls nothing. Connect the queue to a Lambda function instead.',
  },
  metrics: [
    { name: 'NumberOfMessagesSent', kind: 'counter', unit: 'Count', help: 'Messages added by senders (a message moved here from another queue by its redrive policy is not counted, as in CloudWatch).' },
    { name: 'NumberOfMessagesReceived', kind: 'counter', unit: 'Count', help: 'Messages returned by receives (each redelivery counts again).' },
    { name: 'NumberOfMessagesDeleted', kind: 'counter', unit: 'Count', help: 'Messages deleted after successful processing.' },
    { name: 'ApproximateNumberOfMessagesVisible', kind: 'level', unit: 'Count', help: 'Messages waiting to be received.' },
    { name: 'ApproximateNumberOfMessagesNotVisible', kind: 'level', unit: 'Count', help: 'Messages in flight: received, not yet deleted, visibility timeout not yet passed.' },
    { name: 'ApproximateNumberOfMessagesDelayed', kind: 'level', unit: 'Count', help: 'Messages still hidden by the delivery delay.' },
    { name: 'ApproximateAgeOfOldestMessage', kind: 'level', unit: 'Seconds', help: 'Age of the oldest message still in the queue (sampled once a period); a redriven message keeps its first enqueue time.' },
    { name: 'NumberOfMessagesExpired', kind: 'counter', unit: 'Count', help: 'Not a CloudWatch metric: messages deleted by SQS because they outlived the retention period (lost).' },
    { name: 'NumberOfMessagesMovedToDLQ', kind: 'counter', unit: 'Count', help: 'Not a CloudWatch metric: messages moved to the dead-letter queue after maxReceiveCount receives.' },
    { name: 'NumberOfSendsThrottled', kind: 'counter', unit: 'Count', help: 'Not a CloudWatch metric: sends refused by the FIFO throughput limit.' },
    { name: 'EventSourcePollers', kind: 'level', unit: 'Count', help: 'Not a CloudWatch metric: concurrent batches the Lambda event source mapping may run now (its scaling state).' },
    { name: 'EventSourceBatchesInFlight', kind: 'level', unit: 'Count', help: 'Not a CloudWatch metric: batches the event source mapping has given to the function and not finished.' },
    { name: 'Cost', kind: 'counter', unit: 'USD', help: 'Requests at $0.40 per million (FIFO $0.50), each 64 KB chunk a request; receives, deletes and estimated empty long polls included.' },
  ],
  figures: ['ApproximateNumberOfMessagesVisible', 'ApproximateAgeOfOldestMessage', 'NumberOfMessagesDeleted'],
  // A redriven message is not a send to the DLQ (CloudWatch): the source queue's move count stands for it.
  compare: { throttles: ['NumberOfSendsThrottled'], arrivals: ['NumberOfMessagesSent'], movedToDeadLetter: 'NumberOfMessagesMovedToDLQ' },
  theory: () => import('./theory.ts').then((m) => m.sqsTheory),
  advice: () => import('./advice.ts').then((m) => m.sqsAdvice),
  charts: [
    ['ApproximateNumberOfMessagesVisible', 'ApproximateNumberOfMessagesNotVisible'],
    ['ApproximateAgeOfOldestMessage'],
    ['NumberOfMessagesSent', 'NumberOfMessagesReceived', 'NumberOfMessagesDeleted'],
  ],
  icon: {
    color: '#E7157B',
    // A queue: three stacked message slots.
    path: 'M3 5h18v4H3zm0 5h18v4H3zm0 5h18v4H3z',
  },
  check(node) {
    const problems: [string, string][] = [];
    const p = node.properties;
    const fifo = p.FifoQueue === true;
    if (!fifo && p.ContentBasedDeduplication === true) problems.push(['properties.ContentBasedDeduplication', 'applies only to FIFO queues (FifoQueue: true)']);
    if (!fifo && p.FifoThroughputLimit === 'perMessageGroupId') problems.push(['properties.FifoThroughputLimit', 'applies only to FIFO queues (FifoQueue: true)']);
    if (!fifo && p.DeduplicationScope === 'messageGroup') problems.push(['properties.DeduplicationScope', 'applies only to FIFO queues (FifoQueue: true)']);
    return problems;
  },
  checkConnection(from, to, role, properties) {
    const fifo = from.properties.FifoQueue === true;
    if (role === 'deadLetter' && to.type === 'AWS::SQS::Queue' && (to.properties.FifoQueue === true) !== fifo) {
      return [['', `the dead-letter queue of a ${fifo ? 'FIFO' : 'standard'} queue must also be ${fifo ? 'a FIFO' : 'a standard'} queue (${to.id} is not)`]];
    }
    if (role === 'eventSource') {
      // AWS refuses to create such a mapping (SQS "refused configuration").
      const visibility = from.properties.VisibilityTimeout;
      const timeout = to.properties.Timeout;
      if (typeof visibility === 'number' && typeof timeout === 'number' && visibility < timeout) {
        return [['', `InvalidParameterValueException: Queue visibility timeout: ${visibility} seconds is less than Function timeout: ${timeout} seconds (raise the queue's VisibilityTimeout to at least the function's Timeout; 6 x is advised)`]];
      }
    }
    if (role === 'eventSource' && fifo && typeof properties.BatchSize === 'number' && properties.BatchSize > 10) {
      return [['properties.BatchSize', `must be 1..10 for a FIFO queue (is ${properties.BatchSize})`]];
    }
    return [];
  },
};
