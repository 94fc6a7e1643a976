import { connectionRule, docAccountProblems, nodePath } from '../../scenario/index.ts';
import type { EdgeRole } from '../../sim/core/model.ts';
import { addEdge, addNode, getPath, setNodeField } from '../../store/docOps.ts';
import { positionOf, type Doc, type DocNode, type Section } from '../../store/doc.ts';
import { fieldDefault } from '../common/kindInfo.ts';

/**
 * The design advisor: warnings AWS itself gives (docs/aws-behaviour.md "advice to surface" and the
 * Lambda/API Gateway limits), each with a one-click fix. Pure functions over the scenario document.
 */
export interface Advice {
  /** Stable per rule and place, for React keys and test ids. */
  id: string;
  rule: string;
  severity: 'warning' | 'error';
  nodeId: string;
  edgeIndex?: number;
  message: string;
  /** Absent when the fix needs something the registered service kinds do not allow yet. */
  fixLabel?: string;
  fix?: (doc: Doc) => Doc;
}

export interface AdvisorOptions {
  /** Whether the registry allows an edge; the async-DLQ fix needs Lambda -> SQS onFailure. */
  canConnect(fromType: string, toType: string, role: EdgeRole): boolean;
}

const registryRules: AdvisorOptions = {
  canConnect: (from, to, role) => connectionRule(from, to, role).ok,
};

export const LAMBDA = 'AWS::Lambda::Function';
export const SQS = 'AWS::SQS::Queue';
export const API_REST = 'AWS::ApiGateway::RestApi';

/** Sources that invoke Lambda asynchronously (SNS, EventBridge, schedules); a Client edge can ask for Event too. */
const ASYNC_SOURCES = new Set(['AWS::SNS::Topic', 'AWS::Events::Rule', 'AWS::Events::EventBus', 'Schedule', 'AWS::Scheduler::Schedule', 'AWS::S3::Bucket']);

function value(node: DocNode, section: Section, path: string): number | undefined {
  const v = getPath(node[section], path);
  if (typeof v === 'number') return v;
  // An unset value is AWS's default, from the kind's own schema.
  const d = fieldDefault(node.type, section, path);
  return typeof d === 'number' ? d : undefined;
}

function nodeById(doc: Doc): Map<string, DocNode> {
  return new Map(doc.nodes.map((n) => [n.id, n]));
}

/** Queue VisibilityTimeout should be at least 6 x the function Timeout (SQS -> Lambda event source). */
function visibilityTimeout(doc: Doc, byId: Map<string, DocNode>): Advice[] {
  const out: Advice[] = [];
  for (const e of doc.edges) {
    const q = byId.get(e.from);
    const fn = byId.get(e.to);
    if (!q || !fn || q.type !== SQS || fn.type !== LAMBDA) continue;
    const vis = value(q, 'properties', 'VisibilityTimeout');
    const timeout = value(fn, 'properties', 'Timeout');
    if (vis === undefined || timeout === undefined || vis >= 6 * timeout) continue;
    const target = Math.min(43_200, 6 * timeout);
    out.push({
      id: `visibility-timeout:${q.id}:${fn.id}`,
      rule: 'visibility-timeout',
      severity: 'warning',
      nodeId: q.id,
      message: `${q.id}'s visibility timeout (${vis} s) is below 6 x ${fn.id}'s timeout (${timeout} s): messages being processed can be received twice.`,
      fixLabel: `Set VisibilityTimeout to ${target} s`,
      fix: (d) => setNodeField(d, q.id, 'properties', 'VisibilityTimeout', target),
    });
  }
  return out;
}

/** A function invoked asynchronously should keep failed events: a DLQ or an on-failure destination. */
function asyncWithoutDlq(doc: Doc, byId: Map<string, DocNode>, options: AdvisorOptions): Advice[] {
  const fixable = options.canConnect(LAMBDA, SQS, 'onFailure');
  const out: Advice[] = [];
  for (const fn of doc.nodes) {
    if (fn.type !== LAMBDA) continue;
    const async = doc.edges.some(
      (e) =>
        e.to === fn.id &&
        (ASYNC_SOURCES.has(byId.get(e.from)?.type ?? '') || getPath(e.properties, 'invocationType') === 'Event'),
    );
    if (!async) continue;
    const kept =
      doc.edges.some((e) => e.from === fn.id && (e.role === 'onFailure' || e.role === 'deadLetter')) ||
      getPath(fn.properties, 'DeadLetterConfig.TargetArn') !== undefined;
    if (kept) continue;
    out.push({
      id: `async-dlq:${fn.id}`,
      rule: 'async-dlq',
      severity: 'warning',
      nodeId: fn.id,
      message: `${fn.id} is invoked asynchronously but has no dead-letter queue or on-failure destination: events that fail every retry are lost.`,
      ...(fixable && {
        fixLabel: 'Add an SQS on-failure queue',
        fix: (d: Doc) => {
          const added = addNode(d, SQS, `${fn.id}Failures`, { x: positionOf(fn).x + 40, y: positionOf(fn).y + 200 });
          return addEdge(added.doc, { from: fn.id, to: added.id, role: 'onFailure' }).doc;
        },
      }),
    });
  }
  return out;
}

/**
 * RedrivePolicy.maxReceiveCount should be at least 5, so a brief throttle does not send good messages to the
 * DLQ. Without a dead-letter queue connected the setting does nothing, and the advice says so instead.
 */
function maxReceiveCount(doc: Doc): Advice[] {
  const out: Advice[] = [];
  for (const q of doc.nodes) {
    if (q.type !== SQS) continue;
    const count = getPath(q.properties, 'RedrivePolicy.maxReceiveCount');
    if (typeof count !== 'number') continue;
    const hasDlq = doc.edges.some((e) => e.from === q.id && (e.role ?? 'deadLetter') === 'deadLetter' && doc.nodes.some((n) => n.id === e.to && n.type === SQS));
    if (!hasDlq) {
      out.push({
        id: `max-receive-count:${q.id}`,
        rule: 'max-receive-count',
        severity: 'warning',
        nodeId: q.id,
        message: `${q.id} sets maxReceiveCount (${count}) but has no dead-letter queue: connect another queue from its failure handle, or messages that keep failing are received again until they expire.`,
      });
      continue;
    }
    if (count >= 5) continue;
    out.push({
      id: `max-receive-count:${q.id}`,
      rule: 'max-receive-count',
      severity: 'warning',
      nodeId: q.id,
      message: `${q.id}'s maxReceiveCount is ${count}: AWS recommends at least 5, or throttled receives move good messages to the dead-letter queue.`,
      fixLabel: 'Set maxReceiveCount to 5',
      fix: (d) => setNodeField(d, q.id, 'properties', 'RedrivePolicy.maxReceiveCount', 5),
    });
  }
  return out;
}

/** The API's integration timeout should not be shorter than the function's: callers get 504 while it still runs. */
function apiTimeout(doc: Doc, byId: Map<string, DocNode>): Advice[] {
  const out: Advice[] = [];
  doc.edges.forEach((e, index) => {
    const api = byId.get(e.from);
    const fn = byId.get(e.to);
    if (!api || !fn || api.type !== API_REST || fn.type !== LAMBDA) return;
    const onEdge = getPath(e.properties, 'TimeoutInMillis');
    const apiMs = typeof onEdge === 'number' ? onEdge : value(api, 'properties', 'TimeoutInMillis');
    const fnS = value(fn, 'properties', 'Timeout');
    if (apiMs === undefined || fnS === undefined || apiMs >= fnS * 1000) return;
    const target = Math.max(1, Math.floor(apiMs / 1000));
    out.push({
      id: `api-timeout:${api.id}:${fn.id}`,
      rule: 'api-timeout',
      severity: 'warning',
      nodeId: fn.id,
      message: `${api.id} gives up after ${apiMs} ms but ${fn.id} may run ${fnS} s: callers get 504 while the function keeps running (and is billed).`,
      fixLabel: `Set ${fn.id}'s Timeout to ${target} s`,
      edgeIndex: index,
      fix: (d) => setNodeField(d, fn.id, 'properties', 'Timeout', target),
    });
  });
  return out;
}

/**
 * An API that is called but has no integration answers every request 500 (the model's "no integration"): the
 * fix connects it to the one function nothing invokes yet, or to a new one.
 */
function apiWithoutIntegration(doc: Doc): Advice[] {
  const out: Advice[] = [];
  for (const api of doc.nodes) {
    if (api.type !== API_REST) continue;
    const called = doc.edges.some((e) => e.to === api.id);
    const integrated = doc.edges.some((e) => e.from === api.id);
    if (!called || integrated) continue;
    const idle = doc.nodes.filter((n) => n.type === LAMBDA && !doc.edges.some((e) => e.to === n.id));
    const target = idle.length === 1 ? idle[0] : null;
    out.push({
      id: `api-integration:${api.id}`,
      rule: 'api-integration',
      severity: 'error',
      nodeId: api.id,
      message: `${api.id} is called but has no integration: API Gateway answers every request with 500. Connect it to a backend (a Lambda function, a queue, a table).`,
      fixLabel: target ? `Connect ${api.id} to ${target.id}` : `Add a Lambda function behind ${api.id}`,
      fix: (d) => {
        if (target) return addEdge(d, { from: api.id, to: target.id }).doc;
        const added = addNode(d, LAMBDA, `${api.id}Handler`, { x: positionOf(api).x + 300, y: positionOf(api).y });
        return addEdge(added.doc, { from: api.id, to: added.id }).doc;
      },
    });
  }
  return out;
}

/** Provisioned concurrency counts inside reserved concurrency, so it cannot exceed it. */
function provisionedAboveReserved(doc: Doc): Advice[] {
  const out: Advice[] = [];
  for (const fn of doc.nodes) {
    if (fn.type !== LAMBDA) continue;
    const reserved = getPath(fn.properties, 'ReservedConcurrentExecutions');
    const provisioned = getPath(fn.properties, 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions');
    if (typeof reserved !== 'number' || typeof provisioned !== 'number' || provisioned <= reserved) continue;
    out.push({
      id: `provisioned-reserved:${fn.id}`,
      rule: 'provisioned-reserved',
      severity: 'error',
      nodeId: fn.id,
      message: `${fn.id} has ${provisioned} provisioned environments but only ${reserved} reserved concurrency: AWS rejects provisioned concurrency above reserved.`,
      fixLabel: `Set provisioned concurrency to ${reserved}`,
      fix: (d) =>
        setNodeField(d, fn.id, 'properties', 'ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions', reserved),
    });
  }
  return out;
}

/** Rules over all nodes of one account (ServiceKind.checkAccount, e.g. reservations above the account's concurrency), as Run applies them. */
function accountLimits(doc: Doc): Advice[] {
  return docAccountProblems(doc).flatMap((p) => {
    const at = nodePath(p.path);
    const node = at ? doc.nodes[at.index] : undefined;
    if (!at || !node) return []; // a settings problem is the scenario inspector's
    return [{ id: `account:${node.id}:${at.rest}`, rule: 'account', severity: 'error' as const, nodeId: node.id, message: `${node.id}: ${p.message}` }];
  });
}

export function adviseOn(doc: Doc, options: AdvisorOptions = registryRules): Advice[] {
  const byId = nodeById(doc);
  return [
    ...accountLimits(doc),
    ...provisionedAboveReserved(doc),
    ...apiWithoutIntegration(doc),
    ...apiTimeout(doc, byId),
    ...visibilityTimeout(doc, byId),
    ...maxReceiveCount(doc),
    ...asyncWithoutDlq(doc, byId, options),
  ];
}
