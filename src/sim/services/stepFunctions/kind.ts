import type { ServiceKind } from '../../core/serviceKind.ts';
import { checkCallEdge, definitionProblems, unconnectedTasks } from './definition.ts';
import { stateGraph } from './stateGraph.ts';
import { startExecutionEdge, stepFunctionsBehaviour, stepFunctionsProperties, waitsForTheEnd } from './spec.ts';

const NOT_CW = 'Not a CloudWatch metric:';

/**
 * Through API Gateway, StartSyncExecution waits for the result and StartExecution hands the input over: the API
 * answers at once with its default integration response, whatever StartExecution said (as AWS's default
 * integration response passes a ThrottlingException's 400 on as 200 unless it is mapped).
 */
const byOperation = (p: Record<string, unknown>) => (waitsForTheEnd(p) ? 'sync' : 'async');

/** Per-state metrics: `State:<state name>:<what>`, one set per state of the definition (branches included). */
export const STATE_METRICS = ['Entered', 'Succeeded', 'Failed', 'Retried', 'Caught'] as const;
export const stateMetricName = (state: string, what: (typeof STATE_METRICS)[number] | 'Duration') => `State:${state}:${what}`;

export const stepFunctionsKind: ServiceKind = {
  type: 'AWS::StepFunctions::StateMachine',
  label: 'Step Functions',
  shortName: 'StateMachine',
  category: 'Orchestration',
  description:
    'Runs an Amazon States Language workflow per execution on the simulated clock: Task states call the nodes they name over call edges (Lambda through its real model), with AWS\'s retries, catches, Choice, Parallel, Map and Wait; StartExecution and state-transition quotas; Standard or Express pricing.',
  properties: stepFunctionsProperties,
  behaviour: stepFunctionsBehaviour,
  // Task states call other services' APIs (an SDK call each); the Task's resource names the target node.
  emits: [{ role: 'call', sdk: true }],
  accepts: [
    // An SDK caller (a client's or a function's code) waits for the API call itself: StartExecution answers at once
    // with the execution started, or ThrottlingException (which the caller sees, and a function's SDK retries);
    // StartSyncExecution answers when the execution ends (model.ts receive).
    { role: 'invoke', properties: startExecutionEdge, delivery: 'sync', from: ['Client'] },
    { role: 'invoke', properties: startExecutionEdge, delivery: byOperation, from: ['AWS::ApiGateway::RestApi'] },
    { role: 'call', sdkOnly: true, sdkProperties: startExecutionEdge, delivery: 'sync' },
    { role: 'target', delivery: 'async' }, // an EventBridge rule or schedule starts an execution per event
  ],
  metrics: [
    { name: 'ExecutionsStarted', kind: 'counter', unit: 'Count', help: 'Executions started (StartExecution or StartSyncExecution accepted).' },
    { name: 'ExecutionsSucceeded', kind: 'counter', unit: 'Count', help: 'Executions that ended SUCCEEDED.' },
    { name: 'ExecutionsFailed', kind: 'counter', unit: 'Count', help: 'Executions that ended FAILED (an uncaught error, or States.Runtime).' },
    { name: 'ExecutionsTimedOut', kind: 'counter', unit: 'Count', help: 'Executions that ran past their TimeoutSeconds (1 year Standard, 5 minutes Express, unless the definition says less).' },
    { name: 'ExecutionsAborted', kind: 'counter', unit: 'Count', help: 'Executions stopped (StopExecution).' },
    { name: 'ExecutionThrottled', kind: 'counter', unit: 'Count', help: 'StartExecution calls refused by the account token bucket, shared by its state machines of the type (Standard 1,300 burst / 300 per s; Express 6,000 / 6,000).' },
    { name: 'ExecutionTime', kind: 'distribution', unit: 'Milliseconds', help: 'Time from the start of an execution to its end.' },
    { name: 'ThrottledEvents', kind: 'counter', unit: 'Count', help: 'State transitions beyond the account StateTransition bucket (5,000 burst / 1,500 per s, shared by its Standard machines); counted, not delayed (a departure: AWS slows the executions).' },
    { name: 'ExecutionsRunning', kind: 'level', unit: 'Count', help: `${NOT_CW} executions in progress.` },
    ...STATE_METRICS.map((what) => ({
      name: stateMetricName('<state>', what),
      kind: 'counter' as const,
      unit: 'Count',
      help: `${NOT_CW} per state of the definition (e.g. State:Charge:${what}): times the state was ${what.toLowerCase()}${what === 'Retried' ? ' (each retry of a Retry rule)' : what === 'Caught' ? ' (a Catch rule routed its error)' : ''}.`,
    })),
    { name: stateMetricName('<state>', 'Duration'), kind: 'distribution', unit: 'Milliseconds', help: `${NOT_CW} per state: time from entering the state to leaving it (succeeded, failed or caught).` },
    { name: 'Cost', kind: 'counter', unit: 'USD', help: 'Standard: $0.025 per 1,000 state transitions (retries included); Express: $1.00 per 1M requests plus $0.00001667 per GB-s in 64 MB steps, rounded up to 100 ms (us-east-1, first tier).' },
  ],
  figures: ['ExecutionsStarted', 'ExecutionsFailed', 'ExecutionThrottled'],
  compare: { throttles: ['ExecutionThrottled'], errors: ['ExecutionsFailed', 'ExecutionsTimedOut'] },
  charts: [
    ['ExecutionsStarted', 'ExecutionsSucceeded', 'ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'],
    ['ExecutionThrottled', 'ThrottledEvents'],
    ['ExecutionTime'],
    ['ExecutionsRunning'],
  ],
  icon: {
    color: '#E7157B',
    // Three states joined by transitions, one branching.
    path: 'M4 3h6v4H4zm10 7h6v4h-6zM4 17h6v4H4zM6 7h2v10H6zm2 4h6v2H8z',
  },
  workflow: {
    title: 'Workflow',
    graph: stateGraph,
    counters: [
      { key: 'entered', label: 'entered', metric: (state) => stateMetricName(state, 'Entered') },
      { key: 'succeeded', label: 'succeeded', metric: (state) => stateMetricName(state, 'Succeeded') },
      { key: 'failed', label: 'failed', metric: (state) => stateMetricName(state, 'Failed'), tone: 'failing' },
      { key: 'retried', label: 'retried', metric: (state) => stateMetricName(state, 'Retried'), tone: 'retrying' },
      { key: 'caught', label: 'caught', metric: (state) => stateMetricName(state, 'Caught'), tone: 'failing' },
    ],
    duration: (state) => stateMetricName(state, 'Duration'),
    samples: 'Sampled execution history',
  },
  templates: async () => (await import('./templates.ts')).stepFunctionsTemplates,
  check: definitionProblems,
  checkLazily: async (node) => (await import('./definitionLint.ts')).lintDefinition(node),
  checkConnection: checkCallEdge,
  unconnected: unconnectedTasks,
};
