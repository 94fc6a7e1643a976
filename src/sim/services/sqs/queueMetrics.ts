import type { Metrics } from '../../core/metrics.ts';
import { COST_METRIC } from '../../core/costMetric.ts';

/** The metric handles of one queue (names as in kind.ts and CloudWatch's AWS/SQS namespace). */
export class QueueMetrics {
  readonly sent: number;
  readonly received: number;
  readonly deleted: number;
  readonly visible: number;
  readonly notVisible: number;
  readonly delayed: number;
  readonly age: number;
  readonly expired: number;
  readonly moved: number;
  readonly throttled: number;
  readonly cost: number;

  constructor(m: Metrics, id: string) {
    this.sent = m.counter(id, 'NumberOfMessagesSent');
    this.received = m.counter(id, 'NumberOfMessagesReceived');
    this.deleted = m.counter(id, 'NumberOfMessagesDeleted');
    this.visible = m.level(id, 'ApproximateNumberOfMessagesVisible');
    this.notVisible = m.level(id, 'ApproximateNumberOfMessagesNotVisible');
    this.delayed = m.level(id, 'ApproximateNumberOfMessagesDelayed');
    this.age = m.level(id, 'ApproximateAgeOfOldestMessage', 'Seconds');
    this.expired = m.counter(id, 'NumberOfMessagesExpired');
    this.moved = m.counter(id, 'NumberOfMessagesMovedToDLQ');
    this.throttled = m.counter(id, 'NumberOfSendsThrottled');
    this.cost = m.counter(id, COST_METRIC, 'USD');
  }
}
