/**
 * Test data shared by the EventBridge and SNS front ends of the matcher: every operator with matching and
 * non-matching events. `sns: false` marks rows whose operator or result is EventBridge's only (SNS refuses the
 * operator, or AWS documents a different result there); the SNS tests run every other row.
 */

/** The EventBridge guide's sample EC2 event, with extra detail fields for the operators it does not show. */
export const sampleEvent: Record<string, unknown> = JSON.parse(`{
  "version": "0",
  "id": "ddddd4-aaaa-7777-4444-345dd43cc333",
  "detail-type": "EC2 Instance State-change Notification",
  "source": "aws.ec2",
  "account": "012345679012",
  "time": "2017-10-02T16:24:49Z",
  "region": "us-east-1",
  "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
  "detail": {
    "c-count": 5,
    "d-count": 3,
    "x-limit": 301.8,
    "source-ip": "10.0.0.33",
    "source-ipv6": "2001:db8::1",
    "instance-id": "i-000000aaaaaa00000",
    "state": "running",
    "name": "Alice",
    "file-path": "/usr/lib/libssl.so",
    "glob": "a*b",
    "empty": "",
    "nothing": null,
    "flag": true,
    "budget": 5e9,
    "huge": 6e9,
    "tags": ["prod", "web"],
    "meta": { "owner": "ops" },
    "items": [ { "type": "book", "qty": 2 }, { "type": "pen", "qty": 10 } ]
  }
}`);

export interface OperatorRow {
  name: string;
  pattern: unknown;
  expected: boolean;
  /** False when SNS does not share this row (see the file's comment). */
  sns: boolean;
  /** Another event than sampleEvent. */
  event?: unknown;
}

const d = (detail: Record<string, unknown>) => ({ detail });
const row = (name: string, pattern: unknown, expected: boolean, sns = true, event?: unknown): OperatorRow => ({ name, pattern, expected, sns, event });

export const operatorRows: OperatorRow[] = [
  // Exact values and lists.
  row('exact string', { source: ['aws.ec2'] }, true),
  row('exact string mismatch', { source: ['aws.s3'] }, false),
  row('exact is case sensitive', { source: ['AWS.EC2'] }, false),
  row('a list matches when any value does', { source: ['aws.s3', 'aws.ec2'] }, true),
  row('all fields must match (AND)', { source: ['aws.ec2'], region: ['eu-west-1'] }, false),
  row('nested field', d({ state: ['running'] }), true),
  row('exact number', d({ 'c-count': [5] }), true),
  row('a number does not match a string', d({ 'instance-id': [5] }), false),
  row('a string does not match a number', d({ 'c-count': ['5'] }), false),
  row('exact boolean', d({ flag: [true] }), true),
  row('the string "true" does not match true', d({ flag: ['true'] }), false),
  row('an event array matches when any element does', d({ tags: ['web', 'dev'] }), true),
  row('an event array with no element in the list', d({ tags: ['dev'] }), false),
  row('a missing field fails', d({ color: ['red'] }), false),
  // Empty string and null.
  row('empty string matches ""', d({ empty: [''] }), true),
  row('empty string does not match a value', d({ state: [''] }), false),
  row('null matches null', d({ nothing: [null] }), true),
  row('null does not match a missing field', d({ color: [null] }), false),
  row('null does not match ""', d({ empty: [null] }), false),
  // Prefix and suffix, with their ignore-case forms.
  row('prefix', { time: [{ prefix: '2017-10-02' }] }, true),
  row('prefix mismatch', { time: [{ prefix: '2017-10-03' }] }, false),
  row('prefix is case sensitive', { source: [{ prefix: 'AWS.' }] }, false),
  row('prefix never matches a number', d({ 'c-count': [{ prefix: '5' }] }), false),
  row('prefix equals-ignore-case', { source: [{ prefix: { 'equals-ignore-case': 'AWS.E' } }] }, true, false),
  row('prefix equals-ignore-case mismatch', { source: [{ prefix: { 'equals-ignore-case': 'AWS.S' } }] }, false, false),
  row('suffix', d({ 'file-path': [{ suffix: '.so' }] }), true),
  row('suffix mismatch', d({ 'file-path': [{ suffix: '.png' }] }), false),
  row('suffix equals-ignore-case', d({ 'file-path': [{ suffix: { 'equals-ignore-case': '.SO' } }] }), true, false),
  // equals-ignore-case.
  row('equals-ignore-case', d({ name: [{ 'equals-ignore-case': 'ALICE' }] }), true),
  row('equals-ignore-case is not a prefix', d({ name: [{ 'equals-ignore-case': 'alic' }] }), false),
  // Wildcard.
  row('wildcard', d({ 'file-path': [{ wildcard: '/usr/*/lib*.so' }] }), true, false),
  row('wildcard mismatch', d({ 'file-path': [{ wildcard: '*/bin/*' }] }), false, false),
  row('wildcard with an escaped * matches a literal *', d({ glob: [{ wildcard: 'a\\*b' }] }), true, false),
  row('an escaped * does not match other characters', d({ glob: [{ wildcard: 'a\\*b' }] }), false, false, d({ glob: 'axb' })),
  row('an unescaped * matches any run', d({ glob: [{ wildcard: 'a*b' }] }), true, false, d({ glob: 'axxb' })),
  row('wildcard pieces may not overlap', d({ glob: [{ wildcard: 'ab*ba' }] }), false, false, d({ glob: 'aba' })),
  // Numeric ranges, at and beyond their bounds.
  row('numeric range', d({ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }), true),
  row('numeric inclusive upper bound', d({ 'c-count': [{ numeric: ['<=', 5] }] }), true),
  row('numeric exclusive upper bound', d({ 'c-count': [{ numeric: ['<', 5] }] }), false),
  row('numeric inclusive lower bound', d({ 'c-count': [{ numeric: ['>=', 5] }] }), true),
  row('numeric exclusive lower bound', d({ 'c-count': [{ numeric: ['>', 5] }] }), false),
  row('numeric equals', d({ 'x-limit': [{ numeric: ['=', 3.018e2] }] }), true),
  row('numeric never matches a string', d({ state: [{ numeric: ['>', 0] }] }), false),
  row('numeric at the +5.0e9 limit', d({ budget: [{ numeric: ['>=', 0] }] }), true, false),
  row('an event number beyond 5.0e9 never matches numeric', d({ huge: [{ numeric: ['>', 0] }] }), false, false),
  // cidr.
  row('cidr IPv4', d({ 'source-ip': [{ cidr: '10.0.0.0/24' }] }), true, false),
  row('cidr IPv4 outside', d({ 'source-ip': [{ cidr: '10.0.1.0/24' }] }), false, false),
  row('cidr IPv6', d({ 'source-ipv6': [{ cidr: '2001:db8::/32' }] }), true, false),
  row('cidr IPv6 outside', d({ 'source-ipv6': [{ cidr: '2001:db9::/32' }] }), false, false),
  row('an IPv4 network never matches an IPv6 address', d({ 'source-ipv6': [{ cidr: '0.0.0.0/0' }] }), false, false),
  row('cidr never matches a non-address', d({ state: [{ cidr: '0.0.0.0/0' }] }), false, false),
  // exists.
  row('exists true', d({ state: [{ exists: true }] }), true),
  row('exists true on a missing field', d({ color: [{ exists: true }] }), false),
  row('exists false on a missing field', d({ color: [{ exists: false }] }), true),
  row('exists false on a present field', d({ state: [{ exists: false }] }), false),
  row('exists false on an object (not a leaf)', d({ meta: [{ exists: false }] }), true),
  row('exists false under a missing object', { nowhere: { deeper: [{ exists: false }] } }, true),
  row('exists true on a null field (SNS needs a value)', d({ nothing: [{ exists: true }] }), true, false),
  // anything-but and its forms.
  row('anything-but a string', d({ state: [{ 'anything-but': 'initializing' }] }), true),
  row('anything-but the value that is there', d({ state: [{ 'anything-but': 'running' }] }), false),
  row('anything-but a list', d({ state: [{ 'anything-but': ['stopped', 'running'] }] }), false),
  row('anything-but numbers', d({ 'c-count': [{ 'anything-but': [100, 200] }] }), true),
  row('anything-but the number that is there', d({ 'c-count': [{ 'anything-but': [5] }] }), false),
  row('anything-but needs the field', d({ color: [{ 'anything-but': 'red' }] }), false),
  row('anything-but on an array: some element differs', d({ tags: [{ 'anything-but': 'prod' }] }), true),
  row('anything-but prefix', d({ state: [{ 'anything-but': { prefix: 'init' } }] }), true),
  row('anything-but prefix of the value', d({ state: [{ 'anything-but': { prefix: 'run' } }] }), false),
  row('anything-but suffix', d({ 'file-path': [{ 'anything-but': { suffix: '.png' } }] }), true),
  row('anything-but suffix of the value', d({ 'file-path': [{ 'anything-but': { suffix: '.so' } }] }), false),
  row('anything-but equals-ignore-case', d({ state: [{ 'anything-but': { 'equals-ignore-case': ['STOPPED'] } }] }), true, false),
  row('anything-but equals-ignore-case of the value', d({ state: [{ 'anything-but': { 'equals-ignore-case': 'RUNNING' } }] }), false, false),
  row('anything-but wildcard', d({ 'file-path': [{ 'anything-but': { wildcard: '*/bin/*' } }] }), true, false),
  row('anything-but wildcard that matches', d({ 'file-path': [{ 'anything-but': { wildcard: '*/lib/*' } }] }), false, false),
  // $or.
  row('$or across fields: one alternative', { source: ['aws.ec2'], $or: [d({ state: ['stopped'] }), d({ 'c-count': [{ numeric: ['>', 4] }] })] }, true),
  row('$or across fields: none', { source: ['aws.ec2'], $or: [d({ state: ['stopped'] }), d({ 'c-count': [{ numeric: ['>', 5] }] })] }, false),
  row('$or is ANDed with its siblings', { source: ['aws.s3'], $or: [d({ state: ['running'] }), { region: ['us-east-1'] }] }, false),
  row('$or inside a nested object', d({ $or: [{ state: ['stopped'] }, { name: ['Alice'] }] }), true),
  // Arrays of objects: a nested pattern matches one element as a whole.
  row('a field inside an array of objects', d({ items: { type: ['pen'] } }), true),
  row('fields from the same array element', d({ items: { type: ['pen'], qty: [10] } }), true),
  row('fields from different array elements never combine', d({ items: { type: ['pen'], qty: [2] } }), false),
  // Keys never match inherited members.
  row('toString is not a field', { toString: [{ exists: true }] }, false),
  row('constructor is absent', { constructor: [{ exists: false }] }, true),
  row('hasOwnProperty matches nothing', d({ hasOwnProperty: [{ prefix: '' }] }), false),
  row('__proto__ as an own field', JSON.parse('{"__proto__": ["x"]}'), true, true, JSON.parse('{"__proto__": "x"}')),
  row('__proto__ is not inherited', JSON.parse('{"__proto__": [{"exists": true}]}'), false),
];
