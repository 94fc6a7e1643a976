import type { AdviceFinding, AdviceRule } from '../../core/advice.ts';

const API_REST = 'AWS::ApiGateway::RestApi';
const LAMBDA = 'AWS::Lambda::Function';

/**
 * An API that is called but has no integration answers every request 500 (the model's "no integration"): the
 * fix connects it to the one function nothing invokes yet, or to a new one.
 */
const apiWithoutIntegration: AdviceRule = (view) => {
  const out: AdviceFinding[] = [];
  for (const api of view.nodes) {
    if (api.type !== API_REST) continue;
    const called = view.edges.some((e) => e.to === api.id);
    const integrated = view.edges.some((e) => e.from === api.id);
    if (!called || integrated) continue;
    const idle = view.nodes.filter((n) => n.type === LAMBDA && !view.edges.some((e) => e.to === n.id));
    const target = idle.length === 1 ? idle[0] : null;
    out.push({
      id: `api-integration:${api.id}`,
      rule: 'api-integration',
      severity: 'error',
      nodeId: api.id,
      message: `${api.id} is called but has no integration: API Gateway answers every request with 500. Connect it to a backend (a Lambda function, a queue, a table).`,
      fix: target
        ? { label: `Connect ${api.id} to ${target.id}`, connect: { from: api.id, to: target.id } }
        : {
            label: `Add a Lambda function behind ${api.id}`,
            add: { type: LAMBDA, id: `${api.id}Handler`, near: api.id, dx: 300, dy: 0 },
            connectAdded: { from: api.id },
          },
    });
  }
  return out;
};

/**
 * The API's integration timeout should not be shorter than the Timeout of what it invokes (a function): callers
 * get 504 while it still runs.
 */
const apiTimeout: AdviceRule = (view) => {
  const out: AdviceFinding[] = [];
  view.edges.forEach((e, index) => {
    const api = view.node(e.from);
    const fn = view.node(e.to);
    if (!api || !fn || api.type !== API_REST || view.roleOf(e) !== 'invoke') return;
    const onEdge = view.written(e.properties, 'TimeoutInMillis');
    const apiMs = typeof onEdge === 'number' ? onEdge : view.value(api, 'properties', 'TimeoutInMillis');
    const fnS = view.value(fn, 'properties', 'Timeout');
    if (apiMs === undefined || fnS === undefined || apiMs >= fnS * 1000) return;
    const target = Math.max(1, Math.floor(apiMs / 1000));
    out.push({
      id: `api-timeout:${api.id}:${fn.id}`,
      rule: 'api-timeout',
      severity: 'warning',
      nodeId: fn.id,
      edgeIndex: index,
      message: `${api.id} gives up after ${apiMs} ms but ${fn.id} may run ${fnS} s: callers get 504 while the function keeps running (and is billed).`,
      fix: { label: `Set ${fn.id}'s Timeout to ${target} s`, set: { node: fn.id, section: 'properties', path: 'Timeout', value: target } },
    });
  });
  return out;
};

export const apiGatewayAdvice: readonly AdviceRule[] = [apiWithoutIntegration, apiTimeout];
