import { z } from 'zod';
import { choice, duration, fieldMeta, int } from '../../core/fields.ts';

const TYPES = 'Step Functions: Standard vs Express';

/** A definition a new node starts with: valid, and small enough to read in the inspector. */
export const DEFAULT_DEFINITION = {
  Comment: 'Replace with your workflow; Task states name the nodes they call (a node id or ${Name} of DefinitionSubstitutions).',
  StartAt: 'Done',
  States: { Done: { Type: 'Pass', End: true } },
};

const definition = z
  .union([z.record(z.string(), z.unknown()), z.string()], { error: 'must be an Amazon States Language definition: a JSON object or its JSON text' })
  .default(DEFAULT_DEFINITION);
fieldMeta.set(definition, {
  label: 'Definition',
  help: 'The Amazon States Language definition (JSONPath); checked when the scenario loads, each problem named by state and field.',
  group: 'Settings',
  kind: 'json',
  code: true,
  rule: 'Step Functions: states',
});

const substitutions = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]), { error: 'must be an object of names to strings (e.g. {"OrderFunction": "OrderFn"})' })
  .default({});
fieldMeta.set(substitutions, {
  label: 'Definition substitutions',
  help: 'Values for ${Name} in the definition; a Task target bound to a node id calls that node (over an edge from this state machine).',
  group: 'Settings',
  kind: 'json',
});

/** The schema of an AWS::StepFunctions::StateMachine node, with CloudFormation's property names. */
export const stepFunctionsProperties = z.looseObject({
  StateMachineType: choice(['STANDARD', 'EXPRESS'] as const, 'STANDARD', {
    label: 'Type',
    help: 'STANDARD: up to 1 year, billed per state transition; EXPRESS: up to 5 minutes, billed per request and duration, no .sync or callbacks.',
    group: 'Settings',
    rule: TYPES,
  }),
  Definition: definition,
  DefinitionSubstitutions: substitutions,
});

export const stepFunctionsBehaviour = z.looseObject({
  callbackDelay: duration({ distribution: 'lognormal', medianMs: 1000, p99Ms: 10_000 }, {
    label: 'Callback delay',
    help: 'For .waitForTaskToken Tasks: time from the call to SendTaskSuccess (the worker or person that holds the token answers).',
    group: 'Behaviour',
    rule: 'Step Functions: integration patterns',
    assumption: true,
  }),
  billedMemoryMB: int(64, { min: 64, max: 4096 }, {
    label: 'Express memory',
    help: 'Memory an Express execution uses, billed in 64 MB steps; AWS measures it per execution (it grows with the payloads).',
    unit: 'MB',
    group: 'Advanced',
    rule: 'Step Functions: Express',
    assumption: true,
  }),
});

/** How a client, an API or a function's code starts an execution. */
export const startExecutionEdge = z.looseObject({
  operation: choice(['StartExecution', 'StartSyncExecution'] as const, 'StartExecution', {
    label: 'Operation',
    help: 'StartExecution returns at once (the workflow runs on); StartSyncExecution (Express only) waits for the result.',
    group: 'Settings',
    rule: TYPES,
  }),
});

/** Whether a start edge's caller waits for the execution's end (StartSyncExecution), not only for its start. */
export function waitsForTheEnd(edgeProperties: Record<string, unknown>): boolean {
  return edgeProperties.operation === 'StartSyncExecution';
}

export type StepFunctionsProperties = z.output<typeof stepFunctionsProperties>;
export type StepFunctionsBehaviour = z.output<typeof stepFunctionsBehaviour>;

/** DefinitionSubstitutions as strings, as CloudFormation substitutes them. */
export function substitutionStrings(properties: Record<string, unknown>): Record<string, string> {
  const raw = properties.DefinitionSubstitutions;
  if (raw === null || typeof raw !== 'object') return {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v as string | number | boolean)]));
}
