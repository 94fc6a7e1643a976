import type { SimNode } from './model.ts';

/**
 * A kind whose node runs a workflow of its own (a state machine's states) describes how the app draws it live:
 * the graph of its definition, and which of its metrics count each step. Plain data and pure functions, so
 * the app draws the view without knowing the kind.
 */

/** One box of the graph: a step of the workflow, or the start, the end, or the join of a group. */
export interface WorkflowStep {
  /** Unique in the graph; a step's id is its name, markers start with a NUL character. */
  id: string;
  label: string;
  /** The step's type as the definition says it (Task, Choice, ...), or Start / End / Join. */
  type: string;
  role: 'step' | 'start' | 'end' | 'join';
  /** The innermost group the step is drawn in, or null at the top level. */
  group: string | null;
}

/** A frame drawn around steps: a Parallel or Map state and each of its branches. */
export interface WorkflowGroup {
  id: string;
  label: string;
  parent: string | null;
}

export interface WorkflowLink {
  from: string;
  to: string;
  kind: 'next' | 'choice' | 'default' | 'catch' | 'branch';
  label?: string;
}

export interface WorkflowGraph {
  steps: WorkflowStep[];
  groups: WorkflowGroup[];
  links: WorkflowLink[];
}

/** A per-step counter: its label, the metric that counts it, and how a rise in it colours the step. */
export interface StepCounter {
  key: string;
  label: string;
  metric: (step: string) => string;
  tone?: 'failing' | 'retrying';
}

export interface WorkflowView {
  /** The tab's title, e.g. "Workflow". */
  title: string;
  /** The graph of a node's definition, or the reason it cannot be drawn. */
  graph(node: SimNode): WorkflowGraph | { problem: string };
  counters: readonly StepCounter[];
  /** The distribution metric of a step's duration. */
  duration(step: string): string;
  /** What the view calls a sampled run's record, e.g. "Sampled execution history"; absent when the model keeps none. */
  samples?: string;
}

/** Ids of marker steps never collide with step names. */
export const MARK = '\u0000';
