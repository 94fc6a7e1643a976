import type { EdgeRole, SimNode, SimSettings } from '../core/model.ts';
import { erlangB, erlangC } from './erlang.ts';

/**
 * Theory overlays: where a node behaves like a textbook queue (docs/aws-behaviour.md, "Queueing facts"), its kind
 * declares the model's inputs from the scenario (ServiceKind.theory) and predict() turns a measured arrival rate
 * into the figures its charts should show. Pure: the app calls it per period with the smoothed measured rate.
 */

/** What a kind's theory sees of the scenario: every node and edge, with each edge's delivery resolved. */
export interface TheoryScene {
  nodes: readonly SimNode[];
  edges: readonly TheoryEdge[];
  settings: SimSettings;
  /** The theory of another node's kind (its arrivals or its service), if it declares one. */
  theoryOf(type: string): KindTheory | undefined;
  /** The kind's label, for messages ("SQS queue"). */
  labelOf(type: string): string;
}

export interface TheoryEdge {
  from: string;
  to: string;
  role: EdgeRole;
  properties: Record<string, unknown>;
  delivery: 'sync' | 'async';
}

/** How requests leave a node towards its targets: a Poisson stream, or why they are not one. */
export interface ArrivalFacts {
  /** Why the stream is not Poisson (the formulas need Poisson arrivals); empty when it is. */
  broken: string[];
  /** What was assumed to call it Poisson, e.g. "a spike pattern: Poisson at a changing rate". */
  assumptions: string[];
}

/** How a node serves one request, for a queue or a caller that feeds it. */
export interface ServiceFacts {
  /** Mean time a request holds a server, ms. */
  meanMs: number;
  /** The service time's shape in words, e.g. "exponential, mean 100 ms". */
  shape: string;
  exponential: boolean;
  /** The most requests it serves at once. */
  servers: number;
  /** Where `servers` comes from, e.g. "reserved concurrency 100". */
  serversWhy: string;
  /** Why the service time or the servers are not what `meanMs` and `servers` say. */
  broken: string[];
  assumptions: string[];
  /** The share of requests that fail (a queue's consumer then returns them to the queue). */
  failureRate: number;
}

/** A kind's part in queueing theory (ServiceKind.theory); every member optional. */
export interface KindTheory {
  /** The arrival process this node sends on to its targets (`seen`: nodes already asked, against cycles). */
  arrivals?(node: SimNode, scene: TheoryScene, seen: ReadonlySet<string>): ArrivalFacts;
  /** How this node serves requests (servers, service time). */
  service?(node: SimNode, scene: TheoryScene): ServiceFacts;
  /** The overlay on this node's own charts; null where no formula has anything to say about the node. */
  overlay?(node: SimNode, scene: TheoryScene): TheoryOverlay | null;
}

/**
 * A node's overlay: which formula, its fixed inputs, the counters whose rate is the arrival rate, and why it may
 * not hold. With `broken` non-empty, nothing is drawn and the reasons are shown instead.
 */
export interface TheoryOverlay {
  formula: 'erlangB' | 'erlangC';
  /** Counters of this node whose sum per second is the offered arrival rate lambda. */
  arrivals: readonly string[];
  servers: number;
  serversWhy: string;
  meanServiceMs: number;
  serviceShape: string;
  broken: string[];
  assumptions: string[];
  /** A token bucket (e.g. Lambda's request-rate quota) that also refuses requests when the rate comes near it. */
  rateCap?: { perSecond: number; burst: number; why: string };
  /** The metrics its lines sit beside (the charts that get them). */
  lines: readonly TheoryLine[];
}

/** One predicted series: drawn on the chart of `metric`. */
export interface TheoryLine {
  metric: string;
  label: string;
  /** A counter's prediction is a rate per second (the chart scales it to its period); a level's a mean. */
  perSecond: boolean;
  value: (p: TheoryFigures) => number;
}

/** The formula's figures for one arrival rate. */
export interface TheoryFigures {
  lambda: number;
  /** Offered load in Erlangs, lambda x W. */
  offered: number;
  /** Erlang B: the fraction refused; Erlang C: the probability of waiting. */
  probability: number;
  /** Mean number in service (Little: lambda x (1 - B) x W). */
  inService: number;
  /** Erlang C: mean wait in the queue (ms) and mean number waiting (Little: Lq = lambda x Wq). */
  meanWaitMs: number;
  waiting: number;
}

export type Prediction = { ok: true; figures: TheoryFigures; text: string } | { ok: false; text: string };

export const FORMULA_NAMES: Record<TheoryOverlay['formula'], string> = { erlangB: 'Erlang B', erlangC: 'Erlang C' };

/**
 * Whether a token bucket refuses a noticeable share (above about 1 in 1,000) of Poisson arrivals at `lambda`: its
 * deficit is a random walk with drift (cap - lambda) and variance lambda per second, which empties a bucket of depth
 * `burst` with probability about exp(-2 (cap - lambda) burst / lambda) (the diffusion approximation).
 */
function capRefuses(cap: { perSecond: number; burst: number }, lambda: number): boolean {
  if (lambda >= cap.perSecond) return true;
  return (2 * (cap.perSecond - lambda) * cap.burst) / lambda < Math.log(1000);
}

/**
 * The overlay's figures for a measured arrival rate (per second), or why they would be wrong. The text is built
 * each time it is read: a chart's theory track predicts every period but shows only the newest period's text, and
 * formatting the numbers cost five times the formula (25 ms a hundred predictions; long frames at Max speed).
 */
export function predict(o: TheoryOverlay, lambda: number): Prediction {
  const name = FORMULA_NAMES[o.formula];
  if (o.broken.length > 0) return { ok: false, text: `${name} not drawn: ${o.broken.join('; ')}` };
  if (!(lambda >= 0)) return { ok: false, text: `${name}: no arrival rate measured yet` };
  const cap = o.rateCap;
  if (cap && lambda > 0 && capRefuses(cap, lambda)) {
    return {
      ok: false,
      get text() {
        return `${name} not drawn: λ ${rate(lambda)}/s is near ${cap.why} (${rate(cap.perSecond)}/s), which refuses requests too`;
      },
    };
  }
  const w = o.meanServiceMs / 1000;
  const a = lambda * w;
  const c = o.servers;
  const inputs = () => `λ ${rate(lambda)}/s × W ${ms(o.meanServiceMs)} = ${num(a)} Erl, c = ${c}`;
  if (o.formula === 'erlangB') {
    const b = erlangB(c, a);
    const figures: TheoryFigures = { lambda, offered: a, probability: b, inService: a * (1 - b), meanWaitMs: 0, waiting: 0 };
    return {
      ok: true,
      figures,
      get text() {
        return `${name}: ${inputs()} → ${pct(b)} throttled; Little: L = λ(1−B)W = ${num(figures.inService)}`;
      },
    };
  }
  if (a >= c) {
    return {
      ok: false,
      get text() {
        return `${name}: ${inputs()}: the load is at or above the consumers, so the queue grows without bound`;
      },
    };
  }
  const p = erlangC(c, a);
  const wq = (p * w) / (c - a);
  const figures: TheoryFigures = { lambda, offered: a, probability: p, inService: a, meanWaitMs: wq * 1000, waiting: lambda * wq };
  return {
    ok: true,
    figures,
    get text() {
      return `${name}: ${inputs()} → ${pct(p)} wait, Wq ${ms(wq * 1000)}; Little: Lq = λ·Wq = ${num(figures.waiting)}`;
    },
  };
}

/**
 * Exponential smoothing of a per-period rate with time constant `tauSeconds`, so the line follows a changing
 * rate without the noise of each period. The first sample starts it.
 */
export function smoothRate(previous: number | undefined, sample: number, periodSeconds: number, tauSeconds = 10): number {
  if (previous === undefined || !Number.isFinite(previous)) return sample;
  const alpha = 1 - Math.exp(-periodSeconds / tauSeconds);
  return previous + alpha * (sample - previous);
}

function rate(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : String(+v.toFixed(1));
}
function ms(v: number): string {
  return v >= 1000 ? `${+(v / 1000).toFixed(2)} s` : `${+v.toFixed(v < 10 ? 2 : 0)} ms`;
}
function num(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : String(+v.toFixed(2));
}
function pct(v: number): string {
  return `${+(v * 100).toFixed(v < 0.01 ? 2 : 1)}%`;
}
