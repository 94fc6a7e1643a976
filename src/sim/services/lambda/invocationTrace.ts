import { formatMs, type Trace } from '../../core/journey.ts';
import { Outcome, OUTCOME_NAMES } from '../../core/model.ts';
import type { Invocation } from './invocation.ts';

/** The hops of a sampled request's invocation (core/journey.ts): its cold start's Init, then the handler's run. */
export function traceInvocation(functionId: string, trace: Trace, inv: Invocation, now: number): void {
  const handlerStart = inv.startedAt + inv.initMs;
  // aws-behaviour Lambda "cold start": a new environment runs Init before the handler.
  if (inv.initMs > 0) trace.hop(functionId, 'init', 'cold start (Init)', inv.startedAt, handlerStart, `Init ${formatMs(inv.initMs)}`);
  const outcome = inv.outcome;
  const where = inv.provisioned ? 'provisioned environment' : inv.initMs > 0 ? 'new environment' : 'warm environment';
  const result = outcome === Outcome.FunctionTimeout ? 'Task timed out' : OUTCOME_NAMES[outcome];
  const failed = inv.failedRecords?.length ?? 0;
  const detail = `${result}${failed > 0 ? `, ${failed} failed records reported` : ''} · ${where}`;
  trace.hop(functionId, 'work', 'runs', handlerStart, now, detail, outcome !== Outcome.Ok);
}
