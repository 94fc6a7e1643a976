import type { EdgeRole } from '../sim/core/model.ts';

export const SCENARIO_FORMAT = 'serverless-playground/scenario';
export const CURRENT_VERSION = 1;

/** Limits that keep a hostile or runaway document from costing time or memory. */
export const LIMITS = {
  nodes: 500,
  edges: 2000,
  idLength: 64,
  /** Characters in the scenario's name. */
  nameLength: 200,
  durationSeconds: 2_592_000,
  /** Nesting depth below the document root. */
  depth: 32,
  /** Values (objects, arrays, primitives) in the whole document. */
  values: 200_000,
  stringLength: 100_000,
  /** Characters in a property name (CloudFormation's longest names are far shorter). */
  keyLength: 256,
  /** Size of a scenario file or pasted text, in bytes (the largest real scenarios are well under 1 MB). */
  textBytes: 20 * 1024 * 1024,
  /** Problems listed in a validation result; the rest are counted in one closing problem. */
  listedProblems: 100,
} as const;

export interface ScenarioNode {
  id: string;
  type: string;
  position?: { x: number; y: number };
  properties?: Record<string, unknown>;
  behaviour?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ScenarioEdge {
  /** Stable identity for the editor, links and selection; optional in files (restore gives missing ones). */
  id?: string;
  from: string;
  to: string;
  role?: EdgeRole;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The document as stored and edited: only what differs from AWS's defaults; unknown keys are kept. */
export interface ScenarioDoc {
  format: typeof SCENARIO_FORMAT;
  version: typeof CURRENT_VERSION;
  name: string;
  seed?: number;
  durationSeconds?: number;
  settings?: Record<string, unknown>;
  nodes: ScenarioNode[];
  edges: ScenarioEdge[];
  [key: string]: unknown;
}

/** A problem found in a document, with the JSON path of the value it is about (e.g. nodes[2].properties.Timeout). */
export interface Problem {
  path: string;
  message: string;
  severity?: 'error' | 'warning';
}

export const DEFAULT_SEED = 1;
export const DEFAULT_DURATION_SECONDS = 600;
