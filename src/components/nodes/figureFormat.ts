import type { ServiceKind } from '../../sim/core/serviceKind.ts';

/** Short labels for CloudWatch metric names, so three figures fit on a node. */
const SHORT: Record<string, string> = {
  ConcurrentExecutions: 'concurrent',
  Invocations: 'invokes',
  Throttles: 'throttles',
  Errors: 'errors',
  Duration: 'duration',
  ColdStarts: 'cold starts',
  ApproximateNumberOfMessagesVisible: 'visible',
  ApproximateNumberOfMessagesNotVisible: 'in flight',
  ApproximateAgeOfOldestMessage: 'oldest',
  NumberOfMessagesSent: 'sent',
  NumberOfMessagesReceived: 'received',
  NumberOfMessagesDeleted: 'deleted',
  NumberOfMessagesPublished: 'published',
  NumberOfNotificationsDelivered: 'delivered',
  NumberOfNotificationsFailed: 'failed',
  NumberOfNotificationsFilteredOut: 'filtered',
  SuccessfulRequestLatency: 'latency',
  IntegrationLatency: 'integration',
  ConsumedReadCapacityUnits: 'RCU',
  ConsumedWriteCapacityUnits: 'WCU',
  ReadThrottleEvents: 'r. throttles',
  WriteThrottleEvents: 'w. throttles',
  Count: 'requests',
  '4XXError': '4xx',
  '5XXError': '5xx',
  Latency: 'latency',
  Requests: 'requests',
  Succeeded: 'succeeded',
  Failed: 'failed',
  IncomingRecords: 'records',
  'GetRecords.IteratorAgeMilliseconds': 'iterator age',
  IteratorAge: 'iterator age',
  ExecutionsStarted: 'started',
  ExecutionsFailed: 'failed',
  ExecutionThrottled: 'throttled',
  MatchedEvents: 'matched',
  WriteProvisionedThroughputExceeded: 'throttled',
  FailedInvocations: 'failed',
  TargetErrorCount: 'target errors',
  InvocationDroppedCount: 'dropped',
};

export function figureLabel(kind: ServiceKind | undefined, name: string): string {
  const base = SHORT[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const metric = kind?.metrics.find((m) => m.name === name);
  return metric?.kind === 'counter' ? `${base}/s` : base;
}

/** 3 significant figures with k/M suffixes; a unit for times. */
export function formatFigure(value: number, unit?: string): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'Milliseconds' || unit === 'ms') {
    if (value >= 1000) return `${compact(value / 1000)} s`;
    return `${compact(value)} ms`;
  }
  if (unit === 'Seconds' || unit === 's') return `${compact(value)} s`;
  return compact(value);
}

/** A limit beside a figure ("15/1k"): thousands always shortened, so a figure and its limit fit a node's column. */
export function formatLimit(value: number): string {
  return Math.abs(value) >= 1000 && Math.abs(value) < 1e6 ? `${trim(value / 1e3)}k` : compact(value);
}

function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e4) return `${trim(v / 1e3)}k`;
  if (a >= 100 || Number.isInteger(v)) return String(Math.round(v));
  return trim(v);
}

function trim(v: number): string {
  return String(Number(v.toPrecision(3)));
}
