/**
 * Checks asl-validator does not make, and the explicit refusals of what the simulation does not model
 * (distributed Map, ItemBatcher, activities, .sync or callbacks on Express). Every problem names the state
 * and the field, e.g. `States.ProcessOrder.Retry[0].BackoffRate: must be >= 1`.
 */
import { CHOICE_OPERATORS, isTimestamp, operatorOf } from './choiceRules.ts';
import { StatesError, type Json, type JsonObject } from './errors.ts';
import { isJsonataExpression } from './jsonataSyntax.ts';
import { parseIntrinsic } from './intrinsicSyntax.ts';
import { compilePath } from './pathSyntax.ts';
import { parseResource, visitMachine } from './targets.ts';
import type { ExecutionType } from './types.ts';
import { checkTransitions } from './transitions.ts';

export interface DefinitionProblem {
  /** Where, as a path into the definition: `States.Name.Field[0].Sub` (or `definition`). */
  path: string;
  message: string;
}

type Report = (path: string, message: string) => void;

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt = (v: Json | undefined): v is number => typeof v === 'number' && Number.isInteger(v);

/** Compiles a `{% %}` expression or throws a StatesError (jsonataEval.ts's compileJsonata). */
export type JsonataCompiler = (text: string) => unknown;

/**
 * Every check of a definition. JSONata expressions are compiled only with `compileJsonata` (jsonata is a
 * library the app's bundle leaves out); without it they are not checked here.
 */
export function checkDefinition(definition: JsonObject, type: ExecutionType = 'STANDARD', compileJsonata?: JsonataCompiler): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message) => {
    if (problems.length < 200) problems.push({ path, message });
  };
  const topLanguage = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  checkTransitions(definition, 'States', report);
  visitMachine(definition, (name, state, path) => {
    const jsonata = (state.QueryLanguage ?? topLanguage) === 'JSONata';
    checkRetriers(state.Retry, `${path}.Retry`, report);
    checkCatchers(state.Catch, `${path}.Catch`, report);
    if (state.Type === 'Task') checkTask(state, path, type, report);
    if (state.Type === 'Map') checkMap(state, path, report);
    if (state.Type === 'Choice') checkChoices(state.Choices, `${path}.Choices`, jsonata, report, true);
    if (state.Type === 'Wait' && typeof state.Timestamp === 'string' && !isJsonataExpression(state.Timestamp) && !isTimestamp(state.Timestamp)) {
      report(`${path}.Timestamp`, `${JSON.stringify(state.Timestamp)} is not an RFC 3339 timestamp such as 2026-03-14T01:59:00Z`);
    }
    for (const field of ['InputPath', 'OutputPath', 'ResultPath', 'ItemsPath', 'SecondsPath', 'TimestampPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath']) {
      const value = state[field];
      if (typeof value === 'string') checkPath(value, `${path}.${field}`, report);
    }
    for (const field of ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign']) {
      if (state[field] !== undefined && !jsonata) checkTemplate(state[field], `${path}.${field}`, report);
    }
    if (jsonata) checkJsonataFields(state, path, report, compileJsonata);
    void name;
  });
  return problems;
}

/**
 * The skeleton every other check relies on: StartAt, States as an object, every state an object with a
 * Type, every branch and item processor a machine. Checked first, so the rest never meets a null state.
 */
const STATE_TYPES = ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'];

export function checkShape(machine: Json, path = 'definition'): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const at = (field: string) => (path === 'definition' ? field : `${path}.${field}`);
  if (!isObject(machine)) return [{ path, message: 'must be an object with StartAt and States' }];
  if (typeof machine.StartAt !== 'string') problems.push({ path: at('StartAt'), message: 'must be the name of a state' });
  if (!isObject(machine.States)) return [...problems, { path: at('States'), message: 'must be an object of states by name' }];
  for (const [name, state] of Object.entries(machine.States)) {
    const statePath = at(`States.${name}`);
    if (!isObject(state)) {
      problems.push({ path: statePath, message: 'must be an object with a Type' });
      continue;
    }
    if (typeof state.Type !== 'string' || !STATE_TYPES.includes(state.Type)) {
      problems.push({ path: `${statePath}.Type`, message: `must be one of ${STATE_TYPES.join(', ')}` });
    }
    if (state.Branches !== undefined) {
      if (!Array.isArray(state.Branches)) problems.push({ path: `${statePath}.Branches`, message: 'must be a list of state machines' });
      else state.Branches.forEach((branch, i) => problems.push(...checkShape(branch, `${statePath}.Branches[${i}]`)));
    }
    for (const field of ['ItemProcessor', 'Iterator']) {
      if (state[field] !== undefined) problems.push(...checkShape(state[field], `${statePath}.${field}`));
    }
  }
  return problems.slice(0, 200);
}

function checkRetriers(retry: Json | undefined, path: string, report: Report): void {
  if (retry === undefined) return;
  if (!Array.isArray(retry)) return report(path, 'must be a list of retriers');
  retry.forEach((r, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(r)) return report(at, 'must be an object');
    checkErrorEquals(r.ErrorEquals, `${at}.ErrorEquals`, report, i === retry.length - 1);
    if (r.IntervalSeconds !== undefined && !(isInt(r.IntervalSeconds) && r.IntervalSeconds >= 1 && r.IntervalSeconds <= 99_999_999)) {
      report(`${at}.IntervalSeconds`, 'must be an integer from 1 to 99999999');
    }
    if (r.MaxAttempts !== undefined && !(isInt(r.MaxAttempts) && r.MaxAttempts >= 0 && r.MaxAttempts <= 99_999_999)) {
      report(`${at}.MaxAttempts`, 'must be an integer from 0 to 99999999 (0 never retries)');
    }
    if (r.BackoffRate !== undefined && !(typeof r.BackoffRate === 'number' && r.BackoffRate >= 1)) report(`${at}.BackoffRate`, 'must be >= 1');
    if (r.MaxDelaySeconds !== undefined && !(isInt(r.MaxDelaySeconds) && r.MaxDelaySeconds >= 1 && r.MaxDelaySeconds < 31_622_400)) {
      report(`${at}.MaxDelaySeconds`, 'must be an integer from 1 to 31622399');
    }
    if (r.JitterStrategy !== undefined && r.JitterStrategy !== 'FULL' && r.JitterStrategy !== 'NONE') {
      report(`${at}.JitterStrategy`, 'must be FULL or NONE');
    }
  });
}

function checkCatchers(catchers: Json | undefined, path: string, report: Report): void {
  if (catchers === undefined) return;
  if (!Array.isArray(catchers)) return report(path, 'must be a list of catchers');
  catchers.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(c)) return report(at, 'must be an object');
    checkErrorEquals(c.ErrorEquals, `${at}.ErrorEquals`, report, i === catchers.length - 1);
    if (typeof c.ResultPath === 'string') checkPath(c.ResultPath, `${at}.ResultPath`, report);
  });
}

function checkErrorEquals(errorEquals: Json | undefined, path: string, report: Report, last: boolean): void {
  if (!Array.isArray(errorEquals) || errorEquals.length === 0 || !errorEquals.every((e) => typeof e === 'string')) {
    return report(path, 'must be a non-empty list of error names');
  }
  if (errorEquals.includes('States.ALL') && (errorEquals.length > 1 || !last)) {
    report(path, 'States.ALL must appear alone, in the last retrier or catcher');
  }
}

function checkTask(state: JsonObject, path: string, type: ExecutionType, report: Report): void {
  if (typeof state.Resource !== 'string' || state.Resource === '') {
    return report(`${path}.Resource`, 'must be an ARN (or a node name given by DefinitionSubstitutions)');
  }
  const integration = parseResource(state.Resource);
  if (integration.service === 'activity') {
    report(`${path}.Resource`, 'activities (workers polling GetActivityTask) are not simulated; use a Lambda or service integration');
  }
  if (type === 'EXPRESS' && integration.pattern !== 'requestResponse') {
    report(`${path}.Resource`, `Express workflows do not support .${integration.pattern === 'sync' ? 'sync' : 'waitForTaskToken'} (aws-behaviour.md, Express row)`);
  }
  for (const field of ['TimeoutSeconds', 'HeartbeatSeconds']) {
    const v = state[field];
    if (v !== undefined && !isJsonataExpression(v) && !(isInt(v) && v >= 1 && v <= 99_999_999)) {
      report(`${path}.${field}`, 'must be an integer from 1 to 99999999');
    }
  }
  if (isInt(state.TimeoutSeconds) && isInt(state.HeartbeatSeconds) && state.HeartbeatSeconds >= state.TimeoutSeconds) {
    report(`${path}.HeartbeatSeconds`, 'must be smaller than TimeoutSeconds');
  }
}

function checkMap(state: JsonObject, path: string, report: Report): void {
  const processor = isObject(state.ItemProcessor) ? state.ItemProcessor : undefined;
  const config = processor && isObject(processor.ProcessorConfig) ? processor.ProcessorConfig : undefined;
  if (config?.Mode === 'DISTRIBUTED') {
    report(`${path}.ItemProcessor.ProcessorConfig.Mode`, 'distributed Map (child executions) is not simulated yet; use Mode INLINE');
  }
  for (const field of ['ItemReader', 'ItemBatcher', 'ResultWriter']) {
    if (state[field] !== undefined) report(`${path}.${field}`, `${field} belongs to distributed Map, which is not simulated yet`);
  }
  const max = state.MaxConcurrency;
  if (max !== undefined && !isJsonataExpression(max) && !(isInt(max) && max >= 0)) report(`${path}.MaxConcurrency`, 'must be an integer >= 0');
  const pct = state.ToleratedFailurePercentage;
  if (pct !== undefined && !isJsonataExpression(pct) && !(typeof pct === 'number' && pct >= 0 && pct <= 100)) {
    report(`${path}.ToleratedFailurePercentage`, 'must be a number from 0 to 100');
  }
  const count = state.ToleratedFailureCount;
  if (count !== undefined && !isJsonataExpression(count) && !(isInt(count) && count >= 0)) {
    report(`${path}.ToleratedFailureCount`, 'must be an integer >= 0');
  }
}

function checkChoices(rules: Json | undefined, path: string, jsonata: boolean, report: Report, top: boolean): void {
  if (!Array.isArray(rules)) return;
  rules.forEach((rule, i) => checkRule(rule, `${path}[${i}]`, jsonata, report, top));
}

function checkRule(rule: Json, at: string, jsonata: boolean, report: Report, top: boolean): void {
  if (!isObject(rule)) return report(at, 'must be an object');
  if (jsonata) {
    if (!isJsonataExpression(rule.Condition)) report(`${at}.Condition`, 'must be a {% JSONata %} expression');
    return;
  }
  for (const combinator of ['And', 'Or'] as const) {
    if (rule[combinator] === undefined) continue;
    if (!Array.isArray(rule[combinator])) return report(`${at}.${combinator}`, 'must be a list of rules');
    return checkChoices(rule[combinator], `${at}.${combinator}`, jsonata, report, false);
  }
  if (rule.Not !== undefined) {
    if (!isObject(rule.Not)) return report(`${at}.Not`, 'must be a rule (an object)');
    return checkRule(rule.Not, `${at}.Not`, jsonata, report, false);
  }
  const op = operatorOf(rule);
  if (typeof rule.Variable !== 'string') report(`${at}.Variable`, 'is required');
  else checkPath(rule.Variable, `${at}.Variable`, report);
  if (op === undefined) report(at, `needs a comparison such as StringEquals (one of ${CHOICE_OPERATORS.length} operators)`);
  else if (!CHOICE_OPERATORS.includes(op)) report(`${at}.${op}`, 'is not a Choice operator');
  else if (op.endsWith('Path') && typeof rule[op] === 'string') checkPath(rule[op], `${at}.${op}`, report);
  if (!top && rule.Next !== undefined) report(`${at}.Next`, 'only a top-level Choice rule has Next');
}

function checkPath(path: string, at: string, report: Report): void {
  if (path.startsWith('States.')) return checkIntrinsic(path, at, report);
  try {
    compilePath(path);
  } catch (e) {
    report(at, (e as Error).message);
  }
}

function checkIntrinsic(expression: string, at: string, report: Report): void {
  try {
    parseIntrinsic(expression);
  } catch (e) {
    report(at, e instanceof StatesError ? e.cause : String(e));
  }
}

function checkTemplate(template: Json, path: string, report: Report): void {
  if (Array.isArray(template)) return template.forEach((item, i) => checkTemplate(item, `${path}[${i}]`, report));
  if (!isObject(template)) return;
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$')) {
      if (typeof value !== 'string') report(`${path}.${key}`, 'must be a path or an intrinsic function (a string)');
      else checkPath(value, `${path}.${key}`, report);
    } else checkTemplate(value, `${path}.${key}`, report);
  }
}

function checkJsonataFields(state: JsonObject, path: string, report: Report, compileJsonata: JsonataCompiler | undefined): void {
  const visit = (value: Json | undefined, at: string): void => {
    if (isJsonataExpression(value)) {
      if (!compileJsonata) return;
      try {
        compileJsonata(value);
      } catch (e) {
        report(at, e instanceof StatesError ? e.cause : String(e));
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${at}[${i}]`));
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) visit(v, `${at}.${k}`);
  };
  for (const field of ['Arguments', 'Output', 'Assign', 'Items', 'ItemSelector', 'Seconds', 'Timestamp', 'TimeoutSeconds', 'HeartbeatSeconds', 'Error', 'Cause']) {
    visit(state[field], `${path}.${field}`);
  }
  for (const field of ['InputPath', 'OutputPath', 'Parameters', 'ResultSelector', 'ResultPath', 'ItemsPath']) {
    if (state[field] !== undefined) report(`${path}.${field}`, `is a JSONPath field; a JSONata state uses Arguments, Output and Assign`);
  }
}
