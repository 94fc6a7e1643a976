import { z } from 'zod';
import type { EdgeRole, Model, SimContext, SimNode, SimSettings } from './model.ts';
import type { MetricKind } from './metrics.ts';
import type { KindTheory } from '../theory/overlay.ts';
import type { WorkflowView } from './workflowView.ts';
import type { AdviceRule } from './advice.ts';

/** A role of edge a kind starts (e.g. a function's SDK `call`), with the source's own edge properties. */
export interface EmitRule {
  role: EdgeRole;
  /** Properties of the edge that the source reads (e.g. a client's weight, a function's calls per invocation). */
  properties?: z.ZodObject;
  /** The source calls the target's API from code (an SDK call), so the target's sdkProperties apply. */
  sdk?: boolean;
  /** Target kinds allowed, when AWS restricts the role (e.g. a queue's redrive DLQ is another queue). */
  to?: readonly string[];
}

/** How a target takes messages that arrive over an accepted role. */
export type Delivery = 'sync' | 'async' | ((properties: Record<string, unknown>) => 'sync' | 'async');

/** A role of edge a kind accepts as the target: what it takes, and how. */
export interface AcceptRule {
  role: EdgeRole;
  /** Edge properties the target reads (e.g. the DynamoDB operation of a call). */
  properties?: z.ZodObject;
  /** Further properties when the source makes an SDK call (e.g. the size of each message sent). */
  sdkProperties?: z.ZodObject;
  /** Whether the source waits for an answer (it passes a ReplyTo) or hands the message over (fire and forget). */
  delivery: Delivery;
  /** Source kinds allowed, when not every kind that emits the role may use it (e.g. only a Client invokes an API). */
  from?: readonly string[];
  /** Only SDK calls from code (EmitRule.sdk) may use this role (e.g. Lambda's Invoke API, not a client's request). */
  sdkOnly?: boolean;
}

/** A connection from one kind to another, derived from the source's emits and the target's accepts. */
export interface ConnectionRule {
  /** Target node type. */
  to: string;
  /** Roles allowed for this pair, in the source's order; the first is the default when the edge states none. */
  roles: readonly EdgeRole[];
  /** Edge properties, per role: the source's and the target's merged. */
  properties: Partial<Record<EdgeRole, z.ZodObject>>;
  /** How the target takes a message, per role. */
  delivery: Partial<Record<EdgeRole, Delivery>>;
}

/** A step of a node that names a target its node cannot reach (ServiceKind.unconnected). */
export interface UnconnectedStep {
  step: string;
  target: string;
  /** True when no node of the canvas has that name; false when one does but no edge leads to it. */
  missing: boolean;
}

/**
 * A ready-made configuration a node can start from (e.g. a real state machine definition), offered by the
 * inspector: picking one replaces the properties it names and binds each of its targets to a node.
 */
export interface NodeTemplate {
  id: string;
  title: string;
  /** One line on what it does and what it shows. */
  summary: string;
  /** Where it comes from: the public sample it was copied or adapted from, and what was changed. */
  origin: string;
  /** Properties it sets, replacing the node's values of these keys. */
  properties: Record<string, unknown>;
  /** The nodes it calls, each bound to a node of the canvas whose id is written at `property`. */
  targets: readonly TemplateTarget[];
  /** The request body it reads, as a Client's body fields; null when it reads none. */
  input: Record<string, unknown> | null;
}

/** A node a template calls: a node of `type`, named at `property` (a dotted path under properties). */
export interface TemplateTarget {
  /** The name the template gives it (a node of this id is bound first), e.g. "ProcessOrder". */
  name: string;
  type: string;
  property: string;
  /** Properties of the edge to it (e.g. the DynamoDB operation its Tasks call). */
  edge?: Record<string, unknown>;
}

/** A metric a service publishes, for the result, the UI's charts and the node's live figures. */
export interface MetricInfo {
  name: string;
  kind: MetricKind;
  unit: string;
  help: string;
}

/**
 * What A/B compare (src/compare/) reads of a kind's totals, by metric name; counters are summed. A kind without
 * it has no row of its own in the comparison (its cost still counts).
 */
export interface CompareMetrics {
  /** A distribution whose p50 and p99 are the latency a caller sees. */
  latency?: string;
  /** Counters of requests refused by a throttle. */
  throttles?: readonly string[];
  /** Counters of requests answered with an error. */
  errors?: readonly string[];
  /** Counters of messages that arrive at this node when it is some edge's deadLetter or onFailure target. */
  arrivals?: readonly string[];
  /** A counter of messages this node moved over its own deadLetter edge without a send the target counts. */
  movedToDeadLetter?: string;
}

/**
 * The description of one node kind: its schema (with AWS defaults and field metadata), the edges it starts and
 * accepts, its metrics, charts and icon. Plain data that the app, the validator and the docs read; the model
 * lives in the kind's model.ts and is loaded only by the engine's hosts (services/registry.ts).
 */
export interface ServiceKind {
  type: string;
  label: string;
  /** A short noun for default node names, e.g. "Function". */
  shortName: string;
  category: 'Traffic' | 'API' | 'Compute' | 'Messaging' | 'Storage' | 'Orchestration';
  description: string;
  properties: z.ZodObject;
  behaviour: z.ZodObject;
  /** Edges this kind starts, in the order a pair's default role is chosen. */
  emits: readonly EmitRule[];
  /** Edges this kind accepts as the target. */
  accepts: readonly AcceptRule[];
  /**
   * Why this kind can't send to a target it does not connect to, in words a student can act on (what AWS does
   * instead), keyed by the target's type, or "*" for any target.
   */
  refusals?: Readonly<Record<string, string>>;
  /** Why nothing can send to this kind (e.g. a Client is where traffic starts). */
  refusedAsTarget?: string;
  metrics: readonly MetricInfo[];
  /** Metrics shown on the canvas node, in order. */
  figures: readonly string[];
  /** The node's charts: each a group of metrics drawn together, most telling first. */
  charts: readonly (readonly string[])[];
  /** Brand colour and an SVG path (24x24 viewBox) for the icon. */
  icon: { color: string; path: string };
  /**
   * Lines the inspector shows for a node, from its properties and the scenario's settings (e.g. a schedule's next
   * firing times); a promise, so a kind can load what they need lazily. Null when there is nothing to show.
   */
  inspectorNotes?: (properties: Record<string, unknown>, settings: Record<string, unknown>) => Promise<{ title: string; lines: string[] } | null>;
  /**
   * Rules over all nodes of this kind in one account (e.g. Lambda's reservations within the account's concurrency),
   * given in document order. A problem names a node by its position in `nodes` and a path within it, or, with no
   * node, a path in the scenario's settings. The validator (Run, files) and the inspector (at the field) both ask.
   */
  checkAccount?(nodes: readonly SimNode[], settings: SimSettings): AccountProblem[];
  /** The metrics A/B compare puts side by side for a node of this kind (src/compare/compareResults.ts). */
  compare?: CompareMetrics;
  /**
   * Where queueing theory applies (src/sim/theory/): the arrivals the kind sends on, how it serves a request, and
   * the Erlang / Little overlay on its own charts. Loaded lazily, with the charts (services/theory.ts).
   */
  theory?: () => Promise<KindTheory>;
  /** A node that runs a workflow of its own (a state machine) describes its live graph view here. */
  workflow?: WorkflowView;
  /** The design advisor's rules about nodes of this kind (core/advice.ts), loaded with the advisor's panel. */
  advice?: () => Promise<readonly AdviceRule[]>;
  /** Templates the node can start from, loaded when the inspector shows the node (outside the initial bundle). */
  templates?: () => Promise<readonly NodeTemplate[]>;
  /** Checks that need the whole node (cross-field rules); return problems as [property path, message]. */
  check?(node: SimNode): [string, string][];
  /**
   * Steps of the node that call a node it has no edge to (a Task naming a function that is not on the canvas),
   * for the canvas to mark the node: `targets` holds the ids its outgoing edges reach, `nodes` every node id.
   */
  unconnected?(node: SimNode, targets: ReadonlySet<string>, nodes: ReadonlySet<string>): UnconnectedStep[];
  /**
   * Checks that need a library the app loads only when asked (e.g. asl-validator), for the inspector: problems
   * as [property path, message], the synchronous `check`'s included.
   */
  checkLazily?(node: SimNode): Promise<[string, string][]>;
  /**
   * Checks of one outgoing edge that need both end nodes (e.g. a FIFO topic accepts only FIFO queues); return
   * problems as [path within the edge ('' for the edge itself, or 'properties.X'), message].
   */
  checkConnection?(from: SimNode, to: SimNode, role: EdgeRole, properties: Record<string, unknown>): [string, string][];
}

/** A problem found by ServiceKind.checkAccount. */
export interface AccountProblem {
  /** Position of the node in the list checkAccount was given; absent for a problem in the scenario's settings. */
  node?: number;
  /** Within the node ("properties.ReservedConcurrentExecutions"), or within settings ("lambdaMinimumUnreserved"). */
  path: string;
  message: string;
}

/** Builds a node's model; each kind's model.ts exports one as `createModel`. */
export type ModelFactory = (ctx: SimContext, node: SimNode) => Model;

/** What the engine's hosts need of the registry: descriptions, a model factory per type, how each edge delivers. */
export interface ModelRegistry {
  kind(type: string): ServiceKind;
  factory(type: string): ModelFactory;
  /** Whether messages over an edge are fire-and-forget (the target takes them asynchronously). */
  isAsync(fromType: string, toType: string, role: EdgeRole, properties: Record<string, unknown>): boolean;
}

/**
 * One edge schema from the source's and the target's parts: their fields together, and each part's own
 * cross-field checks (e.g. a filter policy that must compile) run on the whole.
 */
function mergeSchemas(parts: z.ZodObject[]): z.ZodObject {
  if (parts.length === 1) return parts[0];
  const merged = z.looseObject(Object.assign({}, ...parts.map((p) => p.shape)));
  const checked = parts.filter((p) => (p._zod.def.checks?.length ?? 0) > 0);
  if (checked.length === 0) return merged;
  return merged.superRefine((value, ctx) => {
    for (const part of checked) {
      const r = part.safeParse(value);
      if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
    }
  });
}

/** The connections each kind may start, derived from every kind's emits and accepts. */
export function deriveConnections(kinds: readonly ServiceKind[]): Map<string, ConnectionRule[]> {
  const out = new Map<string, ConnectionRule[]>();
  for (const from of kinds) {
    const rules: ConnectionRule[] = [];
    for (const to of kinds) {
      const rule: ConnectionRule = { to: to.type, roles: [], properties: {}, delivery: {} };
      for (const emit of from.emits) {
        if (emit.to && !emit.to.includes(to.type)) continue;
        const accept = to.accepts.find(
          (a) => a.role === emit.role && (!a.from || a.from.includes(from.type)) && (!a.sdkOnly || emit.sdk === true),
        );
        if (!accept || rule.roles.includes(emit.role)) continue;
        const parts = [emit.properties, accept.properties, emit.sdk ? accept.sdkProperties : undefined].filter((p) => p !== undefined);
        (rule.roles as EdgeRole[]).push(emit.role);
        if (parts.length > 0) rule.properties[emit.role] = mergeSchemas(parts);
        rule.delivery[emit.role] = accept.delivery;
      }
      if (rule.roles.length > 0) rules.push(rule);
    }
    out.set(from.type, rules);
  }
  return out;
}

/** Resolves a Delivery for an edge's properties. */
export function deliveryOf(delivery: Delivery | undefined, properties: Record<string, unknown>): 'sync' | 'async' {
  if (delivery === undefined) return 'sync';
  return typeof delivery === 'function' ? delivery(properties) : delivery;
}
