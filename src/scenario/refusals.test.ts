import { describe, expect, it } from 'vitest';
import { SERVICE_KINDS } from '../sim/services/registry.ts';
import { connectionRule, plainRefusal } from './connections.ts';

describe('connection refusals in plain words', () => {
  it('says what AWS does instead, naming services by their labels, never CloudFormation types', () => {
    expect(plainRefusal('AWS::DynamoDB::Table', 'AWS::ApiGateway::RestApi')).toBe(
      "A DynamoDB table can't send to an API Gateway (REST). A table only answers the calls made to it; to react to its changes, turn on its stream and connect a Lambda function.",
    );
    expect(plainRefusal('AWS::SQS::Queue', 'AWS::SNS::Topic')).toBe(
      "An SQS queue can't send to an SNS topic. Consumers poll a queue; it pushes nowhere. Connect the queue to a Lambda function that publishes to the topic.",
    );
    expect(plainRefusal('AWS::SQS::Queue', 'AWS::Lambda::Function')).toBeNull();
  });

  it('has a readable sentence for every refused pair of registered kinds', () => {
    for (const a of SERVICE_KINDS)
      for (const b of SERVICE_KINDS) {
        const text = plainRefusal(a.type, b.type);
        if (text === null) continue;
        expect(text, `${a.type} -> ${b.type}`).not.toMatch(/AWS::/);
        expect(text).toMatch(/^An? .+ can't send to an? .+\.( .+)?$/);
      }
  });

  it('is what a file is told too: the validator names the kinds in words, with the same advice', () => {
    const r = connectionRule('AWS::SQS::Queue', 'AWS::SNS::Topic');
    expect(!r.ok && r.reason).toBe(
      'An SQS queue cannot connect to an SNS topic. Consumers poll a queue; it pushes nowhere. Connect the queue to a Lambda function that publishes to the topic.',
    );
    const toClient = connectionRule('AWS::Lambda::Function', 'Client', 'invoke');
    expect(!toClient.ok && toClient.reason).toBe('A Lambda function cannot invoke a Client. A Client is where traffic starts; nothing sends to it.');
  });
});
