import type { EdgeRole } from './model.ts';

/**
 * The design advisor's contract with the service kinds: a kind's rules (ServiceKind.advice, loaded lazily) look at
 * the scenario as written and return findings, each with its one-click fix as data. The advisor
 * (components/advisor/) runs every kind's rules and applies a chosen fix to the document.
 */

/** A node of the scenario document as written: unset fields are AWS's defaults (AdviceView.value reads them). */
export interface AdviceNode {
  readonly id: string;
  readonly type: string;
  readonly position?: { x: number; y: number };
  readonly properties?: Record<string, unknown>;
  readonly behaviour?: Record<string, unknown>;
}

export interface AdviceEdge {
  readonly from: string;
  readonly to: string;
  readonly role?: EdgeRole;
  readonly properties?: Record<string, unknown>;
}

/** What a rule may read: the document, and the registry's answers about it. */
export interface AdviceView {
  readonly nodes: readonly AdviceNode[];
  readonly edges: readonly AdviceEdge[];
  node(id: string): AdviceNode | undefined;
  /** A number field of a node: its value, or AWS's default from the node's kind; undefined if neither is a number. */
  value(node: AdviceNode, section: 'properties' | 'behaviour', path: string): number | undefined;
  /** A field of a node or edge's own properties as written (no default), for dotted paths. */
  written(at: Record<string, unknown> | undefined, path: string): unknown;
  /** The edge's role: as written, or the one the registry infers for the pair; undefined when the pair is refused. */
  roleOf(edge: AdviceEdge): EdgeRole | undefined;
  /** Whether the target takes the edge's messages fire-and-forget (an asynchronous invocation, say). */
  isAsync(edge: AdviceEdge): boolean;
  /** Whether the registry allows an edge of this role between these kinds. */
  canConnect(fromType: string, toType: string, role: EdgeRole): boolean;
}

/** A fix as data: set a field; connect two nodes; or add a node beside another and connect it. */
export type AdviceFix =
  | { readonly label: string; readonly set: { node: string; section: 'properties' | 'behaviour'; path: string; value: unknown } }
  | { readonly label: string; readonly connect: { from: string; to: string; role?: EdgeRole } }
  | {
      readonly label: string;
      /** The new node's id is `id` (made unique if taken), placed `dx`, `dy` from `near`. */
      readonly add: { type: string; id: string; near: string; dx: number; dy: number };
      /** Connects `from` to the new node (`to` omitted), or the new node to `to` (`from` omitted). */
      readonly connectAdded: { from?: string; to?: string; role?: EdgeRole };
    };

export interface AdviceFinding {
  /** Stable per rule and place, for React keys and test ids. */
  id: string;
  rule: string;
  severity: 'warning' | 'error';
  nodeId: string;
  edgeIndex?: number;
  message: string;
  /** Absent when the fix needs something the registered service kinds do not allow. */
  fix?: AdviceFix;
}

export type AdviceRule = (view: AdviceView) => AdviceFinding[];
