import { describe, expect, it } from 'vitest';
import type { Json } from './errors.ts';
import { listTaskTargets, parseResource, shortName } from './targets.ts';

const task = (Resource: string, Parameters?: Json) => ({ Type: 'Task', Resource, ...(Parameters === undefined ? {} : { Parameters }), End: true });

describe('listTaskTargets', () => {
  const definition = {
    StartAt: 'Invoke',
    States: {
      Invoke: task('arn:aws:states:::lambda:invoke', { FunctionName: '${OrderFn}', 'Payload.$': '$' }),
      Bare: task('arn:aws:lambda:us-east-1:123456789012:function:Legacy:live'),
      Sub: task('${CheckerArn}'),
      Put: task('arn:aws:states:::dynamodb:putItem', { TableName: 'Orders', Item: {} }),
      Get: task('arn:aws:states:::dynamodb:getItem', { TableName: 'arn:aws:dynamodb:us-east-1:1:table/Orders' }),
      Update: task('arn:aws:states:::dynamodb:updateItem', { TableName: 'Orders' }),
      Delete: task('arn:aws:states:::dynamodb:deleteItem', { TableName: 'Orders' }),
      Query: task('arn:aws:states:::aws-sdk:dynamodb:query', { TableName: 'Orders' }),
      Send: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken', { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/Approvals', MessageBody: {} }),
      Publish: task('arn:aws:states:::sns:publish', { TopicArn: 'arn:aws:sns:us-east-1:123456789012:Alerts', Message: 'x' }),
      Events: task('arn:aws:states:::events:putEvents', { Entries: [{ EventBusName: 'Orders', Detail: {} }, { Detail: {} }] }),
      Child: task('arn:aws:states:::states:startExecution.sync:2', { StateMachineArn: 'arn:aws:states:us-east-1:1:stateMachine:Child' }),
      Dynamic: task('arn:aws:states:::lambda:invoke', { 'FunctionName.$': '$.fn' }),
      Fan: {
        Type: 'Parallel', End: true,
        Branches: [{ StartAt: 'Inner', States: { Inner: task('arn:aws:states:::sqs:sendMessage', { QueueUrl: '${Queue}' }) } }],
      },
    },
  };
  const rows = listTaskTargets(definition, { OrderFn: 'OrderFunction', CheckerArn: 'arn:aws:lambda:us-east-1:1:function:Checker', Queue: 'WorkQueue' });
  const byState = Object.fromEntries(rows.map((r) => [r.stateName, r]));

  it('reads each integration and the field AWS takes the target from', () => {
    expect(rows.map((r) => [r.stateName, `${r.integration.service}:${r.integration.action}`, r.integration.pattern, r.name ?? null])).toEqual([
      ['Invoke', 'lambda:invoke', 'requestResponse', 'OrderFunction'],
      ['Bare', 'lambda:invoke', 'requestResponse', 'Legacy'],
      ['Sub', 'lambda:invoke', 'requestResponse', 'Checker'],
      ['Put', 'dynamodb:putItem', 'requestResponse', 'Orders'],
      ['Get', 'dynamodb:getItem', 'requestResponse', 'Orders'],
      ['Update', 'dynamodb:updateItem', 'requestResponse', 'Orders'],
      ['Delete', 'dynamodb:deleteItem', 'requestResponse', 'Orders'],
      ['Query', 'aws-sdk:dynamodb:query', 'requestResponse', 'Orders'],
      ['Send', 'sqs:sendMessage', 'waitForTaskToken', 'Approvals'],
      ['Publish', 'sns:publish', 'requestResponse', 'Alerts'],
      ['Events', 'events:putEvents', 'requestResponse', 'Orders'],
      ['Events', 'events:putEvents', 'requestResponse', 'default'],
      ['Child', 'states:startExecution', 'sync', 'Child'],
      ['Dynamic', 'lambda:invoke', 'requestResponse', null],
      ['Inner', 'sqs:sendMessage', 'requestResponse', 'WorkQueue'],
    ]);
  });

  it('says which DefinitionSubstitutions a target came from, and which targets are computed at run time', () => {
    expect(byState.Invoke).toMatchObject({ substitution: 'OrderFn', value: 'OrderFunction', dynamic: false });
    expect(byState.Sub).toMatchObject({ substitution: 'CheckerArn', resource: 'arn:aws:lambda:us-east-1:1:function:Checker' });
    expect(byState.Dynamic.dynamic).toBe(true);
    expect(byState.Dynamic.value).toBeUndefined();
    expect(byState.Put.substitution).toBeUndefined();
  });

  it('parses suffixes and short names', () => {
    expect(parseResource('arn:aws:states:::states:startExecution')).toMatchObject({ pattern: 'requestResponse', targetField: 'StateMachineArn' });
    expect(parseResource('arn:aws:states:::lambda:invoke.waitForTaskToken')).toMatchObject({ action: 'invoke', pattern: 'waitForTaskToken', targetField: 'FunctionName' });
    expect(shortName('arn:aws:lambda:us-east-1:1:function:Fn:prod')).toBe('Fn');
    expect(shortName('https://sqs.eu-west-1.amazonaws.com/1/Queue.fifo')).toBe('Queue.fifo');
    expect(shortName('arn:aws:events:us-east-1:1:event-bus/Bus')).toBe('Bus');
    expect(shortName('PlainName')).toBe('PlainName');
  });
});
