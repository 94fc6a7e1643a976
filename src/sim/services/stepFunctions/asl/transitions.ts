import type { Json, JsonObject } from './errors.ts';

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

const missing = (target: string) => `names ${JSON.stringify(target)}, which is not a state of this machine`;

/** The states a state can move to, with the field that names each: Next, Default, Choices[i].Next, Catch[i].Next. */
function transitions(state: JsonObject, path: string): [string, string][] {
  const out: [string, string][] = [];
  if (typeof state.Next === 'string') out.push([state.Next, `${path}.Next`]);
  if (typeof state.Default === 'string') out.push([state.Default, `${path}.Default`]);
  for (const list of ['Choices', 'Catch'] as const) {
    const rules = state[list];
    if (Array.isArray(rules))
      rules.forEach((rule, i) => {
        if (isObject(rule) && typeof rule.Next === 'string') out.push([rule.Next, `${path}.${list}[${i}].Next`]);
      });
  }
  return out;
}

/**
 * Within one machine (the top level, a Parallel branch, a Map's item processor): every transition names a state
 * of that machine, and every state is reachable from StartAt, as AWS checks when a definition is created (the
 * model would refuse it at Run otherwise). Nested machines are checked on their own.
 */
export function checkTransitions(machine: Json, path: string, report: (path: string, message: string) => void): void {
  if (!isObject(machine) || !isObject(machine.States) || typeof machine.StartAt !== 'string') return;
  const states = machine.States;
  if (!Object.hasOwn(states, machine.StartAt)) {
    report(path === 'States' ? 'StartAt' : `${path.slice(0, -'.States'.length)}.StartAt`, missing(machine.StartAt));
    return;
  }
  const reached = new Set<string>();
  const queue = [machine.StartAt];
  for (const name of queue) reached.add(name);
  while (queue.length > 0) {
    const name = queue.pop() as string;
    const state = states[name];
    if (!isObject(state)) continue;
    for (const [next] of transitions(state, `${path}.${name}`)) {
      if (Object.hasOwn(states, next) && !reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  for (const [name, state] of Object.entries(states)) {
    if (isObject(state))
      for (const [next, at] of transitions(state, `${path}.${name}`))
        if (!Object.hasOwn(states, next)) report(at, missing(next));
    if (!reached.has(name)) report(`${path}.${name}`, `is not reachable: no transition from StartAt (${JSON.stringify(machine.StartAt)}) leads here`);
    if (!isObject(state)) continue;
    if (Array.isArray(state.Branches)) state.Branches.forEach((b, i) => checkTransitions(b, `${path}.${name}.Branches[${i}].States`, report));
    for (const field of ['ItemProcessor', 'Iterator'] as const) if (isObject(state[field])) checkTransitions(state[field], `${path}.${name}.${field}.States`, report);
  }
}
