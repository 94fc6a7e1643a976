import { z } from 'zod';
import { duration, int, num, optionalInt } from '../../sim/core/fields.ts';
import type { ServiceKind } from '../../sim/core/serviceKind.ts';
import { checkLambdaAccount } from '../../sim/services/lambda/accountRule.ts';
import { Catalog } from '../catalog.ts';

/**
 * Small stand-ins for real service kinds, so the format's rules are tested on their own: the validator must
 * work for any registry, and these pin exact ranges and connections the tests can assert on.
 */
const icon = { color: '#888', path: 'M0 0h24v24H0z' };
const common = { icon, figures: [] as string[], charts: [] as string[][] };

const batchSize = z.looseObject({
  BatchSize: int(10, { min: 1, max: 10_000 }, { label: 'Batch size', help: 'Records per batch.', group: 'Settings' }),
});

export const FAKE_KINDS: ServiceKind[] = [
  {
    ...common,
    type: 'Client',
    label: 'Client',
    shortName: 'Client',
    category: 'Traffic',
    description: 'Sends requests.',
    properties: z.looseObject({
      ratePerSecond: num(10, { min: 0, max: 1_000_000 }, { label: 'Rate', help: 'Requests per second.', group: 'Settings', unit: 'requests/s' }),
    }),
    behaviour: z.object({}),
    emits: [{ role: 'invoke' }],
    accepts: [],
    metrics: [{ name: 'Requests', kind: 'counter', unit: 'Count', help: 'Requests sent.' }],
  },
  {
    ...common,
    type: 'AWS::ApiGateway::RestApi',
    label: 'REST API',
    shortName: 'Api',
    category: 'API',
    description: 'An API.',
    properties: z.looseObject({}),
    behaviour: z.object({}),
    emits: [{ role: 'invoke' }],
    accepts: [{ role: 'invoke', delivery: 'sync', from: ['Client'] }],
    metrics: [],
  },
  {
    ...common,
    type: 'AWS::Lambda::Function',
    label: 'Lambda function',
    shortName: 'Function',
    category: 'Compute',
    description: 'A function.',
    checkAccount: checkLambdaAccount, // the real rule, so the validator's account pass is tested end to end
    properties: z.looseObject({
      Timeout: int(3, { min: 1, max: 900 }, { label: 'Timeout', help: 'Seconds before the run is stopped.', group: 'Settings', unit: 's', rule: 'Lambda: limits' }),
      ReservedConcurrentExecutions: optionalInt({ min: 0, max: 1_000_000 }, { label: 'Reserved', help: 'Reserved concurrency.', group: 'Settings' }),
      Nested: z.object({ inner: int(1, { min: 0, max: 5 }, { label: 'Inner', help: 'x', group: 'Advanced' }) }).optional(),
    }),
    behaviour: z.object({
      duration: duration({ distribution: 'constant', valueMs: 100 }, { label: 'Duration', help: 'Run time.', group: 'Behaviour' }),
      errorRate: num(0, { min: 0, max: 1 }, { label: 'Error rate', help: 'Share of runs that fail.', group: 'Behaviour', assumption: true }),
    }),
    emits: [{ role: 'call', sdk: true }, { role: 'onFailure' }, { role: 'onSuccess' }],
    accepts: [
      { role: 'invoke', delivery: 'sync' },
      { role: 'eventSource', delivery: 'sync' },
    ],
    metrics: [{ name: 'Invocations', kind: 'counter', unit: 'Count', help: 'Runs.' }],
    check: (node) =>
      node.properties.Timeout === 13 ? [['Timeout', 'thirteen is unlucky (a cross-field check)']] : [],
  },
  {
    ...common,
    type: 'AWS::SNS::Topic',
    label: 'SNS topic',
    shortName: 'Topic',
    category: 'Messaging',
    description: 'A topic.',
    properties: z.looseObject({}),
    behaviour: z.object({}),
    emits: [{ role: 'subscription' }, { role: 'deadLetter', to: ['AWS::SQS::Queue'] }],
    accepts: [],
    metrics: [],
  },
  {
    ...common,
    type: 'AWS::SQS::Queue',
    label: 'SQS queue',
    shortName: 'Queue',
    category: 'Messaging',
    description: 'A queue.',
    properties: z.looseObject({
      VisibilityTimeout: int(30, { min: 0, max: 43_200 }, { label: 'Visibility timeout', help: 'Hidden after receive.', group: 'Settings', unit: 's' }),
    }),
    behaviour: z.object({}),
    emits: [{ role: 'eventSource', properties: batchSize }, { role: 'deadLetter', to: ['AWS::SQS::Queue'] }],
    accepts: [
      { role: 'call', delivery: 'sync' },
      { role: 'subscription', delivery: 'async' },
      { role: 'deadLetter', delivery: 'async' },
      { role: 'onFailure', delivery: 'async' },
      { role: 'onSuccess', delivery: 'async' },
    ],
    checkConnection: (from, to, role, properties) =>
      role === 'eventSource' && (to.properties.Timeout as number) * 6 > (from.properties.VisibilityTimeout as number) && properties.BatchSize === 7
        ? [['properties.BatchSize', 'seven with a short visibility timeout (a connection check)']]
        : [],
    metrics: [],
  },
];

export const fakeCatalog = new Catalog(FAKE_KINDS);
