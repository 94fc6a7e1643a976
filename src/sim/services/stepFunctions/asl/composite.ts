/**
 * Parallel and inline Map (aws-behaviour.md, Step Functions, "states" and "Map" rows). Parallel runs every
 * branch on the same input and fails, stopping the other branches, as soon as one branch fails; Map runs its
 * item processor over the items with at most MaxConcurrency iterations at once (0: AWS's "about 40"), keeps
 * results in item order, and fails beyond ToleratedFailureCount/Percentage with
 * States.ExceedToleratedFailureThreshold (or, with neither set, with the first failing iteration's error).
 * Variables of the enclosing scope are readable inside; assignments inside stay inside.
 */
import { effectiveInput, itemInput, mapItems, numberField, type Maybe } from './dataFlow.ts';
import { asStatesError, StatesError, StatesErrors, type Json } from './errors.ts';
import type { Execution, Frame, StateRun } from './execution.ts';
import type { MachinePlan } from './plan.ts';
import { planNamed } from './plan.ts';
import { Scope } from './scope.ts';
import { innerVariables } from './variables.ts';

export function runParallel(exec: Execution, run: StateRun): void {
  const env = exec.env(run);
  if (run.jsonata) {
    exec.chain(run, () => effectiveInput(run.state, env), (input) => startBranches(exec, run, input));
    return;
  }
  // JSONPath data flow answers at once: no closures on every Parallel's path.
  let input: Json;
  try {
    input = effectiveInput(run.state, env) as Json;
  } catch (e) {
    exec.failState(run, asStatesError(e));
    return;
  }
  startBranches(exec, run, input);
}

function startBranches(exec: Execution, run: StateRun, input: Json): void {
  if (!exec.record('ParallelStateStarted', run.name)) return;
  new ParallelRun(exec, run).start(input);
}

/**
 * One run of a Parallel state's branches: results in branch order; the first failure cancels the others. It is
 * also the branches' cancellation scope (one object fewer per run).
 */
class ParallelRun extends Scope {
  private readonly branches: MachinePlan[];
  private readonly results: Json[];
  private remaining: number;
  private ended = false;

  constructor(private readonly exec: Execution, readonly run: StateRun) {
    super(run.frame.scope);
    this.branches = run.plan.inner;
    this.results = new Array<Json>(this.branches.length);
    this.remaining = this.branches.length;
  }

  start(input: Json): void {
    if (this.remaining === 0) return this.succeed();
    for (let index = 0; index < this.branches.length; index++) {
      const branch = this.branches[index];
      this.exec.enterState(new BranchFrame(this, index), branch.start ?? planNamed(branch, branch.machine.StartAt), input);
    }
  }

  branchSucceeded(index: number, output: Json): void {
    if (this.ended) return;
    this.results[index] = output;
    if (--this.remaining === 0) this.succeed();
  }

  branchFailed(error: StatesError): void {
    if (this.ended) return;
    const { exec, run } = this;
    this.ended = true;
    this.cancel();
    error.fromBranch = true;
    if (exec.record('ParallelStateFailed', run.name, exec.history && error.output)) exec.failState(run, error);
  }

  private succeed(): void {
    this.ended = true;
    this.close();
    if (this.exec.record('ParallelStateSucceeded', this.run.name)) this.exec.finishWith(this.run, this.results);
  }
}

class BranchFrame implements Frame {
  readonly variables: Record<string, Json>;
  readonly scope: Scope;

  constructor(private readonly parallel: ParallelRun, private readonly index: number) {
    this.variables = innerVariables(parallel.run.frame.variables);
    this.scope = parallel;
  }

  succeeded(output: Json): void {
    this.parallel.branchSucceeded(this.index, output);
  }

  failed(error: StatesError): void {
    this.parallel.branchFailed(error);
  }
}

interface MapPlan {
  items: Json[];
  input: Json;
  limit: number;
  toleratedCount?: number;
  toleratedPercentage?: number;
}

function planMap(exec: Execution, run: StateRun, env: ReturnType<Execution['env']>): Maybe<MapPlan> {
  const selected = mapItems(run.state, env);
  const parts = [
    selected,
    numberField(run.state, 'MaxConcurrency', env, run.raw),
    numberField(run.state, 'ToleratedFailureCount', env, run.raw),
    numberField(run.state, 'ToleratedFailurePercentage', env, run.raw),
  ] as const;
  const build = ([s, max, count, pct]: [{ items: Json[]; input: Json }, number | undefined, number | undefined, number | undefined]): MapPlan => ({
    items: s.items,
    input: s.input,
    limit: max && max > 0 ? max : exec.inlineMapConcurrency,
    toleratedCount: count,
    toleratedPercentage: pct,
  });
  // Some parts are promises (JSONata) and some plain values: Promise.all settles both.
  if (parts.some((p) => p instanceof Promise)) return Promise.all(parts.map((p) => Promise.resolve(p))).then((v) => build(v as unknown as Parameters<typeof build>[0]));
  return build(parts as unknown as Parameters<typeof build>[0]);
}

export function runMap(exec: Execution, run: StateRun): void {
  const env = exec.env(run);
  const { state, name } = run;
  const processorPlan = run.plan.inner[0];
  const processor = processorPlan.machine;
  exec.chain(run, () => planMap(exec, run, env), (plan) => {
    if (!exec.record('MapStateStarted', name, exec.history && ({ length: plan.items.length }))) return;
    const n = plan.items.length;
    const results = new Array<Json>(n);
    const scope = new Scope(run.frame.scope);
    let next = 0, running = 0, finished = 0, failures = 0;
    let ended = false, launching = false;
    const tolerance = plan.toleratedCount !== undefined || plan.toleratedPercentage !== undefined;
    const exceeded = () =>
      !tolerance ||
      (plan.toleratedCount !== undefined && failures > plan.toleratedCount) ||
      (plan.toleratedPercentage !== undefined && (failures / n) * 100 > plan.toleratedPercentage);

    const iterationDone = (index: number, frame: Frame, outcome: { output: Json } | { error: StatesError }) => {
      if (ended) return;
      frame.scope.close();
      running--;
      finished++;
      if ('error' in outcome) {
        failures++;
        if (!exec.record('MapIterationFailed', name, exec.history && ({ index, ...outcome.error.output }))) return;
        if (exceeded()) {
          ended = true;
          scope.cancel();
          const err = tolerance
            ? new StatesError(StatesErrors.ExceedToleratedFailureThreshold, `${failures} of ${n} iterations of '${name}' failed, more than tolerated`)
            : outcome.error;
          err.fromBranch = true;
          if (exec.record('MapStateFailed', name, exec.history && err.output)) exec.failState(run, err);
          return;
        }
        results[index] = outcome.error.output;
      } else {
        if (!exec.record('MapIterationSucceeded', name, exec.history && ({ index }))) return;
        results[index] = outcome.output;
      }
      launch();
    };

    const launch = () => {
      if (launching) return;
      launching = true;
      while (!ended && running < plan.limit && next < n) {
        const index = next++;
        running++;
        if (!exec.record('MapIterationStarted', name, exec.history && ({ index }))) return;
        const frame: Frame = {
          variables: innerVariables(run.frame.variables),
          scope: new Scope(scope),
          succeeded: (output) => iterationDone(index, frame, { output }),
          failed: (error) => iterationDone(index, frame, { error }),
        };
        exec.chain(
          run,
          () => itemInput(state, env, plan.input, index, plan.items[index]),
          (input) => exec.enterState(frame, processorPlan.start ?? planNamed(processorPlan, processor.StartAt), input),
          (error) => iterationDone(index, frame, { error }),
        );
      }
      launching = false;
      if (!ended && finished === n) {
        ended = true;
        scope.close();
        if (exec.record('MapStateSucceeded', name)) exec.finishWith(run, results);
      }
    };
    launch();
  });
}
