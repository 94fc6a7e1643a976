/**
 * What every run of a state reads from the definition, read once per definition: its history event names,
 * the plans of its Next and Choice targets (so a step looks up no name), its branches and item processor,
 * and its index among all the states of the definition, which listeners count by (the depth-first order of
 * targets.ts's visitMachine). The state itself is held as a copy with every field of AslState, so that all
 * states share one shape and the interpreter's reads of their fields stay monomorphic (the definition's
 * objects, from JSON, each have their own).
 */
import type { AslMachine, AslState, QueryLanguage, StateType } from './types.ts';

export interface StatePlan {
  readonly name: string;
  /** The state with every AslState field present (undefined where the definition has none). */
  readonly state: AslState;
  readonly type: StateType;
  readonly enteredEvent: string;
  readonly exitedEvent: string;
  readonly index: number;
  /** Its expressions are JSONata: its own QueryLanguage, else its list's (the machine's, else the enclosing list's). */
  readonly jsonata: boolean;
  /** The plan Next names; undefined without Next (or, in a definition the loader refused, a Next naming no state). */
  next: StatePlan | undefined;
  /** Choice: the plan each rule's Next names, and the Default's (undefined as for `next`). */
  choiceNext: (StatePlan | undefined)[];
  defaultNext: StatePlan | undefined;
  /** The states of the same list by name: what a Choice rule or a Catcher names. */
  readonly list: MachinePlan;
  /** Parallel: each branch's plan; Map: the item processor's (as the only element). */
  readonly inner: MachinePlan[];
  /** What a Task state reads at every run (task.ts fills it at the first). */
  task: unknown;
}

export interface MachinePlan {
  readonly machine: AslMachine;
  readonly byName: Map<string, StatePlan>;
  readonly start: StatePlan | undefined;
}

/** History event names of each state type, written once. */
const ENTERED = new Map<string, string>();
const EXITED = new Map<string, string>();
function eventName(names: Map<string, string>, type: string, suffix: string): string {
  let name = names.get(type);
  if (name === undefined) {
    name = `${type}${suffix}`;
    names.set(type, name);
  }
  return name;
}

const plans = new WeakMap<AslMachine, MachinePlan>();

/** The plans of a definition's states (built at its first execution). */
export function machinePlan(machine: AslMachine): MachinePlan {
  let plan = plans.get(machine);
  if (!plan) {
    plan = build(machine, { next: 0 }, 'JSONPath');
    plans.set(machine, plan);
  }
  return plan;
}

function build(machine: AslMachine, counter: { next: number }, outer: QueryLanguage): MachinePlan {
  const language = machine.QueryLanguage ?? outer;
  const byName = new Map<string, StatePlan>();
  const plan: MachinePlan = { machine, byName, start: undefined };
  const states = machine.States;
  if (states !== null && typeof states === 'object') {
    for (const [name, state] of Object.entries(states)) {
      if (state === null || typeof state !== 'object' || Array.isArray(state)) continue;
      const inner: MachinePlan[] = [];
      byName.set(name, {
        name,
        state: uniform(state),
        type: state.Type,
        enteredEvent: eventName(ENTERED, state.Type, 'StateEntered'),
        exitedEvent: eventName(EXITED, state.Type, 'StateExited'),
        index: counter.next++,
        jsonata: (state.QueryLanguage ?? language) === 'JSONata',
        next: undefined,
        choiceNext: [],
        defaultNext: undefined,
        list: plan,
        inner,
        task: undefined,
      });
      if (Array.isArray(state.Branches)) for (const branch of state.Branches) inner.push(build(branch, counter, language));
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor !== null && typeof processor === 'object') inner.push(build(processor, counter, language));
    }
  }
  for (const p of byName.values()) {
    const { Next: next, Choices: choices, Default: otherwise } = p.state;
    if (next !== undefined) p.next = byName.get(next);
    if (Array.isArray(choices)) p.choiceNext = choices.map((rule) => (rule !== null && typeof rule.Next === 'string' ? byName.get(rule.Next) : undefined));
    if (otherwise !== undefined) p.defaultNext = byName.get(otherwise);
  }
  (plan as { start: StatePlan | undefined }).start = byName.get(machine.StartAt);
  return plan;
}

/** The plan of the state `name` of a list; a name the list lacks is a definition the loader should have refused. */
export function planNamed(list: MachinePlan, name: string): StatePlan {
  const plan = list.byName.get(name);
  if (!plan) throw new Error(`The state machine has no state named '${name}'`);
  return plan;
}

/** Every state's plan of a definition, by index. */
export function statePlans(machine: AslMachine): StatePlan[] {
  const out: StatePlan[] = [];
  const add = (list: MachinePlan) => {
    for (const p of list.byName.values()) {
      out[p.index] = p;
      for (const inner of p.inner) add(inner);
    }
  };
  add(machinePlan(machine));
  return out;
}

/** A copy of a state with every field of AslState (the return type makes tsc name any field left out). */
function uniform(s: AslState): { [K in keyof Required<AslState>]: AslState[K] } {
  return {
    Type: s.Type,
    Next: s.Next,
    End: s.End,
    Comment: s.Comment,
    QueryLanguage: s.QueryLanguage,
    InputPath: s.InputPath,
    OutputPath: s.OutputPath,
    Parameters: s.Parameters,
    ResultSelector: s.ResultSelector,
    ResultPath: s.ResultPath,
    Arguments: s.Arguments,
    Output: s.Output,
    Assign: s.Assign,
    Result: s.Result,
    Resource: s.Resource,
    TimeoutSeconds: s.TimeoutSeconds,
    TimeoutSecondsPath: s.TimeoutSecondsPath,
    HeartbeatSeconds: s.HeartbeatSeconds,
    HeartbeatSecondsPath: s.HeartbeatSecondsPath,
    Retry: s.Retry,
    Catch: s.Catch,
    Choices: s.Choices,
    Default: s.Default,
    Seconds: s.Seconds,
    SecondsPath: s.SecondsPath,
    Timestamp: s.Timestamp,
    TimestampPath: s.TimestampPath,
    Error: s.Error,
    ErrorPath: s.ErrorPath,
    Cause: s.Cause,
    CausePath: s.CausePath,
    Branches: s.Branches,
    ItemProcessor: s.ItemProcessor,
    Iterator: s.Iterator,
    ItemsPath: s.ItemsPath,
    Items: s.Items,
    ItemSelector: s.ItemSelector,
    MaxConcurrency: s.MaxConcurrency,
    MaxConcurrencyPath: s.MaxConcurrencyPath,
    ToleratedFailurePercentage: s.ToleratedFailurePercentage,
    ToleratedFailurePercentagePath: s.ToleratedFailurePercentagePath,
    ToleratedFailureCount: s.ToleratedFailureCount,
    ToleratedFailureCountPath: s.ToleratedFailureCountPath,
  };
}
