import { monthlyCostUSD, type ResultDocument } from '../../sim/result.ts';
import { closeMatches } from './closeMatches.ts';
import { parseCheck, type BoolExpr, type NumberExpr } from './parser.ts';

/** `cost.monthly` scales the run's cost to a month of 730 hours (monthlyCostUSD). */
export { SECONDS_PER_MONTH } from '../../sim/result.ts';

/** One figure a check read from the result: `Users.Throttled.Sum` = 1234. */
export interface Figure {
  text: string;
  value: number;
}

/** One comparison of a check with both sides' values, as the lesson panel shows it. */
export interface ComparisonOutcome {
  text: string;
  left: number;
  right: number;
  pass: boolean;
}

export type CheckOutcome =
  | { ok: true; pass: boolean; figures: Figure[]; comparisons: ComparisonOutcome[] }
  | { ok: false; pos: number; message: string };

class CheckNameError extends Error {
  constructor(
    readonly pos: number,
    message: string,
  ) {
    super(`at ${pos}: ${message}`);
  }
}

/** Parses `text` and evaluates it over a result document (docs/scenario-format.md "Result"). */
export function evaluateCheck(text: string, result: ResultDocument): CheckOutcome {
  const parsed = parseCheck(text);
  if (!parsed.ok) return parsed;
  const figures = new Map<string, number>();
  const comparisons: ComparisonOutcome[] = [];
  try {
    const pass = evalBool(parsed.check, { result, figures, comparisons });
    return { ok: true, pass, figures: [...figures].map(([t, value]) => ({ text: t, value })), comparisons };
  } catch (e) {
    if (e instanceof CheckNameError) return { ok: false, pos: e.pos, message: e.message };
    throw e;
  }
}

interface Context {
  result: ResultDocument;
  figures: Map<string, number>;
  comparisons: ComparisonOutcome[];
}

/** Every comparison is evaluated (no short-circuit) so the panel can show every figure that decided the check. */
function evalBool(e: BoolExpr, ctx: Context): boolean {
  switch (e.type) {
    case 'and': {
      const l = evalBool(e.left, ctx);
      const r = evalBool(e.right, ctx);
      return l && r;
    }
    case 'or': {
      const l = evalBool(e.left, ctx);
      const r = evalBool(e.right, ctx);
      return l || r;
    }
    case 'not':
      return !evalBool(e.operand, ctx);
    case 'compare': {
      const left = evalNumber(e.left, ctx);
      const right = evalNumber(e.right, ctx);
      const pass = compare(e.op, left, right);
      ctx.comparisons.push({ text: e.text, left, right, pass });
      return pass;
    }
  }
}

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function evalNumber(e: NumberExpr, ctx: Context): number {
  switch (e.type) {
    case 'number':
      return e.value;
    case 'negate':
      return -evalNumber(e.operand, ctx);
    case 'path': {
      const value = resolvePath(e.segments, e.pos, ctx.result);
      ctx.figures.set(e.text, value);
      return value;
    }
    case 'arithmetic': {
      const a = evalNumber(e.left, ctx);
      const b = evalNumber(e.right, ctx);
      if (e.op === '/' && b === 0) throw new CheckNameError(e.pos, 'division by zero: the figure after "/" is 0 in this run');
      return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : a / b;
    }
  }
}

const COST_FIGURES = ['monthly', 'total'];

/** `cost.monthly`, `cost.total`, `cost.<Node>`, or `<Node>.<Metric>.<Statistic>` (a metric name may hold dots). */
export function resolvePath(segments: readonly string[], pos: number, result: ResultDocument): number {
  const [head, ...rest] = segments;
  const nodeIds = Object.keys(result.nodes);
  if (head === 'cost' && !Object.hasOwn(result.nodes, 'cost')) {
    const nodeCosts = Object.keys(result.cost.nodes);
    const what = rest.join('.');
    if (rest.length === 1 && what === 'total') return result.cost.totalUSD;
    if (rest.length === 1 && what === 'monthly') {
      if (result.simulatedSeconds <= 0) throw new CheckNameError(pos, 'cost.monthly needs a run that simulated some time');
      return monthlyCostUSD(result) as number;
    }
    if (rest.length === 1 && Object.hasOwn(result.cost.nodes, what)) return result.cost.nodes[what];
    if (rest.length === 1 && Object.hasOwn(result.nodes, what)) return 0; // a node with no price costs nothing
    throw new CheckNameError(pos, `unknown cost figure "cost.${what}"; expected cost.monthly, cost.total or cost.<node>${hint(what, [...COST_FIGURES, ...nodeCosts])}`);
  }
  if (!Object.hasOwn(result.nodes, head)) {
    throw new CheckNameError(pos, `no node "${head}" in this scenario${hint(head, nodeIds)}; nodes: ${list(nodeIds)} (and cost.monthly, cost.total)`);
  }
  const node = result.nodes[head];
  const metrics = Object.keys(node.totals);
  if (rest.length < 2) {
    const metric = rest[0];
    const example = metric && Object.hasOwn(node.totals, metric) ? `${head}.${metric}.${Object.keys(node.totals[metric])[0]}` : `${head}.${metrics[0] ?? 'Metric'}.Sum`;
    throw new CheckNameError(pos, `"${segments.join('.')}" needs a node, a metric and a statistic, e.g. ${example}`);
  }
  const stat = rest[rest.length - 1];
  const metric = rest.slice(0, -1).join('.');
  if (!Object.hasOwn(node.totals, metric)) {
    throw new CheckNameError(pos, `node "${head}" (${node.type}) has no metric "${metric}"${hint(metric, metrics)}; its metrics: ${list(metrics)}`);
  }
  const totals = node.totals[metric];
  if (!Object.hasOwn(totals, stat)) {
    const stats = Object.keys(totals);
    throw new CheckNameError(pos, `metric ${head}.${metric} has no statistic "${stat}"${hint(stat, stats)}; its statistics: ${stats.join(', ')}`);
  }
  return totals[stat];
}

function hint(word: string, candidates: readonly string[]): string {
  const close = closeMatches(word, candidates);
  return close.length ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
}

function list(names: readonly string[]): string {
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, ... (${names.length} in all)` : names.join(', ');
}
