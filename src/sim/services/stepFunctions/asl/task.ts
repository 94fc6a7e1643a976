/**
 * The Task state: hands the effective input to the host and waits for its answer, under TimeoutSeconds and
 * HeartbeatSeconds (aws-behaviour.md, Step Functions, "Task" row: both default to 99,999,999 s, so no timer is
 * set unless the state names one). A late answer after a timeout is ignored, as AWS ignores a late
 * SendTaskSuccess.
 */
import { effectiveInput, numberField, type Maybe } from './dataFlow.ts';
import { StatesError, StatesErrors, type Json, type JsonObject } from './errors.ts';
import type { Execution, StateRun } from './execution.ts';
import { parseResource, shortName, type TaskIntegration } from './targets.ts';
import type { Cancellable, TaskCallbacks } from './types.ts';

interface Prepared {
  input: Json;
  timeoutS: number | undefined;
  heartbeatS: number | undefined;
}

const integrations = new WeakMap<object, TaskIntegration>();

export function runTask(exec: Execution, run: StateRun): void {
  const { state, name } = run;
  const resource = state.Resource ?? '';
  let integration = integrations.get(state);
  if (!integration) {
    integration = parseResource(resource);
    integrations.set(state, integration);
  }
  const taskToken = integration.pattern === 'waitForTaskToken' ? makeToken(exec) : undefined;
  const env = exec.env(run, taskToken ? { Task: { Token: taskToken } } : undefined);
  exec.chain(run, () => prepare(run, env), (prepared) => {
    if (!exec.record('TaskScheduled', name, () => ({ resource, parameters: prepared.input }))) return;
    if (!exec.record('TaskStarted', name)) return;
    if (integration.pattern !== 'requestResponse' && !exec.record('TaskSubmitted', name)) return;
    start(exec, run, integration, resource, prepared, taskToken);
  });
}

function prepare(run: StateRun, env: ReturnType<Execution['env']>): Maybe<Prepared> {
  const input = effectiveInput(run.state, env);
  const timeout = numberField(run.state, 'TimeoutSeconds', env, run.raw);
  const heartbeat = numberField(run.state, 'HeartbeatSeconds', env, run.raw);
  if (input instanceof Promise || timeout instanceof Promise || heartbeat instanceof Promise) {
    return Promise.all([input, timeout, heartbeat]).then(([i, t, h]) => checked(run, { input: i, timeoutS: t, heartbeatS: h }));
  }
  return checked(run, { input, timeoutS: timeout, heartbeatS: heartbeat });
}

function checked(run: StateRun, prepared: Prepared): Prepared {
  const { timeoutS, heartbeatS } = prepared;
  if (heartbeatS !== undefined && timeoutS !== undefined && heartbeatS >= timeoutS) {
    throw new StatesError(StatesErrors.Runtime, `State '${run.name}': HeartbeatSeconds (${heartbeatS}) must be smaller than TimeoutSeconds (${timeoutS})`);
  }
  return prepared;
}

function start(exec: Execution, run: StateRun, integration: TaskIntegration, resource: string, prepared: Prepared, taskToken?: string): void {
  const { host } = exec;
  const { name } = run;
  let settled = false;
  let handle: Cancellable | void;
  let timeoutTimer: Cancellable | undefined;
  let heartbeatTimer: Cancellable | undefined;
  const stopTimers = () => {
    timeoutTimer?.cancel();
    heartbeatTimer?.cancel();
  };
  const unregister = run.frame.scope.onCancel(() => {
    if (settled) return;
    settled = true;
    stopTimers();
    handle?.cancel();
  });
  const settle = (): boolean => {
    if (settled || run.frame.scope.cancelled) return false;
    settled = true;
    unregister();
    stopTimers();
    return true;
  };
  const timedOut = (error: string, cause: string) => {
    if (!settle()) return;
    handle?.cancel();
    if (!exec.record('TaskTimedOut', name, () => ({ error, cause }))) return;
    exec.failState(run, new StatesError(error, cause));
  };
  if (prepared.timeoutS !== undefined) {
    timeoutTimer = host.schedule(host.now() + prepared.timeoutS * 1000, () =>
      timedOut(StatesErrors.Timeout, `The task ran longer than TimeoutSeconds (${prepared.timeoutS} s)`),
    );
  }
  const armHeartbeat = () => {
    if (prepared.heartbeatS === undefined) return;
    heartbeatTimer?.cancel();
    heartbeatTimer = host.schedule(host.now() + prepared.heartbeatS * 1000, () =>
      timedOut(StatesErrors.HeartbeatTimeout, `No heartbeat for HeartbeatSeconds (${prepared.heartbeatS} s)`),
    );
  };
  armHeartbeat();
  const callbacks: TaskCallbacks = {
    succeed: (result) => {
      if (!settle()) return;
      if (!exec.record('TaskSucceeded', name, () => ({ output: result }))) return;
      exec.finishWith(run, result);
    },
    fail: (error, cause = '') => {
      if (!settle()) return;
      if (!exec.record('TaskFailed', name, () => ({ error, cause }))) return;
      exec.failState(run, new StatesError(error, cause));
    },
    heartbeat: () => {
      if (!settled) armHeartbeat();
    },
  };
  handle = host.startTask(
    { stateName: name, resource, integration, target: targetOf(integration, resource, prepared.input), input: prepared.input, taskToken, attempt: run.retries.total },
    callbacks,
  );
}

/** The resource a call names, where AWS reads it (its short name, to match a node). */
function targetOf(integration: TaskIntegration, resource: string, input: Json): string | undefined {
  if (!resource.startsWith('arn:aws:states:')) return shortName(resource);
  if (!integration.targetField || input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  if (integration.service === 'events' && integration.action === 'putEvents') {
    const first = Array.isArray(input.Entries) ? (input.Entries[0] as JsonObject | undefined) : undefined;
    const bus = first?.EventBusName;
    return typeof bus === 'string' ? shortName(bus) : 'default';
  }
  const value = input[integration.targetField];
  return typeof value === 'string' ? shortName(value) : undefined;
}

function makeToken(exec: Execution): string {
  let token = '';
  for (let i = 0; i < 4; i++) token += exec.host.random.nextUint32().toString(16).padStart(8, '0');
  return token;
}
