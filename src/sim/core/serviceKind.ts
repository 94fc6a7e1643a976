import type { z } from 'zod';
import type { EdgeRole, Model, SimContext, SimNode } from './model.ts';
import type { MetricKind } from './metrics.ts';

/** A connection a service allows from itself to another node type. */
export interface ConnectionRule {
  /** Target node type. */
  to: string;
  /** Roles AWS allows for this pair; the first is the default when the edge states none. */
  roles: readonly EdgeRole[];
  /** Edge properties (e.g. the event source mapping's BatchSize), per role. */
  properties?: Partial<Record<EdgeRole, z.ZodObject>>;
}

/** A metric a service publishes, for the result, the UI's charts and the node's live figures. */
export interface MetricInfo {
  name: string;
  kind: MetricKind;
  unit: string;
  help: string;
}

/**
 * Everything about one node kind that is not React: its schema (with AWS defaults and field metadata),
 * the connections it allows, its metrics, its icon and its model. The UI, the runner and the validator
 * read this; adding a service is a folder with one of these and a line in services/registry.ts.
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
  connections: readonly ConnectionRule[];
  metrics: readonly MetricInfo[];
  /** Metrics shown on the canvas node, in order. */
  figures: readonly string[];
  /** Brand colour and an SVG path (24x24 viewBox) for the icon. */
  icon: { color: string; path: string };
  create(ctx: SimContext, node: SimNode): Model;
  /** Checks that need the whole node (cross-field rules); return problems as [property path, message]. */
  check?(node: SimNode): [string, string][];
  /**
   * Checks of one outgoing edge that need both end nodes (e.g. a FIFO topic accepts only FIFO queues); return
   * problems as [path within the edge ('' for the edge itself, or 'properties.X'), message].
   */
  checkConnection?(from: SimNode, to: SimNode, role: EdgeRole, properties: Record<string, unknown>): [string, string][];
}
