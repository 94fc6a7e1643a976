import type { AdviceFinding, AdviceRule, AdviceView } from '../../core/advice.ts';

const LAMBDA = 'AWS::Lambda::Function';
const SQS = 'AWS::SQS::Queue';

/** Provisioned concurrency counts inside reserved concurrency, so it cannot exceed it. */
const provisionedAboveReserved: AdviceRule = (view) => {
  const out: AdviceFinding[] = [];
  for (const fn of view.nodes) {
    if (fn.type !== LAMBDA) continue;
    const reserved = view.written(fn.properties, 'ReservedConcurrentExecutions');
    const provisioned = view.written(fn.properties, 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions');
    if (typeof reserved !== 'number' || typeof provisioned !== 'number' || provisioned <= reserved) continue;
    out.push({
      id: `provisioned-reserved:${fn.id}`,
      rule: 'provisioned-reserved',
      severity: 'error',
      nodeId: fn.id,
      message: `${fn.id} has ${provisioned} provisioned environments but only ${reserved} reserved concurrency: AWS rejects provisioned concurrency above reserved.`,
      fix: {
        label: `Set provisioned concurrency to ${reserved}`,
        set: { node: fn.id, section: 'properties', path: 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions', value: reserved },
      },
    });
  }
  return out;
};

/**
 * A function invoked asynchronously (any edge into it that the function takes fire-and-forget: SNS, EventBridge,
 * a schedule, an Event invocation) should keep failed events: a DLQ or an on-failure destination.
 */
const asyncWithoutDlq: AdviceRule = (view: AdviceView) => {
  const fixable = view.canConnect(LAMBDA, SQS, 'onFailure');
  const out: AdviceFinding[] = [];
  for (const fn of view.nodes) {
    if (fn.type !== LAMBDA) continue;
    if (!view.edges.some((e) => e.to === fn.id && view.isAsync(e))) continue;
    const kept =
      view.edges.some((e) => e.from === fn.id && (e.role === 'onFailure' || e.role === 'deadLetter')) ||
      view.written(fn.properties, 'DeadLetterConfig.TargetArn') !== undefined;
    if (kept) continue;
    out.push({
      id: `async-dlq:${fn.id}`,
      rule: 'async-dlq',
      severity: 'warning',
      nodeId: fn.id,
      message: `${fn.id} is invoked asynchronously but has no dead-letter queue or on-failure destination: events that fail every retry are lost.`,
      ...(fixable && {
        fix: {
          label: 'Add an SQS on-failure queue',
          add: { type: SQS, id: `${fn.id}Failures`, near: fn.id, dx: 40, dy: 200 },
          connectAdded: { from: fn.id, role: 'onFailure' as const },
        },
      }),
    });
  }
  return out;
};

export const lambdaAdvice: readonly AdviceRule[] = [provisionedAboveReserved, asyncWithoutDlq];
