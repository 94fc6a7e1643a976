/**
 * Twelve real definitions from AWS's Serverless Patterns (fixtures/README.md) validate, list their targets,
 * and run to completion against a fake host, each with an assertion on what happened.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag } from 'yaml';
import type { Json, JsonObject } from './errors.ts';
import { loadDefinition } from './load.ts';
import { listTaskTargets } from './targets.ts';
import { lambdaShaped, runToEnd, TestHost, type TaskHandler } from './testHost.ts';
import type { AslMachine, ExecutionOptions, TaskRequest } from './types.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** CloudFormation short forms read as the logical id they name (the canvas names nodes by logical id). */
const cfnTags: ScalarTag[] = [
  { tag: '!Ref', resolve: (s: string) => s },
  { tag: '!GetAtt', resolve: (s: string) => s.split('.')[0] },
  { tag: '!Sub', resolve: (s: string) => s },
];

function inlineDefinition(templateFile: string): JsonObject {
  const template = parse(fixture(templateFile), { customTags: cfnTags }) as { Resources: Record<string, { Type: string; Properties: { Definition?: JsonObject } }> };
  const machine = Object.values(template.Resources).find((r) => r.Type === 'AWS::Serverless::StateMachine');
  return machine!.Properties.Definition!;
}

async function load(source: string | Json, substitutions: Record<string, string> = {}, type?: 'STANDARD' | 'EXPRESS'): Promise<AslMachine> {
  const loaded = await loadDefinition(source, { substitutions, type });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return loaded.machine;
}

/** Answers by resource short name / integration; records which states ran. */
function scripted(answer: (req: TaskRequest) => unknown, ms = 100): TaskHandler {
  return (req, cb, host) =>
    host.after(ms, () => {
      const a = answer(req) as Json;
      if (a !== null && typeof a === 'object' && !Array.isArray(a) && typeof a.fail === 'string') cb.fail(a.fail, typeof a.cause === 'string' ? a.cause : '');
      else cb.succeed(a);
    });
}

async function run(machine: AslMachine, input: Json, handler: TaskHandler, options: ExecutionOptions = {}) {
  const host = new TestHost(handler);
  const entered: string[] = [];
  const { result } = await runToEnd(machine, input, host, { ...options, listener: { stateEntered: (s) => entered.push(s) } });
  return { result, host, entered };
}

describe('serverless-patterns definitions', () => {
  it('eventbridge-pipes-ddb-stream-lambda-sfn-enrich: waits 30 s on the simulated clock, then succeeds', async () => {
    const m = await load(fixture('eventbridge-pipes-ddb-stream-lambda-sfn-enrich.asl.json'));
    const { result, entered } = await run(m, { id: 1 }, scripted(() => null));
    expect(result).toMatchObject({ status: 'SUCCEEDED', stopMs: 30_000, output: { id: 1 } });
    expect(entered).toEqual(['Wait', 'Success']);
  });

  it('s3-sqs-eventbridge-pipe-sfn-s3 (Express): nested Maps decode each SQS body and copy every S3 object', async () => {
    const m = await load(fixture('s3-sqs-eventbridge-pipe-sfn-s3.asl.json'), { DestinationBucketName: 'DestinationBucket' }, 'EXPRESS');
    const record = (key: string) => ({ s3: { bucket: { name: 'SourceBucket' }, object: { key } } });
    const messages = [{ body: JSON.stringify({ Records: [record('a.txt'), record('b.txt')] }) }, { body: JSON.stringify({ Records: [record('c.txt')] }) }];
    const { result, host } = await run(m, messages, scripted((req) => (req.integration.action === 'getObject' ? { Body: `content of ${(req.input as JsonObject).Key as string}` } : { ETag: 'e' })), { type: 'EXPRESS' });
    expect(result.status).toBe('SUCCEEDED');
    const puts = host.calls.filter((c) => c.request.integration.action === 'putObject').map((c) => c.request.input);
    expect(puts).toEqual(['a.txt', 'b.txt', 'c.txt'].map((key) => ({ Body: `content of ${key}`, Bucket: 'DestinationBucket', Key: key })));
    expect(host.calls[0].request).toMatchObject({ target: 'SourceBucket', integration: { service: 'aws-sdk:s3', action: 'getObject' } });
  });

  it('sfn-apigw: retries States.TaskFailed after 15 s and 22.5 s (BackoffRate 1.5)', async () => {
    const m = await load(fixture('sfn-apigw.asl.json'), { APIEndPoint: 'MyApi', DefaultPath: '/' });
    let calls = 0;
    const { result, host } = await run(m, { q: 1 }, scripted(() => (++calls <= 2 ? { fail: 'ApiGateway.500', cause: 'Internal' } : { ResponseBody: { ok: true } }), 200));
    expect(host.calls.map((c) => c.startedAt)).toEqual([0, 15_200, 15_200 + 200 + 22_500]);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ResponseBody: { ok: true } } });
    expect(host.calls[0].request).toMatchObject({ target: 'MyApi', input: { ApiEndpoint: 'MyApi', Method: 'GET', Path: '/', RequestBody: { q: 1 } } });
  });

  it('sfn-sns: publishes the message built from the input to the substituted topic', async () => {
    const m = await load(fixture('sfn-sns.asl.json'), { StateMachineSNSTopic: 'arn:aws:sns:us-east-1:123456789012:AlertsTopic' });
    const { result, host } = await run(m, { message: 'hello' }, scripted(() => ({ MessageId: 'm-1' })));
    expect(host.calls[0].request).toMatchObject({ target: 'AlertsTopic', input: { Message: { Input: 'You just received a message from the state machine!', Message: 'hello' } } });
    expect(result.output).toEqual({ MessageId: 'm-1' });
  });

  it('sfn-comprehend-sam: puts the SDK result at $.Sentiment', async () => {
    const m = await load(fixture('sfn-comprehend-sam.asl.json'));
    const { result, host } = await run(m, { message: 'I love it' }, scripted(() => ({ Sentiment: 'POSITIVE' })));
    expect(host.calls[0].request.input).toEqual({ LanguageCode: 'en', Text: 'I love it' });
    expect(result.output).toEqual({ message: 'I love it', Sentiment: { Sentiment: 'POSITIVE' } });
  });

  it('apigw-rest-stepfunction: writes a status, waits until StartTimestamp, writes the completion with the entered time', async () => {
    const m = await load(fixture('apigw-rest-stepfunction.asl.json'), { DDBTable: 'StatusTable' });
    const epochMs = Date.UTC(2026, 0, 1);
    const input = { Id: 'job-1', StartTimestamp: '2026-01-01T00:10:00Z' };
    const { result, host } = await run(m, input, scripted(() => ({})), { epochMs });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: input, stopMs: 600_100 });
    const [put, update] = host.calls.map((c) => c.request);
    expect(put).toMatchObject({ target: 'StatusTable', integration: { action: 'putItem' }, input: { Item: { Id: { S: 'job-1' }, LastUpdated: { S: '2026-01-01T00:00:00.000Z' } } } });
    expect(update).toMatchObject({ integration: { action: 'updateItem' }, input: { ExpressionAttributeValues: { ':newTimestamp': { S: '2026-01-01T00:10:00.000Z' } } } });
  });

  it('sfn-lambda-lambda: calls the two substituted functions in turn, passing the first output on', async () => {
    const m = await load(fixture('sfn-lambda-lambda.asl.json'), {
      FirstFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:FirstFunction',
      SecondFunctionARN: 'SecondFunction',
    });
    const { result, host } = await run(m, { n: 1 }, scripted((req) => ({ by: req.target, got: req.input })));
    expect(host.calls.map((c) => c.request.target)).toEqual(['FirstFunction', 'SecondFunction']);
    expect(result.output).toEqual({ by: 'SecondFunction', got: { Payload: { by: 'FirstFunction', got: { Payload: { n: 1 } } } } });
  });

  it('sfn-lambda-dynamodb: one Lambda task receives the execution input', async () => {
    const m = await load(fixture('sfn-lambda-dynamodb.asl.json'), { LambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:LambdaFunction' });
    const { result, host } = await run(m, { item: 'x' }, scripted(() => ({ statusCode: 200 })));
    expect(host.calls.map((c) => [c.request.target, c.request.input])).toEqual([['LambdaFunction', { item: 'x' }]]);
    expect(result.output).toEqual({ statusCode: 200 });
  });

  it('apigw-sfn-crud: Choice routes each HTTP method to its DynamoDB call', async () => {
    const m = await load(fixture('apigw-sfn-crud.asl.json'), { DDBTable: 'DataBase' });
    const actionFor = async (input: Json) => {
      const { result, host } = await run(m, input, scripted(() => ({ Item: {} })));
      expect(result.status).toBe('SUCCEEDED');
      expect(host.calls[0].request.target).toBe('DataBase');
      return host.calls.map((c) => c.request.integration.action);
    };
    expect(await actionFor({ httpMethod: 'POST', data: { a: { S: '1' } } })).toEqual(['putItem']);
    expect(await actionFor({ httpMethod: 'GET' })).toEqual(['scan']);
    expect(await actionFor({ httpMethod: 'PUT', pathParam: 'id-1', data: {} })).toEqual(['putItem']);
    expect(await actionFor({ httpMethod: 'DELETE', pathParam: 'id-1' })).toEqual(['deleteItem']);
    expect(await actionFor({ httpMethod: 'GET', pathParam: 'id-1' })).toEqual(['getItem']);
    const { host } = await run(m, { httpMethod: 'POST', data: {} }, scripted(() => ({})));
    expect((host.calls[0].request.input as { Item: { id: { S: string } } }).Item.id.S).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lambda-step-functions-sam-java: a failed payment is caught and the order cancelled', async () => {
    const functions = { ProcessOrder: 'ProcessOrder', ProcessPayment: 'ProcessPayment', ReserveInventory: 'ReserveInventory', CancelOrder: 'CancelOrder' };
    const m = await load(fixture('lambda-step-functions-sam-java.asl.json'), functions);
    const payments = (fail: boolean) => scripted((req) => (fail && req.target === 'ProcessPayment' ? { fail: 'PaymentFailed', cause: 'declined' } : lambdaShaped(req, { step: req.target ?? null })));
    const ok = await run(m, { order: 1 }, payments(false));
    expect(ok.entered).toEqual(['ProcessOrder', 'ProcessPayment', 'ReserveInventory']);
    expect(ok.result.output).toEqual({ step: 'ReserveInventory' });
    const declined = await run(m, { order: 1 }, payments(true));
    expect(declined.entered).toEqual(['ProcessOrder', 'ProcessPayment', 'CancelOrder']);
    expect(declined.host.calls.at(-1)!.request.input).toEqual({ FunctionName: 'CancelOrder', Payload: { Error: 'PaymentFailed', Cause: 'declined' } });
  });

  it('sfn-eventbridge (inline Definition): puts the event on the bus the template names', async () => {
    const definition = inlineDefinition('sfn-eventbridge.template.yaml');
    expect(listTaskTargets(definition).map((t) => [t.stateName, t.integration.action, t.name])).toEqual([['SendCustomEvent', 'putEvents', 'MyEventBus']]);
    const m = await load(definition);
    const { result, host } = await run(m, {}, scripted(() => ({ FailedEntryCount: 0 })));
    expect(host.calls[0].request).toMatchObject({ target: 'MyEventBus', input: { Entries: [{ Detail: { Message: 'Hello from Step Functions!' }, DetailType: 'MyTestMessage' }] } });
    expect(result.output).toEqual({ FailedEntryCount: 0 });
  });

  it('s3-event-sfn-lambda-ddb-sns (inline Definition): waits for the task token, then notifies', async () => {
    const m = await load(inlineDefinition('s3-event-sfn-lambda-ddb-sns.template.yaml'));
    const handler: TaskHandler = (req, cb, host) => {
      if (req.integration.pattern === 'waitForTaskToken') {
        const token = ((req.input as JsonObject).Payload as JsonObject).token;
        expect(token).toBe(req.taskToken);
        host.after(5000, () => cb.succeed({ stored: true }));
      } else host.after(100, () => cb.succeed({ MessageId: 'sns-1' }));
    };
    const { result, host, entered } = await run(m, { detail: { object: { key: 'photo.jpg' } } }, handler);
    expect(entered).toEqual(['LambdaInvoke', 'PrepareSNSMessage', 'SNSPublish']);
    expect(host.calls.map((c) => [c.request.target, c.startedAt])).toEqual([['MyLambdaFunction', 0], [undefined, 5000]]);
    expect(host.calls[1].request.input).toMatchObject({ Message: 'Successfully completed the workflow!' });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { MessageId: 'sns-1' }, stopMs: 5100 });
  });
});
