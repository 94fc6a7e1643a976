import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/engine.ts';
import type { ResultDocument } from '../sim/result.ts';
import { SERVICE_KINDS } from '../sim/services/registry.ts';
import { defaultsFor, newScenario } from './defaults.ts';
import { formatProblem } from './paths.ts';
import { validateScenario } from './validate.ts';
import { loadedModels } from '../sim/services/registry.ts';

const DIR = join(import.meta.dirname, '..', '..', 'examples');
const load = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const examples = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

function run(file: string): ResultDocument {
  const r = validateScenario(load(join(DIR, file)));
  if (!r.ok) throw new Error(`${file}:\n${r.problems.map(formatProblem).join('\n')}`);
  expect(r.warnings).toEqual([]);
  const sim = new Simulation(r.sim, loadedModels());
  sim.run();
  return sim.result();
}

const sum = (res: ResultDocument, node: string, metric: string) => res.nodes[node].totals[metric].Sum;

describe('examples/', () => {
  it('holds the scenarios the README, the bench and the tests use', () => {
    expect(examples).toEqual([
      'api-lambda.json', 'async-retries.json', 'dynamodb-change-capture.json', 'hot-partition.json', 'loss-system.json',
      'nightly-batch.json', 'order-events.json', 'order-workflow.json', 'poison-message-dlq.json', 'sns-fanout.json',
      'spike.json', 'sqs-pipeline.json', 'stream-falls-behind.json', 'throttled-api.json',
    ]);
  });

  it('every example has a name and a one-line description for the gallery', () => {
    for (const file of examples) {
      const doc = load(join(DIR, file)) as { name?: unknown; description?: unknown };
      expect(typeof doc.name, file).toBe('string');
      expect(typeof doc.description, file).toBe('string');
      expect((doc.description as string).length, file).toBeGreaterThan(20);
      expect(doc.description as string, file).not.toContain('\n');
    }
  });

  it('api-lambda.json: ten minutes of API Gateway -> Lambda, no throttles, about 1% errors', () => {
    const res = run('api-lambda.json');
    expect(res.simulatedSeconds).toBe(600);
    expect(res.stopped).toBeUndefined();
    const invocations = sum(res, 'CreateOrder', 'Invocations');
    expect(invocations).toBeGreaterThan(115_000);
    expect(invocations).toBeLessThan(125_000);
    expect(sum(res, 'CreateOrder', 'Throttles')).toBe(0);
    expect(sum(res, 'CreateOrder', 'Errors') / invocations).toBeCloseTo(0.01, 2);
    expect(sum(res, 'OrdersApi', 'Count')).toBe(sum(res, 'Users', 'Requests'));
    expect(res.cost.totalUSD).toBeGreaterThan(0);
  });

  it('order-workflow.json: the Retry absorbs the function\'s throttles, and the Choice sends about 40% to review', () => {
    const res = run('order-workflow.json');
    const wf = (metric: string) => sum(res, 'OrderWorkflow', metric);
    const started = wf('ExecutionsStarted');
    expect(started).toBe(sum(res, 'Shoppers', 'Requests'));
    // 50 orders/s of ~100 ms on 8 reserved environments: a few percent are throttled and retried with jitter.
    expect(sum(res, 'ValidateOrder', 'Throttles')).toBeGreaterThan(0);
    expect(wf('State:Validate:Retried')).toBe(sum(res, 'ValidateOrder', 'Throttles'));
    expect(wf('ExecutionsFailed')).toBeLessThan(started * 0.001);
    expect(wf('State:Save:Succeeded')).toBe(wf('ExecutionsSucceeded'));
    // amount is uniform in 1..500: above 300 is 40%.
    expect(wf('State:Review:Entered') / wf('State:Large order?:Entered')).toBeCloseTo(0.4, 1);
    expect(sum(res, 'Orders', 'ConsumedWriteCapacityUnits')).toBe(wf('State:Save:Succeeded'));
  });

  it('loss-system.json: concurrency never exceeds the 80 reserved and the excess is throttled', () => {
    const res = run('loss-system.json');
    expect(res.nodes.Worker.totals.ConcurrentExecutions.Maximum).toBe(80);
    expect(sum(res, 'Worker', 'Throttles')).toBeGreaterThan(0);
    expect(sum(res, 'Callers', 'Throttled')).toBe(sum(res, 'Worker', 'Throttles'));
  });

  it('spike.json: the scaling rate throttles the ramp to thousands of environments', () => {
    const res = run('spike.json');
    expect(res.nodes.Checkout.totals.ConcurrentExecutions.Maximum).toBeGreaterThan(1000);
    expect(sum(res, 'Checkout', 'Throttles')).toBeGreaterThan(0);
    expect(res.nodes.Checkout.series.Invocations.slice(0, 60).every((v) => v === 0)).toBe(true);
  });

  it('throttled-api.json: reserved concurrency 20 throttles and API Gateway answers 5XX', () => {
    const res = run('throttled-api.json');
    expect(res.nodes.Search.totals.ConcurrentExecutions.Maximum).toBe(20);
    const throttles = sum(res, 'Search', 'Throttles');
    expect(throttles).toBeGreaterThan(50_000);
    expect(sum(res, 'SearchApi', '5XXError')).toBe(throttles);
  });

  it('sqs-pipeline.json: the queue decouples the API from the function, every delivered order is written once, failures reach the DLQ', () => {
    const res = run('sqs-pipeline.json');
    const accepted = sum(res, 'OrdersApi', 'Count');
    expect(sum(res, 'OrdersApi', '5XXError')).toBe(0);
    expect(sum(res, 'OrdersQueue', 'NumberOfMessagesSent')).toBe(accepted);
    // Every message is deleted, moved to the DLQ, or still in the queue when the run ends.
    const deleted = sum(res, 'OrdersQueue', 'NumberOfMessagesDeleted');
    const moved = sum(res, 'OrdersQueue', 'NumberOfMessagesMovedToDLQ');
    expect(moved).toBeGreaterThan(0);
    expect(accepted - deleted - moved).toBeGreaterThanOrEqual(0);
    expect(accepted - deleted - moved).toBeLessThan(200);
    // The DLQ only fills (nothing reads it), and a move is not a send.
    expect(res.nodes.OrdersDLQ.totals.ApproximateNumberOfMessagesVisible.Maximum).toBe(moved);
    expect(sum(res, 'OrdersDLQ', 'NumberOfMessagesSent')).toBe(0);
    // One PutItem of a 1 KB item per message of each batch (perRecord): 1 WCU each, never throttled at
    // 500 WCU. Every deleted message was written; a retried batch writes its records again.
    const invocations = sum(res, 'ProcessOrder', 'Invocations');
    const received = sum(res, 'OrdersQueue', 'NumberOfMessagesReceived');
    expect(sum(res, 'OrdersTable', 'ConsumedWriteCapacityUnits')).toBeGreaterThanOrEqual(deleted);
    expect(sum(res, 'OrdersTable', 'ConsumedWriteCapacityUnits')).toBeLessThanOrEqual(received);
    expect(sum(res, 'OrdersTable', 'WriteThrottleEvents')).toBe(0);
    // Batches of up to 10: far fewer invocations than messages.
    expect(invocations).toBeLessThan(accepted * 0.7);
    expect(res.warnings).toEqual([]);
  });

  it('sns-fanout.json: each queue gets exactly the events its filter policy matches; the rest are counted as filtered out', () => {
    const res = run('sns-fanout.json');
    const web = sum(res, 'WebShop', 'Requests');
    const store = sum(res, 'StoreTills', 'Requests');
    const returns = sum(res, 'Returns', 'Requests');
    expect([web, store, returns]).toEqual([3_600, 2_400, 1_200]);
    expect(sum(res, 'OrderEvents', 'NumberOfMessagesPublished')).toBe(web + store + returns);
    expect(sum(res, 'ShippingQueue', 'NumberOfMessagesSent')).toBe(web); // OrderPlaced from the web channel
    expect(sum(res, 'RefundsQueue', 'NumberOfMessagesSent')).toBe(returns); // OrderReturned
    expect(sum(res, 'AnalyticsQueue', 'NumberOfMessagesSent')).toBe(web + store); // every OrderPlaced
    // 3 subscriptions x 7,200 messages = 21,600 copies considered: 10,800 delivered, 10,800 filtered out.
    expect(sum(res, 'OrderEvents', 'NumberOfNotificationsDelivered')).toBe(2 * web + store + returns);
    expect(sum(res, 'OrderEvents', 'NumberOfNotificationsFilteredOut')).toBe(web + 2 * store + 2 * returns);
    expect(sum(res, 'OrderEvents', 'NumberOfNotificationsFailed')).toBe(0);
  });

  it('order-events.json: each rule sends its consumer exactly the events its pattern matches', () => {
    const res = run('order-events.json');
    const published = sum(res, 'Shop', 'Requests');
    expect(published).toBe(4_800);
    expect(sum(res, 'OrderEvents', 'MatchedEvents')).toBe(published); // every event matches some rule
    const billing = sum(res, 'BillingQueue', 'NumberOfMessagesSent'); // OrderPlaced
    const notifications = sum(res, 'NotificationsQueue', 'NumberOfMessagesSent'); // anything but OrderPlaced
    const fraud = sum(res, 'FraudCheck', 'AsyncEventsReceived'); // OrderPlaced with total >= 800
    // Each event goes to billing or to notifications, never both (a few are on their way when the run ends).
    expect(billing + notifications).toBeGreaterThan(published - 20);
    expect(billing + notifications).toBeLessThanOrEqual(published);
    expect(billing / (billing + notifications)).toBeCloseTo(0.5, 1); // weights 2:1:1
    // totals are uniform in 5..1000, so about a fifth of placed orders reach the fraud check.
    expect(fraud / billing).toBeGreaterThan(0.15);
    expect(fraud / billing).toBeLessThan(0.25);
    // One attempt per matched rule (nothing failed, so no retries); the rest were still on their way at the end.
    const attempts = sum(res, 'OrderEvents', 'InvocationAttempts');
    expect(attempts).toBe(billing + notifications + fraud);
    expect(sum(res, 'OrderEvents', 'RetryInvocationAttempts')).toBe(0);
    expect(sum(res, 'OrderEvents', 'TriggeredRules') - attempts).toBeLessThan(20);
    expect(sum(res, 'OrderEvents', 'FailedInvocations')).toBe(0);
    expect(res.cost.nodes.OrderEvents).toBeCloseTo(published / 1e6, 9); // $1 per million events
  });

  it('nightly-batch.json: the schedule starts the job once a night at 02:00 New York time, and the table is idle otherwise', () => {
    const res = run('nightly-batch.json');
    expect(res.periodSeconds).toBe(300);
    const starts = res.nodes.ExportOrders.series.AsyncEventsReceived;
    const nights = starts.flatMap((n, i) => (n > 0 ? [i * 300] : []));
    // The calendar starts at midnight in New York (05:00 UTC); 02:00 there is 7,200 s in, then every 24 h.
    expect(nights).toEqual([7_200, 7_200 + 86_400, 7_200 + 2 * 86_400]);
    expect(sum(res, 'Nightly', 'Invocations')).toBe(3);
    expect(sum(res, 'ExportOrders', 'Invocations')).toBe(3);
    expect(res.nodes.ExportOrders.totals.ConcurrentExecutions.Maximum).toBe(1);
    expect(sum(res, 'Orders', 'ConsumedReadCapacityUnits')).toBeGreaterThan(0);
    const reads = res.nodes.Orders.series.ConsumedReadCapacityUnits;
    expect(reads.filter((r) => r > 0).length).toBeLessThanOrEqual(6); // a few periods a night, none in between
  });

  it('poison-message-dlq.json: each poison message is received exactly maxReceiveCount (3) times, then sits in the DLQ', () => {
    const res = run('poison-message-dlq.json');
    const sent = sum(res, 'PaymentsQueue', 'NumberOfMessagesSent');
    expect(sent).toBe(600);
    const poison = sum(res, 'PaymentsQueue', 'NumberOfMessagesMovedToDLQ');
    expect(poison).toBe(26); // ~5% of 600 with seed 42
    expect(sum(res, 'ChargeCard', 'Errors')).toBe(3 * poison);
    expect(sum(res, 'PaymentsQueue', 'NumberOfMessagesDeleted')).toBe(sent - poison);
    expect(sum(res, 'PaymentsQueue', 'NumberOfMessagesReceived')).toBe(sent - poison + 3 * poison);
    expect(sum(res, 'ChargeCard', 'Invocations')).toBe(sent - poison + 3 * poison); // BatchSize 1
    expect(res.nodes.PaymentsDLQ.totals.ApproximateNumberOfMessagesVisible.Maximum).toBe(poison);
    expect(res.nodes.PaymentsQueue.totals.ApproximateNumberOfMessagesVisible.Maximum).toBeLessThanOrEqual(1);
    // The example keeps AWS's minimum for teaching, and the run says what AWS advises.
    expect(res.warnings).toEqual([expect.stringContaining('maxReceiveCount 3 is below 5')]);
  });

  it('async-retries.json: a failing event is tried 3 times, then exactly one record reaches the OnFailure queue', () => {
    const res = run('async-retries.json');
    expect(sum(res, 'ResizeImage', 'AsyncEventsReceived')).toBe(300);
    const failed = sum(res, 'ResizeImage', 'AsyncEventsDropped');
    expect(failed).toBe(17); // ~5% poison of 300 with seed 42
    expect(sum(res, 'ResizeImage', 'Errors')).toBe(3 * failed);
    expect(sum(res, 'ResizeImage', 'Invocations')).toBe(300 + 2 * failed);
    expect(sum(res, 'FailedResizes', 'NumberOfMessagesSent')).toBe(failed);
    expect(res.nodes.FailedResizes.totals.ApproximateNumberOfMessagesVisible.Maximum).toBe(failed);
    // The last retry comes about 1 + 2 minutes after the first attempt.
    expect(res.nodes.ResizeImage.totals.AsyncEventAge.Maximum).toBeGreaterThan(180_000);
    expect(res.nodes.ResizeImage.totals.AsyncEventAge.Maximum).toBeLessThan(185_000);
    expect(sum(res, 'Uploads', 'Failed')).toBe(0); // the caller got 202 Accepted every time
  });

  it('hot-partition.json: writes throttle while the table uses under 50% of its 10,000 WCU', () => {
    const res = run('hot-partition.json');
    const table = res.nodes.VotesTable;
    expect(table.totals.ProvisionedWriteCapacityUnits.Maximum).toBe(10_000);
    expect(sum(res, 'VotesTable', 'WriteThrottleEvents')).toBeGreaterThan(10_000);
    const perSecond = table.series.ConsumedWriteCapacityUnits;
    expect(perSecond.length).toBe(120);
    expect(Math.max(...perSecond)).toBeLessThan(5_000);
    // The hot key's partition caps it at 1,000 WCU/s; the other 20% of 1,500 writes/s add about 300.
    const average = sum(res, 'VotesTable', 'ConsumedWriteCapacityUnits') / res.simulatedSeconds;
    expect(average).toBeGreaterThan(1_000);
    expect(average).toBeLessThan(1_600);
  });

  it('stream-falls-behind.json: IteratorAge climbs about 0.2 s per second on the one shard', () => {
    const res = run('stream-falls-behind.json');
    const age = res.nodes.Clickstream.series['IteratorAge.Maximum'];
    const perSecond = (age[age.length - 1] - age[age.length - 301]) / 1000 / (300 * res.periodSeconds);
    expect(perSecond).toBeGreaterThan(0.17);
    expect(perSecond).toBeLessThan(0.23);
    expect(sum(res, 'Clickstream', 'WriteProvisionedThroughputExceeded')).toBe(0);
  });

  it('dynamodb-change-capture.json: changes reach the projector within about a poll; poison changes hold their shard, then land alone in the on-failure queue', () => {
    const res = run('dynamodb-change-capture.json');
    expect(sum(res, 'Orders', 'StreamRecords')).toBe(sum(res, 'Orders', 'ConsumedWriteCapacityUnits'));
    expect(res.nodes.Orders.totals.IteratorAge.p50).toBeLessThan(500);
    expect(res.nodes.Orders.totals.IteratorAge.Maximum).toBeGreaterThan(3000); // bisecting a poison batch takes retries
    const discarded = sum(res, 'Orders', 'RecordsDiscarded');
    expect(discarded).toBeGreaterThan(20);
    expect(res.nodes.ProjectionFailures.totals.ApproximateNumberOfMessagesVisible.Maximum).toBe(discarded);
  });

  it('every file in examples/bad/ is rejected with at least one problem', () => {
    const bad = readdirSync(join(DIR, 'bad')).filter((f) => f.endsWith('.json') && f !== 'not-json.json');
    expect(bad.length).toBeGreaterThanOrEqual(5);
    for (const file of bad) {
      const r = validateScenario(load(join(DIR, 'bad', file)));
      expect(r.ok, file).toBe(false);
    }
  });
});

describe('docs/scenario-format.md', () => {
  it('shows an example that is valid and runs', () => {
    const md = readFileSync(join(DIR, '..', 'docs', 'scenario-format.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(md)?.[1] ?? '';
    const r = validateScenario(JSON.parse(example));
    expect(r.ok ? r.warnings : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    expect(r.sim.edges.map((e) => e.role)).toEqual(['invoke', 'invoke', 'call']);
    const sim = new Simulation({ ...r.sim, durationSeconds: 10 }, loadedModels());
    sim.run();
    expect(sim.result().nodes.Orders.totals.ConsumedWriteCapacityUnits.Sum).toBeGreaterThan(0);
  });
});

describe('the registered kinds', () => {
  it('each has AWS defaults and validates as a lone node with them', () => {
    expect(SERVICE_KINDS.length).toBeGreaterThanOrEqual(3);
    for (const kind of SERVICE_KINDS) {
      const defaults = defaultsFor(kind.type);
      const doc = { ...newScenario(), nodes: [{ id: 'Node', type: kind.type, ...defaults }] };
      const r = validateScenario(doc);
      expect(r.ok ? [] : r.problems.map(formatProblem), kind.type).toEqual([]);
    }
  });
});
