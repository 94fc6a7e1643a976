import type { SimNode } from '../../core/model.ts';
import { meanOf } from '../../core/distributions.ts';
import { arrivalsOver, edgesInto } from '../../theory/arrivals.ts';
import type { KindTheory, ServiceFacts, TheoryScene } from '../../theory/overlay.ts';
import { describeDuration, probabilityAbove } from '../../theory/serviceTime.ts';
import { REQUESTS_PER_CONCURRENCY } from './account.ts';
import { durationScale, type LambdaBehaviour, type LambdaProperties } from './spec.ts';

/** A share of invocations cut by the Timeout above which the mean duration is no longer the spec's. */
const TIMEOUT_SHARE = 0.01;

const TYPE = 'AWS::Lambda::Function';

function reservedOf(n: SimNode): number | undefined {
  const r = (n.properties as LambdaProperties).ReservedConcurrentExecutions;
  return typeof r === 'number' ? r : undefined;
}

function provisionedOf(n: SimNode): number {
  return (n.properties as LambdaProperties).ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions;
}

/**
 * The servers of a function (docs/aws-behaviour.md, Lambda "reserved concurrency", "account concurrency"): its
 * reservation, or the account's unreserved pool (account concurrency less every reservation and the provisioned
 * concurrency of other unreserved functions) plus its own provisioned environments.
 */
function servers(node: SimNode, scene: TheoryScene): Pick<ServiceFacts, 'servers' | 'serversWhy' | 'broken'> {
  const reserved = reservedOf(node);
  if (reserved !== undefined) return { servers: reserved, serversWhy: `reserved concurrency ${reserved}`, broken: [] };
  const functions = scene.nodes.filter((n) => n.type === TYPE);
  const reservedTotal = functions.reduce((s, n) => s + (reservedOf(n) ?? 0), 0);
  const others = functions.filter((n) => n.id !== node.id && reservedOf(n) === undefined);
  const provisionedOthers = others.reduce((s, n) => s + provisionedOf(n), 0);
  const account = scene.settings.lambdaAccountConcurrency;
  const pool = Math.max(0, account - reservedTotal - provisionedOthers);
  const carved = reservedTotal + provisionedOthers;
  const why = carved > 0 ? `the account's ${account} less ${carved} reserved or provisioned elsewhere` : `the account's concurrency, ${account}`;
  const busy = others.filter((n) => scene.edges.some((e) => e.to === n.id));
  const broken = busy.length > 0 ? [`${node.id} shares the account's unreserved pool with ${busy.map((n) => n.id).join(', ')}, so its servers are not fixed (reserve concurrency to fix them)`] : [];
  return { servers: pool, serversWhy: why, broken };
}

/** How a function serves one invocation: mean duration (memory-scaled), its shape, and its concurrency limit. */
function service(node: SimNode, scene: TheoryScene): ServiceFacts {
  const p = node.properties as LambdaProperties;
  const b = node.behaviour as LambdaBehaviour;
  const scale = durationScale(b, p.MemorySize);
  const meanMs = meanOf(b.duration) * scale;
  const limit = servers(node, scene);
  const broken = [...limit.broken];
  const calls = scene.edges.filter((e) => e.from === node.id && e.role === 'call').map((e) => e.to);
  if (calls.length > 0) broken.push(`${node.id}'s SDK calls (to ${calls.join(', ')}) add their latency to each invocation, so its mean duration is not known in advance`);
  const cut = probabilityAbove(b.duration, (p.Timeout * 1000) / scale);
  if (cut > TIMEOUT_SHARE) broken.push(`${node.id}'s Timeout of ${p.Timeout} s cuts ${+(cut * 100).toFixed(1)}% of invocations short`);
  const assumptions: string[] = [];
  if (meanOf(b.coldStartMs) > 0 && provisionedOf(node) < limit.servers) {
    assumptions.push(`cold starts (Init mean ${Math.round(meanOf(b.coldStartMs))} ms) ignored: they happen only while environments are first created`);
  }
  return {
    meanMs,
    shape: describeDuration(b.duration, scale),
    exponential: b.duration.distribution === 'exponential',
    servers: limit.servers,
    serversWhy: limit.serversWhy,
    broken,
    assumptions,
    failureRate: b.errorRate,
  };
}

/**
 * A function invoked synchronously is a loss system (docs/aws-behaviour.md, "Queueing facts"; Lambda "synchronous
 * throttle": no queue, 429 at the limit): Erlang B predicts the throttled fraction and Little's law the mean
 * ConcurrentExecutions, for Poisson arrivals whatever the duration's shape. Lambda's request-rate quota (10 x the
 * concurrency limit, Lambda "request rate (synchronous)") is a second limit the formula does not know.
 */
export const lambdaTheory: KindTheory = {
  service,
  overlay(node, scene) {
    const incoming = edgesInto(node, scene);
    if (incoming.length === 0) return null;
    const facts = service(node, scene);
    const broken = [...facts.broken];
    const sync = incoming.filter((e) => e.delivery === 'sync' && e.role !== 'eventSource');
    for (const e of incoming) {
      if (e.role === 'eventSource') broken.push(`${e.from} feeds it through an event source mapping, whose pollers wait rather than lose requests`);
      else if (e.delivery === 'async') broken.push(`${e.from} invokes it asynchronously: events wait in Lambda's own queue rather than being refused`);
    }
    const arrivals = arrivalsOver(sync, scene);
    if (sync.length > 0) broken.push(...arrivals.broken);
    const reserved = reservedOf(node);
    const quota = REQUESTS_PER_CONCURRENCY * (reserved ?? scene.settings.lambdaAccountConcurrency);
    return {
      formula: 'erlangB',
      arrivals: ['Invocations', 'Throttles'],
      servers: facts.servers,
      serversWhy: facts.serversWhy,
      meanServiceMs: facts.meanMs,
      serviceShape: facts.shape,
      broken: [...new Set(broken)],
      assumptions: [...arrivals.assumptions, ...facts.assumptions, 'Erlang B depends on the mean duration only, not its shape'],
      rateCap: {
        // A bucket of one second's quota, refilled continuously (services/lambda/account.ts).
        perSecond: quota,
        burst: quota,
        why: reserved !== undefined ? 'the request-rate quota of 10 x reserved concurrency' : "the account's request-rate quota of 10 x its concurrency",
      },
      lines: [
        { metric: 'ConcurrentExecutions', label: "Little's law prediction", perSecond: false, value: (f) => f.inService },
        { metric: 'Throttles', label: 'Erlang B prediction', perSecond: true, value: (f) => f.lambda * f.probability },
      ],
    };
  },
};
