import { describe, expect, it } from 'vitest';
import { compileFilterPolicy, matchesFilterPolicy, type Attributes, type FilterPolicyScope } from './filterPolicy.ts';

// AWS's documented sample message ("Amazon SNS example filter policies"), as message attributes.
const order: Attributes = {
  customer_interests: ['soccer', 'rugby', 'hockey'],
  store: 'example_corp',
  event: 'order_placed',
  price_usd: 210.75,
};
// The same message as a body (FilterPolicyScope MessageBody), flattened: nested fields use dotted names.
const body: Attributes = {
  'order.status': 'shipped',
  'order.total': 42,
  'order.items': ['book', 'pen'],
  'customer.tier': 'Gold',
  source: 'web',
};
const cloudwatch: Attributes = { source: 'aws.cloudwatch', namespace: 'AWS/EC2', metricName: 'NetworkIn' };

type Row = [string, unknown, Attributes, boolean, FilterPolicyScope?];

const table: Row[] = [
  // AWS's first example: every key must match (AND), any value within a key (OR).
  ['AWS example accepts', {
    store: ['example_corp'],
    event: [{ 'anything-but': 'order_cancelled' }],
    customer_interests: ['rugby', 'football', 'baseball'],
    price_usd: [{ numeric: ['>=', 100] }],
  }, order, true],
  ['one failing key rejects (AND)', { store: ['example_corp'], event: ['order_cancelled'] }, order, false],
  ['exact string, OR within the array', { event: ['order_cancelled', 'order_placed'] }, order, true],
  ['exact string is case sensitive', { store: ['Example_Corp'] }, order, false],
  ['equals-ignore-case', { store: [{ 'equals-ignore-case': 'EXAMPLE_CORP' }] }, order, true],
  ['String.Array matches when any element does', { customer_interests: ['hockey'] }, order, true],
  ['String.Array rejects when no element does', { customer_interests: ['golf', 'tennis'] }, order, false],
  ['exact number', { price_usd: [210.75] }, order, true],
  ['a number policy does not match a string attribute', { store: [210.75] }, order, false],
  ['a string policy does not match a Number attribute', { price_usd: ['210.75'] }, order, false],
  ['numeric equals', { price_usd: [{ numeric: ['=', 210.75] }] }, order, true],
  ['numeric range outside', { price_usd: [{ numeric: ['>', 0, '<=', 150] }] }, order, false],
  ['numeric range inside', { price_usd: [{ numeric: ['>', 200, '<=', 210.75] }] }, order, true],
  ['numeric exclusive bound', { price_usd: [{ numeric: ['<', 210.75] }] }, order, false],
  ['numeric on a string attribute', { store: [{ numeric: ['>', 0] }] }, order, false],
  ['prefix', { event: [{ prefix: 'order_' }] }, order, true],
  ['prefix mismatch', { event: [{ prefix: 'order-' }] }, order, false],
  ['suffix', { event: [{ suffix: '_placed' }] }, order, true],
  ['anything-but a value that is there rejects', { event: [{ 'anything-but': ['order_placed', 'x'] }] }, order, false],
  ['anything-but numbers', { price_usd: [{ 'anything-but': [100, 200] }] }, order, true],
  ['anything-but prefix', { event: [{ 'anything-but': { prefix: 'order' } }] }, order, false],
  ['anything-but suffix', { event: [{ 'anything-but': { suffix: '_cancelled' } }] }, order, true],
  ['anything-but needs the attribute', { encrypted: [{ 'anything-but': 'yes' }] }, order, false],
  ['exists true', { store: [{ exists: true }] }, order, true],
  ['exists false on a present key', { store: [{ exists: false }] }, order, false],
  ['exists false on a missing key', { encrypted: [{ exists: false }] }, order, true],
  ['a missing key fails', { encrypted: ['yes'] }, order, false],
  ['no attributes at all', { store: ['example_corp'] }, null, false],
  ['exists false with no attributes', { store: [{ exists: false }] }, null, true],
  ['$or: one alternative matches', {
    source: ['aws.cloudwatch'],
    $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
  }, cloudwatch, true],
  ['$or: no alternative matches', {
    source: ['aws.cloudwatch'],
    $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/S3'] }],
  }, cloudwatch, false],
  ['$or: AND with the other keys', {
    source: ['aws.ec2'],
    $or: [{ metricName: ['NetworkIn'] }],
  }, cloudwatch, false],
  ['body: nested key', { order: { status: ['shipped'] } }, body, true, 'MessageBody'],
  ['body: nested numeric', { order: { total: [{ numeric: ['>=', 10, '<', 50] }] } }, body, true, 'MessageBody'],
  ['body: nested array field', { order: { items: ['pen'] } }, body, true, 'MessageBody'],
  ['body: AND across levels', { order: { status: ['shipped'] }, customer: { tier: ['Silver'] } }, body, false, 'MessageBody'],
  ['body: $or inside a nested object', {
    order: { $or: [{ status: ['pending'] }, { total: [42] }] },
  }, body, true, 'MessageBody'],
  ['body: missing nested key', { order: { coupon: [{ exists: true }] } }, body, false, 'MessageBody'],
];

describe('SNS filter policy matching (AWS semantics)', () => {
  it.each(table)('%s', (_name, policy, attrs, expected, scope) => {
    expect(matchesFilterPolicy(compileFilterPolicy(policy, scope ?? 'MessageAttributes'), attrs)).toBe(expected);
  });
});

describe('SNS filter policy errors name the place', () => {
  const cases: [unknown, FilterPolicyScope, string][] = [
    ['store', 'MessageAttributes', 'FilterPolicy: must be a JSON object'],
    [{}, 'MessageAttributes', 'FilterPolicy: must name at least one key'],
    [{ store: 'example_corp' }, 'MessageAttributes', 'FilterPolicy.store: must be an array of values'],
    [{ order: { status: ['x'] } }, 'MessageAttributes', 'FilterPolicy.order: nested keys are only allowed'],
    [{ price: [{ numeric: ['>', 'a'] }] }, 'MessageAttributes', 'FilterPolicy.price[0].numeric: must be'],
    [{ price: [{ numeric: ['>', 10, '<', 5] }] }, 'MessageAttributes', 'FilterPolicy.price[0].numeric: the lower bound'],
    [{ ip: [{ cidr: '10.0.0.0/24' }] }, 'MessageAttributes', 'FilterPolicy.ip[0].cidr: unknown operator'],
    [{ a: [{ exists: 'yes' }] }, 'MessageAttributes', 'FilterPolicy.a[0].exists: must be true or false'],
    [{ $or: [{ a: ['x'] }, 'b'] }, 'MessageAttributes', 'FilterPolicy.$or: must be an array of policy objects'],
    [{ a: [] }, 'MessageBody', 'FilterPolicy.a: must list at least one'],
    [{ a: ['1', '2', '3', '4', '5', '6'], b: ['1', '2', '3', '4', '5'], c: ['1', '2', '3', '4', '5', '6'] }, 'MessageAttributes', 'FilterPolicy: has 180 combinations'],
  ];
  it.each(cases)('%j', (policy, scope, message) => {
    expect(() => compileFilterPolicy(policy, scope)).toThrow(message);
  });
});

it('a policy of exactly 150 combinations is accepted', () => {
  const values = (n: number) => Array.from({ length: n }, (_, i) => String(i));
  expect(() => compileFilterPolicy({ a: values(5), b: values(5), c: values(6) })).not.toThrow();
  expect(() => compileFilterPolicy({ a: values(5), $or: [{ b: values(10) }, { c: values(21) }] })).toThrow('has 155 combinations');
});
