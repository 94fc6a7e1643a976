/**
 * What every run of a state reads from the definition, read once per definition: its history event names,
 * the plan of its Next (so a step looks up no name), the plans of its branches' and item processor's first
 * states, and its index among all the states of the definition, which listeners count by (the depth-first
 * order of targets.ts's visitMachine).
 */
import type { AslMachine, AslState, StateType } from './types.ts';

export interface StatePlan {
  readonly name: string;
  readonly state: AslState;
  readonly type: StateType;
  readonly enteredEvent: string;
  readonly exitedEvent: string;
  readonly index: number;
  /** The plan Next names; undefined without Next (or, in a definition the loader refused, a Next naming no state). */
  next: StatePlan | undefined;
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
    plan = build(machine, { next: 0 });
    plans.set(machine, plan);
  }
  return plan;
}

function build(machine: AslMachine, counter: { next: number }): MachinePlan {
  const byName = new Map<string, StatePlan>();
  const plan: MachinePlan = { machine, byName, start: undefined };
  const states = machine.States;
  if (states !== null && typeof states === 'object') {
    for (const [name, state] of Object.entries(states)) {
      if (state === null || typeof state !== 'object' || Array.isArray(state)) continue;
      const inner: MachinePlan[] = [];
      byName.set(name, {
        name,
        state,
        type: state.Type,
        enteredEvent: eventName(ENTERED, state.Type, 'StateEntered'),
        exitedEvent: eventName(EXITED, state.Type, 'StateExited'),
        index: counter.next++,
        next: undefined,
        list: plan,
        inner,
        task: undefined,
      });
      if (Array.isArray(state.Branches)) for (const branch of state.Branches) inner.push(build(branch, counter));
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor !== null && typeof processor === 'object') inner.push(build(processor, counter));
    }
  }
  for (const p of byName.values()) if (p.state.Next !== undefined) p.next = byName.get(p.state.Next);
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
