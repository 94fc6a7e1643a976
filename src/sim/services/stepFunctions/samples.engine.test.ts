/**
 * Real definitions from AWS's Serverless Patterns (asl/fixtures/README.md) running through the engine: a
 * client starts executions, and each Task calls the Lambda, DynamoDB or SNS node it names over a call edge.
 * The samples that call services the canvas has no node for (S3, Comprehend, EventBridge, an HTTP API) are
 * run against asl/testHost.ts in asl/samples.test.ts instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag } from 'yaml';
import { scenario, sum, total } from '../../testing.ts';

const SM = 'AWS::StepFunctions::StateMachine';
const FN = 'AWS::Lambda::Function';
const TABLE = 'AWS::DynamoDB::Table';
const TOPIC = 'AWS::SNS::Topic';
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./asl/fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
/** CloudFormation short forms read as the logical id they name (the canvas names nodes by logical id). */
const cfnTags: ScalarTag[] = [
  { tag: '!Ref', resolve: (s: string) => s },
  { tag: '!GetAtt', resolve: (s: string) => s.split('.')[0] },
  { tag: '!Sub', resolve: (s: string) => s },
];
/** A template's inline Definition, with `Fn::Sub` resolved the way CloudFormation does before deploying it. */
function inlineDefinition(templateFile: string): Record<string, unknown> {
  const text = readFileSync(new URL(`./asl/fixtures/${templateFile}`, import.meta.url), 'utf8');
  const template = parse(text, { customTags: cfnTags }) as { Resources: Record<string, { Type: string; Properties: { Definition?: unknown } }> };
  const machine = Object.values(template.Resources).find((r) => r.Type === 'AWS::Serverless::StateMachine');
  const pseudo: Record<string, string> = { 'AWS::Region': 'us-east-1', 'AWS::AccountId': '123456789012' };
  return JSON.parse(JSON.stringify(machine!.Properties.Definition, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && 'Fn::Sub' in value) return String((value as Record<string, unknown>)['Fn::Sub']).replace(/\$\{([^}]+)\}/g, (_m, name: string) => pseudo[name] ?? name);
    return value;
  })) as Record<string, unknown>;
}
const fast = { duration: { distribution: 'constant', valueMs: 50 }, coldStartMs: { distribution: 'constant', valueMs: 0 } };

describe('serverless-patterns definitions in scenarios', () => {
  it('eventbridge-pipes-ddb-stream-lambda-sfn-enrich: every execution waits 30 s of simulated time', () => {
    const sim = scenario({ durationSeconds: 100 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1 })
      .node('Enrich', SM, { Definition: fixture('eventbridge-pipes-ddb-stream-lambda-sfn-enrich.asl.json') })
      .edge('Users', 'Enrich')
      .run();
    const time = total(sim, 'Enrich', 'ExecutionTime');
    expect(time.Minimum).toBe(30_000);
    expect(time.Maximum).toBe(30_000);
    // Started in the first 70 s: done by the end.
    expect(sum(sim, 'Enrich', 'ExecutionsSucceeded')).toBeGreaterThanOrEqual(70);
  });

  it('sfn-sns: each execution publishes once to the substituted topic', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 5 }, { body: { message: 'hello' } })
      .node('Notify', SM, { Definition: fixture('sfn-sns.asl.json'), DefinitionSubstitutions: { StateMachineSNSTopic: 'arn:aws:sns:us-east-1:123456789012:AlertsTopic' } })
      .node('AlertsTopic', TOPIC)
      .edge('Users', 'Notify')
      .edge('Notify', 'AlertsTopic')
      .run();
    const succeeded = sum(sim, 'Notify', 'ExecutionsSucceeded');
    expect(succeeded).toBeGreaterThanOrEqual(48);
    expect(sum(sim, 'AlertsTopic', 'NumberOfMessagesPublished')).toBe(succeeded);
  });

  it('apigw-rest-stepfunction: writes a status, waits until StartTimestamp, then updates it', () => {
    const sim = scenario({ durationSeconds: 60 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 1 }, { body: { Id: { sequence: 1 }, StartTimestamp: '2025-01-01T00:00:40Z' } })
      .node('Jobs', SM, { Definition: fixture('apigw-rest-stepfunction.asl.json'), DefinitionSubstitutions: { DDBTable: 'StatusTable' } })
      .node('StatusTable', TABLE)
      .edge('Users', 'Jobs')
      .edge('Jobs', 'StatusTable', { properties: { operation: 'PutItem' } })
      .run();
    // Simulated time 0 is 2025-01-01T00:00:00Z: every execution started before 40 s ends just after 40 s.
    const time = total(sim, 'Jobs', 'ExecutionTime');
    expect(time.Maximum).toBeLessThanOrEqual(40_100);
    expect(sum(sim, 'Jobs', 'State:WaitUntil:Entered')).toBe(sum(sim, 'Jobs', 'ExecutionsStarted'));
    expect(sum(sim, 'Jobs', 'State:SetFinalStatus:Succeeded')).toBe(sum(sim, 'Jobs', 'ExecutionsSucceeded'));
    expect(sum(sim, 'Jobs', 'ExecutionsSucceeded')).toBeGreaterThanOrEqual(39);
    expect(sim.warnings.join('\n')).toMatch(/Tasks call updateItem on StatusTable, but its edge's operation is PutItem/);
  });

  it('sfn-lambda-lambda: the two substituted functions each run once per execution', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 10 }, { body: { n: { sequence: 1 } } })
      .node('Chain', SM, {
        Definition: fixture('sfn-lambda-lambda.asl.json'),
        DefinitionSubstitutions: { FirstFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:FirstFunction', SecondFunctionARN: 'SecondFunction' },
      })
      .node('FirstFunction', FN, {}, fast)
      .node('SecondFunction', FN, {}, fast)
      .edge('Users', 'Chain')
      .edge('Chain', 'FirstFunction')
      .edge('Chain', 'SecondFunction')
      .run();
    const succeeded = sum(sim, 'Chain', 'ExecutionsSucceeded');
    expect(succeeded).toBeGreaterThanOrEqual(98);
    expect(sum(sim, 'SecondFunction', 'Invocations')).toBe(succeeded);
    expect(sum(sim, 'FirstFunction', 'Invocations')).toBeGreaterThanOrEqual(succeeded);
    expect(total(sim, 'Chain', 'ExecutionTime').Minimum).toBeGreaterThanOrEqual(100);
  });

  it('sfn-lambda-dynamodb: a throttled function fails the execution with Lambda.TooManyRequestsException', () => {
    const sim = scenario({ durationSeconds: 10 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 20 })
      .node('Store', SM, { Definition: fixture('sfn-lambda-dynamodb.asl.json'), DefinitionSubstitutions: { LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:LambdaFunction' } })
      .node('LambdaFunction', FN, { ReservedConcurrentExecutions: 1 }, { duration: { distribution: 'constant', valueMs: 200 }, coldStartMs: { distribution: 'constant', valueMs: 0 } })
      .edge('Users', 'Store')
      .edge('Store', 'LambdaFunction')
      .run();
    // One environment at 200 ms serves 5 a second of the 20: the rest are throttled, and the definition has no Retry.
    const failed = sum(sim, 'Store', 'ExecutionsFailed');
    expect(failed).toBe(sum(sim, 'LambdaFunction', 'Throttles'));
    expect(sum(sim, 'Store', 'ExecutionsSucceeded')).toBe(sum(sim, 'LambdaFunction', 'Invocations'));
    expect(failed / sum(sim, 'Store', 'ExecutionsStarted')).toBeCloseTo(0.75, 1);
  });

  it('apigw-sfn-crud: the Choices route each HTTP method to its DynamoDB task', () => {
    const sim = scenario({ durationSeconds: 20 })
      .node('Creators', 'Client', { pattern: 'constant', ratePerSecond: 2 }, { body: { httpMethod: 'POST', 'data.name.S': 'x' } })
      .node('Editors', 'Client', { pattern: 'constant', ratePerSecond: 6 }, { body: { httpMethod: { oneOf: ['PUT', 'DELETE', 'GET'] }, pathParam: 'id-1', 'data.name.S': 'y' } })
      .node('Crud', SM, { Definition: fixture('apigw-sfn-crud.asl.json'), DefinitionSubstitutions: { DDBTable: 'DataBase' } })
      .node('DataBase', TABLE)
      .edge('Creators', 'Crud')
      .edge('Editors', 'Crud')
      .edge('Crud', 'DataBase', { properties: { operation: 'PutItem' } })
      .run();
    const n = (m: string) => sum(sim, 'Crud', m);
    expect(n('ExecutionsFailed')).toBe(0);
    expect(n('State:Create Item:Entered')).toBeGreaterThanOrEqual(38);
    expect(n('State:Scan:Entered')).toBe(0);
    const edits = n('State:Update Item:Entered') + n('State:DynamoDB DeleteItem:Entered') + n('State:Get Item:Entered');
    expect(edits).toBeGreaterThanOrEqual(118);
    for (const state of ['Update Item', 'DynamoDB DeleteItem', 'Get Item']) expect(n(`State:${state}:Entered`)).toBeGreaterThan(edits / 6);
  });

  it('lambda-step-functions-sam-java: a failing payment function is caught and the order cancelled', () => {
    const functions = { ProcessOrder: 'ProcessOrder', ProcessPayment: 'ProcessPayment', ReserveInventory: 'ReserveInventory', CancelOrder: 'CancelOrder' };
    let build = scenario({ durationSeconds: 20 })
      .node('Users', 'Client', { pattern: 'constant', ratePerSecond: 10 }, { body: { orderId: { sequence: 1 } } })
      .node('Orders', SM, { Definition: fixture('lambda-step-functions-sam-java.asl.json'), DefinitionSubstitutions: functions })
      .edge('Users', 'Orders');
    for (const fn of Object.keys(functions)) build = build.node(fn, FN, {}, { ...fast, errorRate: fn === 'ProcessPayment' ? 0.3 : 0 }).edge('Orders', fn);
    const sim = build.run();
    const n = (m: string) => sum(sim, 'Orders', m);
    expect(n('ExecutionsFailed')).toBe(0);
    expect(n('State:ProcessPayment:Caught')).toBe(sum(sim, 'ProcessPayment', 'Errors'));
    expect(n('State:CancelOrder:Entered')).toBe(n('State:ProcessPayment:Caught'));
    expect(n('State:CancelOrder:Entered') / n('State:ProcessPayment:Entered')).toBeCloseTo(0.3, 1);
    expect(n('State:ReserveInventory:Succeeded') + n('State:CancelOrder:Succeeded')).toBe(n('ExecutionsSucceeded'));
  });

  it('s3-event-sfn-lambda-ddb-sns (inline Definition): waits for the task token, then publishes to the topic', () => {
    const sim = scenario({ durationSeconds: 60 })
      .node('Uploads', 'Client', { pattern: 'constant', ratePerSecond: 2 }, { body: { 'detail.object.key': 'photo.jpg' } })
      .node('UpdateTableStateMachine', SM, { Definition: inlineDefinition('s3-event-sfn-lambda-ddb-sns.template.yaml') }, { callbackDelay: { distribution: 'constant', valueMs: 5000 } })
      .node('MyLambdaFunction', FN, {}, fast)
      .node('my-sns-topic', TOPIC)
      .edge('Uploads', 'UpdateTableStateMachine')
      .edge('UpdateTableStateMachine', 'MyLambdaFunction')
      .edge('UpdateTableStateMachine', 'my-sns-topic')
      .run();
    const n = (m: string) => sum(sim, 'UpdateTableStateMachine', m);
    expect(n('ExecutionsFailed')).toBe(0);
    // The function's 50 ms, the 5 s until SendTaskSuccess, then the publish.
    expect(total(sim, 'UpdateTableStateMachine', 'ExecutionTime').Minimum).toBeGreaterThanOrEqual(5050);
    expect(total(sim, 'UpdateTableStateMachine', 'ExecutionTime').Maximum).toBeLessThan(5200);
    expect(n('ExecutionsSucceeded')).toBeGreaterThanOrEqual(108);
    expect(sum(sim, 'my-sns-topic', 'NumberOfMessagesPublished')).toBe(n('ExecutionsSucceeded'));
    expect(sum(sim, 'MyLambdaFunction', 'Invocations')).toBe(n('ExecutionsStarted'));
  });
});
