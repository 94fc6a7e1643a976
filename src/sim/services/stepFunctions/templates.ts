/**
 * Definitions a state machine can start from (ServiceKind.templates), copied or adapted from AWS's Serverless
 * Patterns collection (github.com/aws-samples/serverless-patterns, MIT-0; the copies the tests read are in
 * asl/fixtures/). Each names its origin; a Task's target is a `${Name}` of DefinitionSubstitutions, which the
 * inspector binds to a node of the canvas. Loaded only when a state machine is inspected.
 */
import type { NodeTemplate, TemplateTarget } from '../../core/serviceKind.ts';

const FN = 'AWS::Lambda::Function';
const TABLE = 'AWS::DynamoDB::Table';
const QUEUE = 'AWS::SQS::Queue';
const TOPIC = 'AWS::SNS::Topic';

const target = (name: string, type: string, edge?: Record<string, unknown>): TemplateTarget => ({ name, type, property: `DefinitionSubstitutions.${name}`, ...(edge ? { edge } : {}) });
const standard = (Definition: Record<string, unknown>, targets: readonly TemplateTarget[]) => ({
  StateMachineType: 'STANDARD',
  Definition,
  DefinitionSubstitutions: Object.fromEntries(targets.map((t) => [t.name, t.name])),
});

/** The Lambda service errors serverless-patterns retries (the console's default Retry of a Lambda Task). */
const LAMBDA_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'];
const lambdaTask = (functionName: string, rest: Record<string, unknown>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  OutputPath: '$.Payload',
  Parameters: { 'Payload.$': '$', FunctionName: `\${${functionName}}` },
  ...rest,
});
/** apigw-rest-stepfunction's SetInitialStatus, writing to `table`. */
const putStatus = (table: string, next: Record<string, unknown>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::dynamodb:putItem',
  Parameters: {
    TableName: `\${${table}}`,
    Item: { Id: { 'S.$': 'States.UUID()' }, ProcessStatus: { S: 'STARTING' }, LastUpdated: { 'S.$': '$$.State.EnteredTime' } },
  },
  Retry: [{ ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 20, MaxAttempts: 5, BackoffRate: 10 }],
  ResultPath: null,
  ...next,
});

const orderTargets = ['ProcessOrder', 'ProcessPayment', 'ReserveInventory', 'CancelOrder'].map((n) => target(n, FN));
const crudTargets = [target('DDBTable', TABLE, { operation: 'PutItem' })];
const parallelTargets = [target('OrdersTable', TABLE, { operation: 'PutItem' }), target('AuditTable', TABLE, { operation: 'PutItem' })];
const mapTargets = [target('ItemFunction', FN)];
const snsTargets = [target('StateMachineSNSTopic', TOPIC)];
const queueTargets = [target('WorkQueue', QUEUE), target('NotifyTopic', TOPIC)];
const callbackTargets = [target('CallbackFunction', FN), target('NotifyTopic', TOPIC)];

export const stepFunctionsTemplates: readonly NodeTemplate[] = [
  {
    id: 'lambda-retry-catch',
    title: 'Lambda tasks with Retry and Catch',
    summary: 'Four functions in a row: service errors are retried (2 s, then doubling), a failed payment is caught and the order cancelled.',
    origin: 'serverless-patterns lambda-step-functions-sam-java/sfn-definition.asl.json, unchanged',
    input: { orderId: { sequence: 1 } },
    targets: orderTargets,
    properties: standard(
      {
        Comment: 'Process Order',
        StartAt: 'ProcessOrder',
        States: {
          ProcessOrder: lambdaTask('ProcessOrder', { Retry: [{ ErrorEquals: LAMBDA_ERRORS, IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }], Next: 'ProcessPayment' }),
          ProcessPayment: lambdaTask('ProcessPayment', { Catch: [{ ErrorEquals: ['States.ALL'], Comment: 'Catch#1', Next: 'CancelOrder' }], Next: 'ReserveInventory' }),
          ReserveInventory: lambdaTask('ReserveInventory', { Retry: [{ ErrorEquals: LAMBDA_ERRORS, IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }], End: true }),
          CancelOrder: lambdaTask('CancelOrder', { Retry: [{ ErrorEquals: LAMBDA_ERRORS, IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }], End: true }),
        },
      },
      orderTargets,
    ),
  },
  {
    id: 'choice-crud',
    title: 'Choice: route each HTTP method to DynamoDB',
    summary: 'Two Choice states read the request (pathParam present? which httpMethod?) and send it to Create, Get, Update, Delete or Scan.',
    origin: 'serverless-patterns apigw-sfn-crud/crud.asl.json, unchanged',
    input: { httpMethod: { oneOf: ['GET', 'PUT', 'DELETE'] }, pathParam: 'item-1', 'data.name.S': 'example' },
    targets: crudTargets,
    properties: standard(
      {
        Comment: 'A description of my state machine',
        StartAt: 'Does ID exist?',
        States: {
          'Does ID exist?': { Type: 'Choice', Choices: [{ Variable: '$.pathParam', IsPresent: true, Next: 'Check HTTP Method with ID' }], Default: 'Check HTTP Method' },
          'Check HTTP Method': { Type: 'Choice', Choices: [{ Variable: '$.httpMethod', StringMatches: 'POST', Next: 'Create Item' }], Default: 'Scan' },
          Scan: { Type: 'Task', Parameters: { TableName: '${DDBTable}' }, Resource: 'arn:aws:states:::aws-sdk:dynamodb:scan', End: true },
          'Create Item': {
            Type: 'Task',
            Resource: 'arn:aws:states:::dynamodb:putItem',
            Parameters: { TableName: '${DDBTable}', Item: { id: { 'S.$': 'States.UUID()' }, data: { 'M.$': '$.data' } } },
            ResultPath: null,
            End: true,
          },
          'Check HTTP Method with ID': {
            Type: 'Choice',
            Choices: [
              { Variable: '$.httpMethod', StringMatches: 'PUT', Next: 'Update Item' },
              { Variable: '$.httpMethod', StringMatches: 'DELETE', Next: 'DynamoDB DeleteItem' },
            ],
            Default: 'Get Item',
          },
          'Get Item': { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: '${DDBTable}', Key: { id: { 'S.$': '$.pathParam' } } }, End: true },
          'Update Item': {
            Type: 'Task',
            Resource: 'arn:aws:states:::dynamodb:putItem',
            Parameters: { TableName: '${DDBTable}', Item: { id: { 'S.$': '$.pathParam' }, data: { 'M.$': '$.data' } } },
            ResultPath: null,
            End: true,
          },
          'DynamoDB DeleteItem': { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:deleteItem', Parameters: { TableName: '${DDBTable}', Key: { id: { 'S.$': '$.pathParam' } } }, End: true },
        },
      },
      crudTargets,
    ),
  },
  {
    id: 'parallel-dynamodb',
    title: 'Parallel: write to two DynamoDB tables at once',
    summary: 'A Parallel state runs two putItem branches together and goes on when both are written; a throttled write is retried.',
    origin: 'adapted from serverless-patterns apigw-rest-stepfunction/statemachine/waitable-stepfunction.asl.json: its SetInitialStatus putItem Task (with its Retry), once per branch of a Parallel, keyed by States.UUID()',
    input: null,
    targets: parallelTargets,
    properties: standard(
      {
        Comment: 'Writes each request to the orders table and the audit table at once.',
        StartAt: 'Save everywhere',
        States: {
          'Save everywhere': {
            Type: 'Parallel',
            Branches: [
              { StartAt: 'Save order', States: { 'Save order': putStatus('OrdersTable', { End: true }) } },
              { StartAt: 'Write audit record', States: { 'Write audit record': putStatus('AuditTable', { End: true }) } },
            ],
            ResultPath: null,
            Next: 'Saved',
          },
          Saved: { Type: 'Succeed' },
        },
      },
      parallelTargets,
    ),
  },
  {
    id: 'map-items',
    title: 'Map: a Lambda function per item, two at a time',
    summary: 'A Pass state lists five items (a Client body holds no arrays) and an inline Map invokes the function for each, at most two at once.',
    origin:
      'adapted from serverless-patterns s3-sqs-eventbridge-pipe-sfn-s3 (its inline Map with ItemProcessor) and lambda-step-functions-sam-java (its Lambda Task and Retry), with MaxConcurrency 2',
    input: null,
    targets: mapTargets,
    properties: standard(
      {
        Comment: 'Processes the items of each request, two at a time.',
        StartAt: 'List items',
        States: {
          'List items': { Type: 'Pass', Parameters: { 'request.$': '$', 'items.$': 'States.ArrayRange(1, 5, 1)' }, Next: 'Process each item' },
          'Process each item': {
            Type: 'Map',
            ItemsPath: '$.items',
            MaxConcurrency: 2,
            ItemSelector: { 'item.$': '$$.Map.Item.Value', 'request.$': '$.request' },
            ItemProcessor: {
              ProcessorConfig: { Mode: 'INLINE' },
              StartAt: 'Process item',
              States: {
                'Process item': lambdaTask('ItemFunction', {
                  Retry: [{ ErrorEquals: [...LAMBDA_ERRORS, 'Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 }],
                  End: true,
                }),
              },
            },
            ResultPath: '$.results',
            End: true,
          },
        },
      },
      mapTargets,
    ),
  },
  {
    id: 'sns-publish',
    title: 'SNS: publish each request',
    summary: 'One Task publishes the request\'s message to a topic.',
    origin: 'serverless-patterns sfn-sns/statemachine/stateMachine.asl.json, unchanged',
    input: { message: 'hello' },
    targets: snsTargets,
    properties: standard(
      {
        Comment: 'An example of the Amazon States Language using AWS SNS',
        StartAt: 'SendSNSMessage',
        States: {
          SendSNSMessage: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sns:publish',
            Parameters: { Message: { Input: 'You just received a message from the state machine!', 'Message.$': '$.message' }, TopicArn: '${StateMachineSNSTopic}' },
            End: true,
          },
        },
      },
      snsTargets,
    ),
  },
  {
    id: 'sqs-then-sns',
    title: 'SQS then SNS: queue the work, then notify',
    summary: 'SendMessage puts the request on a queue for a worker, then Publish tells the topic\'s subscribers it is queued.',
    origin: 'adapted from serverless-patterns sfn-sns/statemachine/stateMachine.asl.json: its Publish Task, after an sqs:sendMessage Task written the same way',
    input: null,
    targets: queueTargets,
    properties: standard(
      {
        Comment: 'Queues each request, then notifies the topic.',
        StartAt: 'Queue the request',
        States: {
          'Queue the request': { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: '${WorkQueue}', 'MessageBody.$': '$' }, ResultPath: '$.queued', Next: 'SendSNSMessage' },
          SendSNSMessage: {
            Type: 'Task',
            Resource: 'arn:aws:states:::sns:publish',
            Parameters: { Message: { Input: 'Your request is queued.', 'MessageId.$': '$.queued.MessageId' }, TopicArn: '${NotifyTopic}' },
            End: true,
          },
        },
      },
      queueTargets,
    ),
  },
  {
    id: 'wait-for-callback',
    title: 'Wait for a callback (task token), then notify',
    summary: 'The function gets a task token and the Task waits for SendTaskSuccess (the Callback delay setting); throttles are retried, then caught.',
    origin:
      'adapted from serverless-patterns s3-event-sfn-lambda-ddb-sns/template.yaml (its inline Definition): the function and the topic are DefinitionSubstitutions instead of MyLambdaFunction and an Fn::Sub ARN',
    input: null,
    targets: callbackTargets,
    properties: standard(
      {
        StartAt: 'LambdaInvoke',
        States: {
          LambdaInvoke: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
            TimeoutSeconds: 3600,
            Parameters: { FunctionName: '${CallbackFunction}', Payload: { 'data.$': '$', 'token.$': '$$.Task.Token' } },
            Retry: [{ ErrorEquals: [...LAMBDA_ERRORS, 'Lambda.TooManyRequestsException'], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 }],
            Catch: [{ ErrorEquals: ['Lambda.ServiceException', 'Lambda.UnknownError', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'], Next: 'PrepareSNSMessage', ResultPath: '$.error' }],
            Next: 'PrepareSNSMessage',
          },
          PrepareSNSMessage: { Type: 'Pass', Result: { TopicArn: '${NotifyTopic}', 'Message.$': '$' }, ResultPath: '$.snsInput', Next: 'SNSPublish' },
          SNSPublish: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { Message: 'Successfully completed the workflow!', 'TopicArn.$': '$.snsInput.TopicArn' }, End: true },
        },
      },
      callbackTargets,
    ),
  },
];
