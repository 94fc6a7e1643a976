import { counterOf, hourSeconds, scenarioDoc, type BenchCase } from '../benchCase.ts';

/** Six states: a Lambda task with a Retry, a Choice, a Parallel of two DynamoDB writes, and the end. */
const definition = {
  StartAt: 'Validate',
  States: {
    Validate: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'Validate', 'Payload.$': '$' },
      OutputPath: '$.Payload',
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3, JitterStrategy: 'FULL' }],
      Next: 'Route',
    },
    Route: { Type: 'Choice', Choices: [{ Variable: '$.amount', NumericGreaterThan: 1000, Next: 'Done' }], Default: 'Store' },
    Store: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'WriteOrder', States: { WriteOrder: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'Orders', Item: { 'id.$': '$.id' } }, End: true } } },
        { StartAt: 'WriteAudit', States: { WriteAudit: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'Audit', Item: { 'id.$': '$.id' } }, End: true } } },
      ],
      ResultPath: null,
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

/** (f) A Standard state machine started 200 times a second: Lambda, Choice, Parallel of two DynamoDB writes. */
const stepFunctions: BenchCase = {
  title: '(f) 200/s Step Functions: Lambda + Choice + Parallel of 2 DynamoDB writes',
  durationsSeconds: [360, 3600],
  scenario: (durationSeconds) =>
    scenarioDoc('bench: step functions', durationSeconds, [
      { id: 'Users', type: 'Client', properties: { pattern: 'poisson', ratePerSecond: 200 }, behaviour: { body: { id: { sequence: 1 }, amount: { uniform: [1, 1100] } } } },
      { id: 'Workflow', type: 'AWS::StepFunctions::StateMachine', properties: { Definition: definition } },
      { id: 'Validate', type: 'AWS::Lambda::Function', behaviour: { duration: { distribution: 'lognormal', medianMs: 40, p99Ms: 200 } } },
      { id: 'Orders', type: 'AWS::DynamoDB::Table', properties: { BillingMode: 'PAY_PER_REQUEST' } },
      { id: 'Audit', type: 'AWS::DynamoDB::Table', properties: { BillingMode: 'PAY_PER_REQUEST' } },
    ], [
      { from: 'Users', to: 'Workflow' },
      { from: 'Workflow', to: 'Validate' },
      { from: 'Workflow', to: 'Orders', properties: { operation: 'PutItem' } },
      { from: 'Workflow', to: 'Audit', properties: { operation: 'PutItem' } },
    ]),
  requests: (r) => counterOf(r, 'AWS::StepFunctions::StateMachine', 'ExecutionsStarted'),
  budget: { text: 'one simulated hour in under 5 s', met: (m) => hourSeconds(m) < 5 },
};
export default stepFunctions;
