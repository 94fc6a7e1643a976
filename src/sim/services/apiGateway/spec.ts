import { z } from 'zod';
import { duration, int, num } from '../../core/fields.ts';

/**
 * AWS::ApiGateway::RestApi with its stage's default method settings flattened onto the node
 * (CloudFormation keeps them on AWS::ApiGateway::Stage MethodSettings).
 */
export const apiGatewayProperties = z.looseObject({
  ThrottlingRateLimit: num(10_000, { min: 0, max: 1_000_000 }, {
    label: 'Stage rate limit',
    help: 'Token bucket refill: steady requests per second for this API\'s stage; checked before the account bucket.',
    group: 'Settings',
    unit: 'requests/s',
    rule: 'API Gateway: throttle',
  }),
  ThrottlingBurstLimit: int(5_000, { min: 0, max: 1_000_000 }, {
    label: 'Stage burst limit',
    help: 'Token bucket size: requests the stage accepts at once after a quiet period.',
    group: 'Settings',
    unit: 'requests',
    rule: 'API Gateway: throttle',
  }),
  TimeoutInMillis: int(29_000, { min: 50, max: 29_000 }, {
    label: 'Integration timeout',
    help: 'The caller gets 504 if the integration has not answered after this long (its late answer is ignored).',
    group: 'Settings',
    unit: 'ms',
    rule: 'API Gateway: timeout',
  }),
});

export const apiGatewayBehaviour = z.strictObject({
  overheadMs: duration({ distribution: 'constant', valueMs: 5 }, {
    label: 'Gateway overhead',
    help: 'API Gateway\'s own latency, added to every response (AWS publishes no figure).',
    group: 'Behaviour',
    unit: 'ms',
    assumption: true,
  }),
});

export type ApiGatewayProperties = z.output<typeof apiGatewayProperties>;
